/**
 * Stage 4 (link): everything that needs the whole archive — citations both ways, related articles,
 * neighbours within a product family, and the browse and symptom listings.
 */
import type { ArticleRecord, LinkedArticle } from '../types.ts';
import { compareIds, linkCitations } from './citations.ts';
import { relatedArticles } from './related.ts';
import { buildListings, summarise, keywordSlug, type ArticleSummary, type Listings } from './listings.ts';

export { compareIds, permalinkOf, folderOf } from './citations.ts';
export { relatedInputsOf } from './related.ts';
export { listingInputsOf } from './listings.ts';
export { resolveBodyLinks } from './body-links.ts';
export { keywordSlug };
export type { ArticleSummary, Listings, EventListing, EventSourceGroup, SourceListing, ErrorListing, GroupListing, ProductFacets } from './listings.ts';

export interface LinkedArchive {
  /** Sorted by article number. */
  articles: LinkedArticle[];
  summaries: Map<string, ArticleSummary>;
  listings: Listings;
  /** Previous and next article within the same product family, by article number. */
  neighbours: Map<string, { previous: string | null; next: string | null }>;
  stats: { citationsResolved: number; citationsMissing: number; fromLast: { related: boolean; listings: boolean } };
}

/**
 * An article with its links, its fields in one fixed order (the published record's: write/articles.ts). Written out
 * rather than spread: the records read back from the cache come in many shapes, and spreading 59k of them cost a
 * rebuild ~1 s; one literal gives every article the same shape.
 */
export function linkedArticle(r: ArticleRecord, links: Pick<LinkedArticle, 'citedBy' | 'referencesFound' | 'referencesMissing' | 'related'>): LinkedArticle {
  return {
    id: r.id, number: r.number, title: r.title, permalink: r.permalink,
    lastModified: r.lastModified, year: r.year,
    product: r.product, productFamily: r.productFamily,
    versions: r.versions, platforms: r.platforms, os: r.os, keywords: r.keywords,
    issueType: r.issueType, solutionType: r.solutionType, technology: r.technology,
    articleType: r.articleType, titleTags: r.titleTags, dialect: r.dialect,
    appliesTo: r.appliesTo, sections: r.sections,
    events: r.events, eventMessages: r.eventMessages, errorCodes: r.errorCodes, errorMessages: r.errorMessages,
    references: r.references, referencesFound: links.referencesFound, referencesMissing: links.referencesMissing,
    citedBy: links.citedBy, related: links.related, queryWords: r.queryWords, sourcePath: r.sourcePath,
  };
}

/**
 * @param last what of the last build's linking the build knows to be still right, and need not be made again: its
 *   related articles (no article changed what relatedness is computed from: `relatedInputsOf`) and its listings (nor
 *   what they are made from: `listingInputsOf`).
 */
export function linkArchive(records: ArticleRecord[], familyName: (slug: string) => string, last: { related?: ReadonlyMap<string, string[]>; listings?: Listings } = {}): LinkedArchive {
  const sorted = [...records].sort((a, b) => compareIds(a.id, b.id));
  const ids = new Set(sorted.map((r) => r.id));
  const citations = linkCitations(sorted, (id) => ids.has(id));
  const related = last.related ?? relatedArticles(sorted, citations.citedBy);

  const articles: LinkedArticle[] = sorted.map((r) => linkedArticle(r, {
    citedBy: citations.citedBy.get(r.id) ?? [],
    referencesFound: citations.found.get(r.id) ?? [],
    referencesMissing: citations.missing.get(r.id) ?? [],
    related: related.get(r.id) ?? [],
  }));

  const neighbours = new Map<string, { previous: string | null; next: string | null }>();
  const byFamily = new Map<string, string[]>();
  for (const r of sorted) {
    const list = byFamily.get(r.productFamily);
    if (list) list.push(r.id);
    else byFamily.set(r.productFamily, [r.id]);
  }
  for (const list of byFamily.values()) {
    list.forEach((id, i) => neighbours.set(id, { previous: list[i - 1] ?? null, next: list[i + 1] ?? null }));
  }

  return {
    articles,
    summaries: new Map(sorted.map((r) => [r.id, summarise(r)])),
    listings: last.listings ?? buildListings(sorted, familyName),
    neighbours,
    stats: { citationsResolved: citations.resolved, citationsMissing: citations.unresolved, fromLast: { related: last.related !== undefined, listings: last.listings !== undefined } },
  };
}
