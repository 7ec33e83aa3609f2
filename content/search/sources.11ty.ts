/**
 * `/search/sources.json`: the event-source filter's choices, `[key, name, articles]` per source. The search page
 * loads them once its first results are shown (or the filter is reached first): ~250 sources are a fifth of the
 * page, which every search would otherwise fetch before its results.
 */
import type { SiteData } from '../../layouts/lib/site.ts';

export const data = { permalink: '/search/sources.json', eleventyExcludeFromCollections: true };

export function render({ kb }: { kb: SiteData }): string {
  return JSON.stringify(kb.listings.sources.map((s) => [s.key, s.name, s.articleCount]));
}
