/**
 * `/events/<id>/`: every article that names the event, grouped by event source; per source, its spellings, the
 * entry as articles quote it from the event log, the articles that describe it, and apart from them the articles
 * that name it only in the title of an article they cite (a service pack's fix list, "see also").
 */
import { html, type SafeHtml } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';
import { articleList } from '../../layouts/listing.ts';
import { count } from '../../layouts/lib/labels.ts';
import type { EventListing, EventSourceGroup } from '../../scripts/link/index.ts';

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

/** The distinct messages of a source's entries as logged, each with the articles that quote it. */
function loggedMessages(group: EventSourceGroup): { type: string | null; message: string; articles: string[] }[] {
  const byText = new Map<string, { type: string | null; message: string; articles: string[] }>();
  for (const m of group.messages) {
    const key = `${m.type ?? ''}\n${m.message.toLowerCase()}`;
    const entry = byText.get(key);
    if (entry) {
      if (!entry.articles.includes(m.article)) entry.articles.push(m.article);
    } else byText.set(key, { type: m.type, message: m.message, articles: [m.article] });
  }
  return [...byText.values()].sort((a, b) => b.articles.length - a.articles.length);
}

/** Articles of a source's group: those that describe the event and those that name it through a citation, once each. */
const groupArticles = (s: EventSourceGroup): number => new Set([...s.articles, ...s.via.map((v) => v.article)]).size;

/** A cited article by number and title; one the archive lacks, by the title its citer gives, plainly marked. */
function citedArticle(kb: SiteData, id: string, citedAs: string): SafeHtml {
  const summary = kb.summaries.get(id);
  return summary
    ? html`<a href="${url(kb.site, summary.permalink)}"><span>${id}</span> ${summary.title}</a>`
    : html`<span class="kbref-missing"><span>${id}</span> ${citedAs}</span> <strong class="not-archived">not archived</strong>`;
}

function sourceSection(kb: SiteData, event: EventListing, s: EventSourceGroup): SafeHtml {
  const messages = loggedMessages(s);
  const cited = [...new Set(s.via.map((v) => v.cited))];
  return html`<section class="event-source" data-source="${s.key}" aria-labelledby="${sectionId(s.key)}">
  <h2 id="${sectionId(s.key)}">${s.name ? html`<a href="${url(kb.site, `/events/sources/${s.slug}/`)}">${s.name}</a> ${event.id}` : 'Source not named'} <span class="count">${count(groupArticles(s), 'article')}</span></h2>
  ${s.spellings.length > 1 ? html`<p class="spellings">Spelled ${s.spellings.map((sp, i) => html`${i ? ', ' : ''}<code>${sp.spelling}</code> (${count(sp.articles, 'article')})`)}.</p>` : ''}
  ${messages.length > 0 ? html`<h3>As logged</h3>
  <ul class="logged">${messages.map((m) => html`<li><blockquote>${m.type ? html`<span class="tag">${m.type}</span> ` : ''}${m.message}</blockquote> <span class="listing-meta">quoted in ${m.articles.map((id, i) => html`${i ? ', ' : ''}<a href="${url(kb.site, kb.summaries.get(id)?.permalink ?? '/')}">${id}</a>`)}</span></li>`)}</ul>` : ''}
  ${s.articles.length > 0 ? html`${s.via.length > 0 || messages.length > 0 ? html`<h3>Articles that describe it</h3>` : ''}${articleList(kb, s.articles)}` : ''}
  ${cited.length > 0 ? html`<h3>Named in the title of a cited article (fix lists, "see also")</h3>
  <ul class="listing via">${cited.map((id) => html`<li>${citedArticle(kb, id, s.via.find((v) => v.cited === id && v.title)?.title ?? '')}<small>cited by ${s.via.filter((v) => v.cited === id).map((v, i) => html`${i ? ', ' : ''}<a href="${url(kb.site, kb.summaries.get(v.article)?.permalink ?? '/')}">${v.article}</a>`)}</small></li>`)}</ul>` : ''}
</section>`;
}

export async function render({ kb, event }: { kb: SiteData; event: EventListing }): Promise<string> {
  const named = event.sources.filter((s) => s.name);
  return html`<h1>Event ID ${event.id}</h1>
<p class="lead">Named in ${count(event.articleCount, 'article')}${named.length ? `, logged by ${count(named.length, 'event source')}` : ''}. Event IDs are numbered per source: the same number from two sources is two different events.</p>
${event.sources.length > 1 ? html`<nav class="letter-index" aria-label="Event sources on this page"><ul>${event.sources.map(
    (s) => html`<li><a href="#${sectionId(s.key)}">${s.name ?? 'Source not named'}</a> <span class="count">${groupArticles(s)}</span></li>`,
  )}</ul></nav>` : ''}
${event.sources.map((s) => sourceSection(kb, event, s))}`.value;
}
