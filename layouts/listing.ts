/** Lists of articles as every index page shows them: number, title, product and date. */
import { html, type SafeHtml } from './lib/html.ts';
import { url, type SiteData } from './lib/site.ts';

export function articleList(kb: SiteData, ids: string[]): SafeHtml {
  return html`<ul class="listing">${ids.map((id) => {
    const a = kb.summaries.get(id);
    if (!a) return html`<li>${id}</li>`;
    // Class-less and without `datetime` (an ISO date is its own machine-readable value): an article is listed on ~8
    // pages, so each byte of a row is ~0.5 MB of the full site (docs/benchmarks.md).
    return html`<li><a href="${url(kb.site, a.permalink)}"><span>${a.id}</span> ${a.title}</a><small>${a.product ?? ''}${a.lastModified ? html` · <time>${a.lastModified}</time>` : ''}</small></li>`;
  })}</ul>`;
}
