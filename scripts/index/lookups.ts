/**
 * The exact-lookup tables search reads before any full text (issue #4): small JSON files, sharded so a query
 * fetches one or two of them and never a whole-archive index.
 *
 *   /search/lookup/events/<shard>.json    event ID → article count, sources, articles grouped by source
 *   /search/lookup/errors/<shard>.json    error-code key → display, kind, article count, its first 100 articles
 *
 * An article number needs no table: the page fetches the article's own page, which it needs for the result anyway.
 * Shards are chosen by `scripts/index/query.ts`, the module the browser bundles too.
 */
import type { Listings } from '../link/index.ts';
import type { WriteSiteFile } from './index.ts';
import { LOOKUP_ARTICLES, lookupPaths, type ErrorShard, type EventShard } from './query.ts';

export interface LookupInput {
  listings: Pick<Listings, 'events' | 'errors'>;
  /** Every article: id and title. */
  titles: Map<string, string>;
}

export interface LookupStats {
  files: number;
  bytes: number;
}

export async function writeLookups(write: WriteSiteFile, input: LookupInput): Promise<LookupStats> {
  const files = new Map<string, unknown>();
  const titled = (ids: string[]): Array<[string, string]> => ids.map((id) => [id, input.titles.get(id) ?? id]);

  const eventShards = new Map<string, EventShard>();
  for (const e of input.listings.events) {
    const path = lookupPaths.eventShard(e.id);
    const table = eventShards.get(path) ?? eventShards.set(path, {}).get(path)!;
    table[e.id] = { count: e.articleCount, sources: e.sources.map((s) => [s.key, s.name, titled(s.articles)]) };
  }
  for (const [path, table] of eventShards) files.set(path, table);

  const errorShards = new Map<string, ErrorShard>();
  for (const e of input.listings.errors) {
    const path = lookupPaths.errorShard(e.code);
    const table = errorShards.get(path) ?? errorShards.set(path, {}).get(path)!;
    const articles = titled(e.articles);
    const display = e.display.toLowerCase();
    const named = (title: string) => title.toLowerCase().includes(display);
    const listed = [...articles.filter(([, t]) => named(t)), ...articles.filter(([, t]) => !named(t))].slice(0, LOOKUP_ARTICLES);
    table[e.code] = { display: e.display, kind: e.kind, count: articles.length, articles: listed };
  }
  for (const [path, table] of errorShards) files.set(path, table);

  let bytes = 0;
  for (const [path, value] of files) {
    const body = JSON.stringify(value);
    bytes += Buffer.byteLength(body);
    await write(path, body);
  }
  return { files: files.size, bytes };
}
