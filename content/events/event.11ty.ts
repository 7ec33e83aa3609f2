/** `/events/<id>/`: every article that names the event, grouped by event source. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';
import { articleList } from '../../layouts/listing.ts';
import { count } from '../../layouts/lib/labels.ts';
import type { EventListing } from '../../scripts/link/index.ts';
import { letOthersRun } from '../../scripts/render/event-loop.ts';

const outputOf = (event: EventListing) => `/events/${event.id}/index.html`;

export const data = {
  pagination: { data: 'kb.listings.events', size: 1, alias: 'event', addAllPagesToCollections: false, before: (items: EventListing[], d: { kb: SiteData }) => d.kb.pages.select(items, outputOf) },
  layout: 'base.11ty.ts',
  permalink: (d: { event: EventListing }) => outputOf(d.event),
  eleventyComputed: {
    title: (d: { event: EventListing }) => `Event ID ${d.event.id}`,
    description: (d: { event: EventListing }) => `Event ID ${d.event.id}${d.event.sources.some((s) => s.name) ? ` (${d.event.sources.filter((s) => s.name).map((s) => s.name).join(', ')})` : ''}: the Knowledge Base articles that describe it.`,
    breadcrumbs: (d: { event: EventListing }) => [{ label: 'Home', path: '/' }, { label: 'Event IDs', path: '/events/' }, { label: String(d.event.id) }],
  },
};

const sectionId = (key: string) => `src-${key || 'none'}`;

export async function render({ kb, event }: { kb: SiteData; event: EventListing }): Promise<string> {
  await letOthersRun();
  const named = event.sources.filter((s) => s.name);
  return html`<h1>Event ID ${event.id}</h1>
<p class="lead">Named in ${count(event.articleCount, 'article')}${named.length ? `, logged by ${count(named.length, 'event source')}` : ''}. Event IDs are numbered per source: the same number from two sources is two different events.</p>
${event.sources.length > 1 ? html`<nav class="letter-index" aria-label="Event sources on this page"><ul>${event.sources.map(
    (s) => html`<li><a href="#${sectionId(s.key)}">${s.name ?? 'Source not named'}</a> <span class="count">${s.articles.length}</span></li>`,
  )}</ul></nav>` : ''}
${event.sources.map((s) => html`<section class="event-source" data-source="${s.key}" aria-labelledby="${sectionId(s.key)}">
  <h2 id="${sectionId(s.key)}">${s.name ? html`<a href="${url(kb.site, `/events/sources/${s.slug}/`)}">${s.name}</a> ${event.id}` : 'Source not named'} <span class="count">${count(s.articles.length, 'article')}</span></h2>
  ${articleList(kb, s.articles)}
</section>`)}`.value;
}
