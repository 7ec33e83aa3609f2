/** `/products/`: every product family with its article count, largest first. */
import { html } from '../../layouts/lib/html.ts';
import type { SiteData } from '../../layouts/lib/site.ts';
import { countList } from '../../layouts/group-pages.ts';
import { count } from '../../layouts/lib/labels.ts';

export const data = { layout: 'base.11ty.ts', title: 'Products', permalink: '/products/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Products' }] };

export function render({ kb }: { kb: SiteData }): string {
  const families = [...kb.listings.families].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return html`<h1>Products</h1>
<p class="lead">${count(families.length, 'product family', 'product families')}, from each article's <code>Product(s):</code> line. Each product page narrows by year, article type and version.</p>
${countList(kb.site, families.map((f) => ({ name: f.name, path: `/products/${f.key}/`, count: f.articles.length })))}`.value;
}
