/** `/years/`: the archive by the year an article was last modified. */
import { html } from '../../layouts/lib/html.ts';
import type { SiteData } from '../../layouts/lib/site.ts';
import { countList } from '../../layouts/group-pages.ts';

export const data = { layout: 'base.11ty.ts', title: 'Years', permalink: '/years/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Years' }] };

export function render({ kb }: { kb: SiteData }): string {
  const years = kb.listings.years;
  return html`<h1>Articles by year last modified</h1>
${countList(kb.site, years.map((y) => ({ name: y.key === 'unknown' ? 'Date unknown' : y.name, path: `/years/${y.key}/`, count: y.articles.length })))}`.value;
}
