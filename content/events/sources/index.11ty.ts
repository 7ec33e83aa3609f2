/** `/events/sources/`: every event source, with its event IDs. */
import { html } from '../../../layouts/lib/html.ts';
import { url, type SiteData } from '../../../layouts/lib/site.ts';

export const data = {
  layout: 'base.11ty.ts',
  title: 'Event sources',
  permalink: '/events/sources/index.html',
  breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Event IDs', path: '/events/' }, { label: 'Sources' }],
};

export function render({ kb }: { kb: SiteData }): string {
  return html`<h1>Event sources</h1>
<p class="lead">${kb.listings.sources.length.toLocaleString('en-US')} event sources: the services and drivers that log the events the archive names.</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Event sources"><table class="index-table"><thead><tr><th scope="col">Source</th><th scope="col">Event IDs</th><th scope="col">Articles</th></tr></thead><tbody>
${kb.listings.sources.map((s) => html`<tr><td><a href="${url(kb.site, `/events/sources/${s.slug}/`)}">${s.name}</a></td>
<td>${s.events.map((e, i) => html`${i ? ', ' : ''}<a href="${url(kb.site, `/events/${e.id}/`)}">${e.id}</a>`)}</td><td>${s.articleCount}</td></tr>`)}
</tbody></table></div>`.value;
}
