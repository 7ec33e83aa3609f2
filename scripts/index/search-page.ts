/**
 * The page Pagefind is given for one article (pagefind.ts), and its digest. A pure function of the parsed record and
 * its lead text, so the parse workers compute the digest once per article and the cache keeps it
 * (pipeline/article.ts): a rebuild finds which index parts changed without making 59k search pages again.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../layouts/lib/html.ts';
import { eventSourceKey } from '../symptoms/event-sources.ts';
import type { ArticleRecord } from '../types.ts';

export interface SearchDocument {
  article: ArticleRecord;
  /** The start of the body as indexed (`ProcessedArticle.searchText`, lead-text.ts). */
  searchText: string;
  /** `searchDigest` of this document, when already known (`ProcessedArticle.searchDigest`). */
  digest?: string;
}

/** What identifies the page Pagefind is given for a document: its URL and HTML. */
export function searchDigest(doc: SearchDocument): string {
  return createHash('sha256').update(doc.article.permalink).update('\0').update(searchHtml(doc)).digest('base64url');
}

/**
 * The page Pagefind indexes for one article: not the rendered page (navigation, related lists and the whole body
 * would cost memory and rank noise) but what people search by. The title is the `h1` (Pagefind weights headings),
 * the symptoms line is weighted up and comes after the body, so excerpts open on the text; filters and result metadata ride on `<meta>` elements. All text is escaped:
 * article text is data.
 */
export function searchHtml({ article: a, searchText }: SearchDocument): string {
  const e = escapeHtml;
  const filter = (name: string, value: string) => `<meta data-pagefind-filter="${name}[content]" content="${e(value)}">`;
  const meta = (name: string, value: string) => `<meta data-pagefind-meta="${name}[content]" content="${e(value)}">`;
  const symptoms = [
    a.id,
    `KB${a.number}`,
    ...a.events.map((ev) => `Event ID ${ev.id}${ev.source ? ` ${ev.source}` : ''}`),
    ...a.errorCodes.map((c) => c.display),
  ];
  const sources = [...new Set(a.events.flatMap((ev) => (ev.source ? [eventSourceKey(ev.source)] : [])))];
  return `<html lang="en"><head>${meta('title', a.title)}${meta('id', a.id)}${a.product ? meta('product', a.product) : ''}${a.lastModified ? meta('date', a.lastModified) : ''}</head><body>
${filter('family', a.productFamily)}${filter('type', a.articleType)}${a.year !== null ? filter('year', String(a.year)) : ''}${sources.map((s) => filter('source', s)).join('')}
<h1>${e(a.title)}</h1>
<p>${e(searchText)}</p>
${a.errorMessages.length > 0 ? `<p data-pagefind-weight="3">${e(a.errorMessages.join(' · '))}</p>` : ''}
<p data-pagefind-weight="5">${e(symptoms.join(' · '))}</p>
<p data-pagefind-weight="2">${e([...a.sections, ...a.appliesTo, ...a.queryWords, ...a.keywords, a.product ?? ''].join(' · '))}</p>
</body></html>`;
}
