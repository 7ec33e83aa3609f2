/** `/events/<id>/`: every article that names the event, grouped by event source. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';
import { articleList } from '../../layouts/listing.ts';
import type { EventListing } from '../../scripts/link/index.ts';

export const data = {
  pagination: { data: 'kb.listings.events', size: 1, alias: 'event', addAllPagesToCollections: false },
  layout: 'base.11ty.ts',
  permalink: (d: { event: EventListing }) => `/events/${d.event.id}/index.html`,
  eleventyComputed: {
    title: (d: { event: EventListing }) => `Event ID ${d.event.id}`,
    breadcrumbs: (d: { event: EventListing }) => [{ label: 'Home', path: '/' }, { label: 'Event IDs', path: '/events/' }, { label: String(d.event.id) }],
  },
};

export function render({ kb, event }: { kb: SiteData; event: EventListing }): string {
  return html`<h1>Event ID ${event.id}</h1>
<p>${event.articleCount} ${event.articleCount === 1 ? 'article names' : 'articles name'} this event ID${event.sources.length > 1 ? `, from ${event.sources.filter((s) => s.name).length} event sources` : ''}.</p>
${event.sources.map((s) => html`<section class="event-source" data-source="${s.key}" aria-labelledby="src-${s.key || 'none'}">
  <h2 id="src-${s.key || 'none'}">${s.name ? html`Source: <a href="${url(kb.site, `/events/sources/${s.slug}/`)}">${s.name}</a>` : 'Source not named'}</h2>
  ${articleList(kb, s.articles)}
</section>`)}`.value;
}
