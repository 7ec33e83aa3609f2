/** `/errors/`: every error code, grouped by kind, each with the number of articles naming it. */
import { html } from '../../layouts/lib/html.ts';
import type { SiteData } from '../../layouts/lib/site.ts';
import { countList } from '../../layouts/group-pages.ts';
import { count, kindLabel } from '../../layouts/lib/labels.ts';

export const data = {
  layout: 'base.11ty.ts',
  title: 'Error codes',
  permalink: '/errors/index.html',
  breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Error codes' }],
};

export function render({ kb }: { kb: SiteData }): string {
  const { errors } = kb.listings;
  const kinds = [...new Set(errors.map((e) => e.kind))].sort((a, b) => kindLabel(a).localeCompare(kindLabel(b)));
  return html`<h1>Error codes</h1>
<p class="lead">${count(errors.length, 'error code')} named in the archive.</p>
<nav class="letter-index" aria-label="Kinds of error code"><ul>${kinds.map((k) => html`<li><a href="#kind-${k}">${kindLabel(k)}</a></li>`)}</ul></nav>
${kinds.map((kind) => {
    const list = errors.filter((e) => e.kind === kind);
    return html`<section aria-labelledby="kind-${kind}"><h2 id="kind-${kind}">${kindLabel(kind)} <span class="count">${list.length.toLocaleString('en-US')}</span></h2>
${countList(kb.site, list.map((e) => ({ name: e.display, path: `/errors/${e.code}/`, count: e.articles.length })), 'counts compact code-list')}</section>`;
  })}`.value;
}
