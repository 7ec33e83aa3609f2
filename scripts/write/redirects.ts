/**
 * Old-link compatibility (issue #5): the article number alone, `/Q182346/` and `/kb/Q182346/`, reaches the
 * article on any static host. Two ways, both written:
 * - redirect pages: a tiny `index.html` at each old path (meta refresh, canonical link, noindex and a plain link
 *   for people) — works everywhere, GitHub Pages included; ~330 bytes each, two per article;
 * - `_redirects` (Netlify, and Cloudflare Pages up to its rule limit): real 301s for hosts that read it.
 *   nginx and Apache can do the same with one regex rule: see the README.
 */
import { escapeHtml } from '../../layouts/lib/html.ts';
import { absoluteUrl, url, type SiteInfo } from '../../layouts/lib/site.ts';

/** The old paths of an article that redirect to its permalink. */
export const oldPaths = (id: string): string[] => [`/${id}/`, `/kb/${id}/`];

/** The redirect page for one old path: no layout, no script, nothing to index. */
export function redirectPage(site: SiteInfo, id: string, permalink: string): string {
  const href = escapeHtml(url(site, permalink));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${id}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(absoluteUrl(site, permalink))}">
<meta http-equiv="refresh" content="0; url=${href}">
</head><body><p>${id} has moved to <a href="${href}">${href}</a>.</p></body></html>
`;
}

/** `_redirects` lines (`from to 301`), one per old path, in article order. */
export function redirectRules(site: SiteInfo, articles: readonly { id: string; permalink: string }[]): string {
  const lines = [`# Old kbarchive links to article pages (kb-archive-ssg). Read by Netlify; Cloudflare Pages reads the first 2,000.`];
  for (const a of articles) for (const from of oldPaths(a.id)) lines.push(`${url(site, from)} ${url(site, a.permalink)} 301`);
  return `${lines.join('\n')}\n`;
}

/** The nginx rule that does the same for every article, documented in the README. */
export function nginxRule(site: SiteInfo): string {
  const base = site.base;
  return [
    `# /Q182346/ and /kb/Q182346/ → ${base}kb/182/Q182346/ (folder: the first 3 digits of the number zero-padded to 6)`,
    `rewrite "^${base}(?:kb/)?Q(\\d{3})(\\d{3})/?$" ${base}kb/$1/Q$1$2/ permanent;`,
    `rewrite "^${base}(?:kb/)?Q(\\d{2})(\\d{3})/?$" ${base}kb/0$1/Q$1$2/ permanent;`,
    `rewrite "^${base}(?:kb/)?Q(\\d{1})(\\d{3})/?$" ${base}kb/00$1/Q$1$2/ permanent;`,
    `rewrite "^${base}(?:kb/)?Q(\\d{1,3})/?$" ${base}kb/000/Q$1/ permanent;`,
  ].join('\n');
}
