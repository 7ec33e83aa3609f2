/** `/search/?q=…`: the search page. Without JavaScript it still offers the browse and symptom indexes. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';

export const data = { layout: 'base.11ty.ts', title: 'Search', permalink: '/search/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Search' }] };

export function render({ kb }: { kb: SiteData }): string {
  const site = kb.site;
  return html`<h1>Search the archive</h1>
<form id="search-form" role="search" action="${url(site, '/search/')}" method="get">
  <label for="search-q">Event ID, error code, article number or words</label>
  <input id="search-q" name="q" type="search">
  <button type="submit">Search</button>
</form>
<div id="search-results" aria-live="polite"></div>
<noscript><p>Search needs JavaScript. Browse instead: <a href="${url(site, '/events/')}">event IDs</a>, <a href="${url(site, '/errors/')}">error codes</a>, <a href="${url(site, '/products/')}">products</a>, <a href="${url(site, '/kb/')}">all articles by number</a>.</p></noscript>`.value;
}
