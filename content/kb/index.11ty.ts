/** `/kb/`: the archive by number, one link per `/kb/<NNN>/` folder (kbarchive's layout). */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';

export const data = { layout: 'base.11ty.ts', title: 'All articles by number', permalink: '/kb/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'All articles' }] };

export function render({ kb }: { kb: SiteData }): string {
  return html`<h1>All articles by number</h1>
<ul class="folder-grid">${kb.listings.folders.map((f) => html`<li><a href="${url(kb.site, `/kb/${f.key}/`)}">${f.key}</a> <span class="count">${f.articles.length}</span></li>`)}</ul>`.value;
}
