/** `/errors/`: every error code, grouped by kind. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';
import { kindLabels } from './error.11ty.ts';

export const data = {
  layout: 'base.11ty.ts',
  title: 'Error codes',
  permalink: '/errors/index.html',
  breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Error codes' }],
};

export function render({ kb }: { kb: SiteData }): string {
  const kinds = [...new Set(kb.listings.errors.map((e) => e.kind))].sort();
  return html`<h1>Error codes</h1>
<p>${kb.listings.errors.length.toLocaleString('en-US')} error codes named in the archive.</p>
${kinds.map((kind) => html`<section aria-labelledby="kind-${kind}"><h2 id="kind-${kind}">${kindLabels[kind] ?? kind}</h2>
<ul class="code-cloud">${kb.listings.errors.filter((e) => e.kind === kind).map((e) => html`<li><a href="${url(kb.site, `/errors/${e.code}/`)}">${e.display}</a> <span class="count">${e.articles.length}</span></li>`)}</ul></section>`)}`.value;
}
