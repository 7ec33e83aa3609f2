/**
 * `/events/`: every event ID in the archive, with its sources and article counts, by number; `by-articles.11ty.ts`
 * renders the same table by how many articles name each event (two static pages: sorting works without script).
 */
import { html, type SafeHtml } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';
import type { EventListing } from '../../scripts/link/index.ts';

export const data = {
  layout: 'base.11ty.ts',
  title: 'Event IDs',
  permalink: '/events/index.html',
  breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Event IDs' }],
};

export type EventOrder = 'number' | 'articles';

/** The events index in one order, with a link to the other. */
export function eventsIndex(kb: SiteData, order: EventOrder): SafeHtml {
  const events: EventListing[] = order === 'number' ? kb.listings.events : [...kb.listings.events].sort((a, b) => b.articleCount - a.articleCount || a.id - b.id);
  const sortLink = (o: EventOrder, label: string) =>
    o === order ? html`<span aria-current="page">${label}</span>` : html`<a href="${url(kb.site, o === 'number' ? '/events/' : '/events/by-articles/')}">${label}</a>`;
  return html`<h1>Event IDs</h1>
<p class="lead">${events.length.toLocaleString('en-US')} event IDs named in the archive. See also <a href="${url(kb.site, '/events/sources/')}">event sources</a>.</p>
<p class="sort-by">Sorted by ${sortLink('number', 'event ID')} · ${sortLink('articles', 'number of articles')}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Event IDs"><table class="index-table"><thead><tr><th scope="col"${order === 'number' ? html` aria-sort="ascending"` : ''}>Event ID</th><th scope="col">Sources</th><th scope="col"${order === 'articles' ? html` aria-sort="descending"` : ''}>Articles</th></tr></thead><tbody>
${events.map((e) => html`<tr><td><a href="${url(kb.site, `/events/${e.id}/`)}">${e.id}</a></td><td>${e.sources.filter((s) => s.name).map((s, i) => html`${i ? ', ' : ''}<a href="${url(kb.site, `/events/sources/${s.slug}/`)}">${s.name}</a>`)}</td><td>${e.articleCount}</td></tr>`)}
</tbody></table></div>`;
}

export function render({ kb }: { kb: SiteData }): string {
  return eventsIndex(kb, 'number').value;
}
