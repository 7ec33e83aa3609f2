/** `/products/`: every product family with its article count. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';

export const data = { layout: 'base.11ty.ts', title: 'Products', permalink: '/products/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Products' }] };

export function render({ kb }: { kb: SiteData }): string {
  return html`<h1>Products</h1>
<ul class="counts">${kb.listings.families.map((f) => html`<li><a href="${url(kb.site, `/products/${f.key}/`)}">${f.name}</a> <span class="count">${f.articles.length.toLocaleString('en-US')}</span></li>`)}</ul>`.value;
}
