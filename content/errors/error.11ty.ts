/** `/errors/<code>/`: every article that names an error code. */
import { html } from '../../layouts/lib/html.ts';
import type { SiteData } from '../../layouts/lib/site.ts';
import { articleList } from '../../layouts/listing.ts';
import type { ErrorListing } from '../../scripts/link/index.ts';

export const kindLabels: Record<string, string> = {
  hresult: 'HRESULT', ntstatus: 'NTSTATUS', stop: 'STOP (bug check) code', win32: 'Error number', tool: 'Compiler/tool error',
  hex: 'Hex code', runtime: 'Run-time error', net: 'System message',
};

export const data = {
  pagination: { data: 'kb.listings.errors', size: 1, alias: 'error', addAllPagesToCollections: false },
  layout: 'base.11ty.ts',
  permalink: (d: { error: ErrorListing }) => `/errors/${d.error.code}/index.html`,
  eleventyComputed: {
    title: (d: { error: ErrorListing }) => `Error ${d.error.display}`,
    breadcrumbs: (d: { error: ErrorListing }) => [{ label: 'Home', path: '/' }, { label: 'Error codes', path: '/errors/' }, { label: d.error.display }],
  },
};

export function render({ kb, error }: { kb: SiteData; error: ErrorListing }): string {
  return html`<h1>${error.display}</h1>
<p>${kindLabels[error.kind] ?? error.kind}, named in ${error.articles.length} ${error.articles.length === 1 ? 'article' : 'articles'}.</p>
${articleList(kb, error.articles)}`.value;
}
