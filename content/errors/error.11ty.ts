/** `/errors/<code>/`: every article that names an error code. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';
import { articleList } from '../../layouts/listing.ts';
import { count, kindLabel } from '../../layouts/lib/labels.ts';
import type { ErrorListing } from '../../scripts/link/index.ts';

const outputOf = (error: ErrorListing) => `/errors/${error.code}/index.html`;

export const data = {
  pagination: { data: 'kb.listings.errors', size: 1, alias: 'error', addAllPagesToCollections: false, before: (items: ErrorListing[], d: { kb: SiteData }) => d.kb.pages.select(items, outputOf) },
  layout: 'base.11ty.ts',
  permalink: (d: { error: ErrorListing }) => outputOf(d.error),
  eleventyComputed: {
    title: (d: { error: ErrorListing }) => `Error ${d.error.display}`,
    description: (d: { error: ErrorListing }) => `${kindLabel(d.error.kind)} ${d.error.display}: the Knowledge Base articles that name it.`,
    breadcrumbs: (d: { error: ErrorListing }) => [{ label: 'Home', path: '/' }, { label: 'Error codes', path: '/errors/' }, { label: d.error.display }],
  },
};

/** An HRESULT or NTSTATUS as the signed 32-bit number programs print (`0x80004005` → `-2147467259`). */
function signedDecimal(error: ErrorListing): string | null {
  if (error.kind !== 'hresult' && error.kind !== 'ntstatus') return null;
  const hex = /^0x([0-9a-f]{8})$/i.exec(error.code)?.[1];
  return hex ? String(Number.parseInt(hex, 16) | 0) : null;
}

export async function render({ kb, error }: { kb: SiteData; error: ErrorListing }): Promise<string> {
  const decimal = signedDecimal(error);
  return html`<h1><span class="code">${error.display}</span></h1>
<dl class="meta-panel">
  <div><dt>Kind</dt><dd><a href="${url(kb.site, `/errors/#kind-${error.kind}`)}">${kindLabel(error.kind)}</a></dd></div>
  ${decimal ? html`<div><dt>As a signed number</dt><dd><span class="code">${decimal}</span></dd></div>` : ''}
  <div><dt>Named in</dt><dd>${count(error.articles.length, 'article')}</dd></div>
</dl>
<h2 id="articles">Articles that name ${error.display}</h2>
${articleList(kb, error.articles)}`.value;
}
