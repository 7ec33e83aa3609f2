/** Lists of articles as every index page shows them: number, title, product and date. */
import { html, type SafeHtml } from './lib/html.ts';
import { url, type SiteData } from './lib/site.ts';

export function articleList(kb: SiteData, ids: string[]): SafeHtml {
  return html`<ul class="listing">${ids.map((id) => {
    const a = kb.summaries.get(id);
    if (!a) return html`<li>${id}</li>`;
    return html`<li><a href="${url(kb.site, a.permalink)}"><span class="listing-id">${a.id}</span> ${a.title}</a>
      <span class="listing-meta">${a.product ?? ''}${a.lastModified ? html` · <time datetime="${a.lastModified}">${a.lastModified}</time>` : ''}</span></li>`;
  })}</ul>`;
}
