/** `/types/`: the archive by article type (problem, bug, fix, how-to…), with counts. */
import { html } from '../../layouts/lib/html.ts';
import type { SiteData } from '../../layouts/lib/site.ts';
import { countList } from '../../layouts/group-pages.ts';
import { typeLabel } from '../../layouts/lib/labels.ts';

export const data = { layout: 'base.11ty.ts', title: 'Article types', permalink: '/types/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Article types' }] };

export function render({ kb }: { kb: SiteData }): string {
  const types = [...kb.listings.types].sort((a, b) => b.articles.length - a.articles.length);
  return html`<h1>Article types</h1>
<p class="lead">The kind of article, from its title tag (<code>PRB:</code>, <code>BUG:</code>, <code>FIX:</code>, <code>HOWTO:</code>…) and its footer's issue type.</p>
${countList(kb.site, types.map((t) => ({ name: typeLabel(t.key), path: `/types/${t.key}/`, count: t.articles.length })))}`.value;
}
