/** `/events/`: every event ID in the archive, with its sources and article counts. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';

export const data = {
  layout: 'base.11ty.ts',
  title: 'Event IDs',
  permalink: '/events/index.html',
  breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Event IDs' }],
};

export function render({ kb }: { kb: SiteData }): string {
  const { events } = kb.listings;
  return html`<h1>Event IDs</h1>
<p class="lead">${events.length.toLocaleString('en-US')} event IDs named in the archive. See also <a href="${url(kb.site, '/events/sources/')}">event sources</a>.</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Event IDs"><table class="index-table"><thead><tr><th scope="col">Event ID</th><th scope="col">Sources</th><th scope="col">Articles</th></tr></thead><tbody>
${events.map((e) => html`<tr><td><a href="${url(kb.site, `/events/${e.id}/`)}">${e.id}</a></td><td>${e.sources.filter((s) => s.name).map((s, i) => html`${i ? ', ' : ''}<a href="${url(kb.site, `/events/sources/${s.slug}/`)}">${s.name}</a>`)}</td><td>${e.articleCount}</td></tr>`)}
</tbody></table></div>`.value;
}
