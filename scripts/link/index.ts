/**
 * Stage 4 (link): everything that needs the whole archive — citations both ways, related articles,
 * neighbours within a product family, and the browse and symptom listings.
 */
import type { ArticleRecord, LinkedArticle } from '../types.ts';
import { compareIds, linkCitations } from './citations.ts';
import { relatedArticles } from './related.ts';
import { buildListings, summarise, keywordSlug, type ArticleSummary, type Listings } from './listings.ts';

export { compareIds, permalinkOf, folderOf } from './citations.ts';
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
  stats: { citationsResolved: number; citationsMissing: number };
}

export function linkArchive(records: ArticleRecord[], familyName: (slug: string) => string): LinkedArchive {
  const sorted = [...records].sort((a, b) => compareIds(a.id, b.id));
  const ids = new Set(sorted.map((r) => r.id));
  const citations = linkCitations(sorted, (id) => ids.has(id));
  const related = relatedArticles(sorted, citations.citedBy);

  const articles: LinkedArticle[] = sorted.map((r) => ({
    ...r,
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
    listings: buildListings(sorted, familyName),
    neighbours,
    stats: { citationsResolved: citations.resolved, citationsMissing: citations.unresolved },
  };
}
