/**
 * The HTML shell every page shares: landmarks, a skip link, the site header with search, and the footer.
 * Pages set `title`, and may set `description`, `canonical` (a site path), `breadcrumbs` and `bodyClass`.
 */
import { flat } from './lib/flat.ts';
import { html, raw, type SafeHtml } from './lib/html.ts';
import { absoluteUrl, url, type SiteData } from './lib/site.ts';
import { assetPath } from './lib/assets.ts';

export interface Crumb {
  label: string;
  path?: string;
}

interface BaseData {
  kb: SiteData;
  content: string;
  title?: string;
  description?: string;
  canonical?: string;
  breadcrumbs?: Crumb[];
  page: { url: string | false };
  noindex?: boolean;
  bodyClass?: string;
}

export interface ShellOptions {
  content: string;
  /** Site path of this page, for the canonical link. */
  path: string;
  title?: string;
  description?: string;
  breadcrumbs?: Crumb[];
  noindex?: boolean;
  /** A class on `<body>` for page-specific layout (`page-article`). */
  bodyClass?: string;
  /** HTML for the head ahead of the stylesheet (the search page's script: a stylesheet still loading would hold it). */
  head?: SafeHtml;
}

/** Eleventy layout entry point. */
export function render(data: BaseData): string {
  return renderShell(data.kb, {
    content: data.content,
    path: data.canonical ?? (typeof data.page.url === 'string' ? data.page.url : '/'),
    title: data.title,
    description: data.description,
    breadcrumbs: data.breadcrumbs,
    noindex: data.noindex,
    bodyClass: data.bodyClass,
  });
}

/** The shell itself, also called directly by the article template (a layout per page costs 60k lookups) and the search
 *  page (which puts its script in the head). */
export function renderShell(kb: SiteData, data: ShellOptions): string {
  const { site } = kb;
  const pagePath = data.path;
  const title = data.title ? `${data.title} · ${site.title}` : site.title;
  const crumbs = data.breadcrumbs ?? [];
  return flat(`<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${data.description ? html`<meta name="description" content="${data.description}">` : ''}
<link rel="canonical" href="${absoluteUrl(site, pagePath)}">
${data.noindex ? raw('<meta name="robots" content="noindex">') : ''}
<meta name="color-scheme" content="light dark">
${pagePath === '/' ? html`<meta name="generator" content="kb-archive-ssg ${site.version}">
<link rel="alternate" type="application/atom+xml" title="Recently modified articles" href="${url(site, '/feed.xml')}">
` : ''}<link rel="icon" type="image/svg+xml" href="${url(site, '/assets/favicon.svg')}">
${data.head ?? ''}<link rel="stylesheet" href="${url(site, assetPath('site.css'))}">
<link rel="search" type="application/opensearchdescription+xml" title="${site.title}" href="${url(site, '/opensearch.xml')}">
</head>
<body${data.bodyClass ? html` class="${data.bodyClass}"` : ''}>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-name" href="${url(site, '/')}">${site.title}</a>
<nav aria-label="Site"><ul>
<li><a href="${url(site, '/products/')}">Products</a></li>
<li><a href="${url(site, '/events/')}">Event IDs</a></li>
<li><a href="${url(site, '/errors/')}">Error codes</a></li>
<li><a href="${url(site, '/kb/')}">All articles</a></li>
</ul></nav>
<form class="site-search" role="search" aria-label="Site search" action="${url(site, '/search/')}" method="get">
<input name="q" type="search" aria-label="Search the archive" placeholder="Event ID, error code, Q number or words" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
${crumbs.length > 0
    ? html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs.map((c, i) =>
        i === crumbs.length - 1 || !c.path
          ? html`<li><span aria-current="${i === crumbs.length - 1 ? 'page' : 'false'}">${c.label}</span></li>`
          : html`<li><a href="${url(site, c.path)}">${c.label}</a></li>`,
      )}</ol></nav>`
    : ''}
<main id="main" tabindex="-1">
${raw(data.content)}
</main>
<footer class="site-footer">
<p>An archive of ${site.articleCount.toLocaleString('en-US')} Microsoft Knowledge Base articles. The articles' text belongs to Microsoft.
<a href="${url(site, '/about/')}">About this archive</a> · <a href="${url(site, '/data/')}">Download the data</a></p>
</footer>
</body>
</html>`}\n`);
}
