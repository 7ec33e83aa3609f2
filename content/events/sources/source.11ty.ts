/** `/events/sources/<slug>/`: the event IDs one source logs, each with its articles. */
import { html } from '../../../layouts/lib/html.ts';
import { count } from '../../../layouts/lib/labels.ts';
import { url, type SiteData } from '../../../layouts/lib/site.ts';
import { articleList } from '../../../layouts/listing.ts';
import type { SourceListing } from '../../../scripts/link/index.ts';

const outputOf = (source: SourceListing) => `/events/sources/${source.slug}/index.html`;

export const data = {
  pagination: { data: 'kb.listings.sources', size: 1, alias: 'source', addAllPagesToCollections: false, before: (items: SourceListing[], d: { kb: SiteData }) => d.kb.pages.select(items, outputOf) },
  layout: 'base.11ty.ts',
  permalink: (d: { source: SourceListing }) => outputOf(d.source),
  eleventyComputed: {
    title: (d: { source: SourceListing }) => `Event source ${d.source.name}`,
    breadcrumbs: (d: { source: SourceListing }) => [{ label: 'Home', path: '/' }, { label: 'Event sources', path: '/events/sources/' }, { label: d.source.name }],
  },
};

export async function render({ kb, source }: { kb: SiteData; source: SourceListing }): Promise<string> {
  return html`<h1>Event source ${source.name}</h1>
<p class="lead">${count(source.events.length, 'event ID')} in ${count(source.articleCount, 'article')}.</p>
${source.spellings.length > 1 ? html`<p class="spellings">Spelled ${source.spellings.map((sp, i) => html`${i ? ', ' : ''}<code>${sp.spelling}</code> (${count(sp.articles, 'article')})`)}.</p>` : ''}
${source.events.map((e) => html`<section aria-labelledby="ev-${e.id}"><h2 id="ev-${e.id}"><a href="${url(kb.site, `/events/${e.id}/`)}">Event ID ${e.id}</a> <span class="count">${count(e.articles.length, 'article')}</span></h2>${articleList(kb, e.articles)}</section>`)}`.value;
}
