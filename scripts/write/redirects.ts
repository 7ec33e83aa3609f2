/**
 * Old links as server rules, for hosts that can answer them with real redirects. Every host also resolves them
 * without rules: the not-found page and the home page read an old link in the browser (`assets/old-links.ts`), so
 * the default build writes no file per old path.
 * - `_redirects` (with `--redirects-file`): one 301 per old path form of every article, for Netlify. It is long
 *   (four lines per article), so it is an option: GitLab Pages ignores a file of over 1,000 rules, and Cloudflare
 *   Pages reads only the first 2,100.
 * - nginx: a few regex rules for every article, documented in the README (`nginxRules`).
 */
import { url, type SiteInfo } from '../../layouts/lib/site.ts';

/**
 * The path forms of old links to an article: kbarchive's `/Q182346/`, `/kb/Q182346/`; Microsoft's `/kb/182346` and
 * `/kb/182346/<language>` for numbers of four digits or more (`/kb/182/` is a folder page of this site).
 */
export const oldPathForms = (id: string): string[] => [`/${id}/`, `/kb/${id}/`, ...(id.length > 4 ? [`/kb/${id.slice(1)}`, `/kb/${id.slice(1)}/*`] : [])];

/** `_redirects` lines (`from to 301`), in article order. */
export function redirectRules(site: SiteInfo, articles: readonly { id: string; permalink: string }[]): string {
  const lines = [`# Old links to article pages (kb-archive-ssg), for Netlify. Query forms (?kbid=, default.aspx?scid=) are resolved by the pages themselves.`];
  for (const a of articles) for (const from of oldPathForms(a.id)) lines.push(`${url(site, from)} ${url(site, a.permalink)} 301`);
  return `${lines.join('\n')}\n`;
}

/**
 * nginx rules that redirect the path forms of old links for every article (the number's folder is its first three
 * digits, zero-padded to six: Q5723 → kb/005/). `/kb/<n>` takes four digits or more, so the folder pages
 * `/kb/<NNN>/` stay themselves.
 */
export function nginxRules(site: SiteInfo): string {
  const base = site.base;
  const forms = `(?:(?:kb/)?[Qq]|kb/(?=\\d{4}))`;
  const tail = `(?:/[A-Za-z-]{1,10})?/?$`;
  return [
    `# ${base}Q182346/, ${base}kb/Q182346/, ${base}kb/182346 and ${base}kb/182346/en-us → ${base}kb/182/Q182346/`,
    `rewrite "^${base}${forms}0*([1-9]\\d{2})(\\d{3})${tail}" ${base}kb/$1/Q$1$2/ permanent;`,
    `rewrite "^${base}${forms}0*([1-9]\\d)(\\d{3})${tail}" ${base}kb/0$1/Q$1$2/ permanent;`,
    `rewrite "^${base}${forms}0*([1-9])(\\d{3})${tail}" ${base}kb/00$1/Q$1$2/ permanent;`,
    `rewrite "^${base}(?:kb/)?[Qq]0*([1-9]\\d{0,2})/?$" ${base}kb/000/Q$1/ permanent;`,
    `rewrite "^${base}${forms}0*([1-9]\\d{2})(\\d{4})${tail}" ${base}kb/$1/Q$1$2/ permanent;`,
  ].join('\n');
}
