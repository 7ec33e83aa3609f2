/**
 * The exact-lookup tables search reads before any full text (issue #4): small JSON files, sharded so a query
 * fetches one or two of them and never a whole-archive index.
 *
 *   /search/lookup/events.json            every event ID → its sources and counts (loaded for numeric queries)
 *   /search/lookup/events/<shard>.json    event ID → articles, grouped by source
 *   /search/lookup/errors/<shard>.json    error-code key → display, kind, articles
 *   /search/lookup/articles/<NNN>.json    the articles of one kbarchive folder: id → title
 *
 * Shards are chosen by `scripts/index/query.ts`, the module the browser bundles too.
 */
import type { Listings } from '../link/index.ts';
import { folderOf } from '../link/index.ts';
import type { WriteSiteFile } from './index.ts';
import { lookupPaths, type ArticleShard, type ErrorShard, type EventShard, type EventsTable } from './query.ts';

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

  const events: EventsTable = {};
  const eventShards = new Map<string, EventShard>();
  for (const e of input.listings.events) {
    events[e.id] = { count: e.articleCount, sources: e.sources.map((s) => [s.key, s.name, s.articles.length]) };
    const path = lookupPaths.eventShard(e.id);
    const table = eventShards.get(path) ?? eventShards.set(path, {}).get(path)!;
    table[e.id] = e.sources.map((s) => [s.key, titled(s.articles)]);
  }
  files.set(lookupPaths.events, events);
  for (const [path, table] of eventShards) files.set(path, table);

  const errorShards = new Map<string, ErrorShard>();
  for (const e of input.listings.errors) {
    const path = lookupPaths.errorShard(e.code);
    const table = errorShards.get(path) ?? errorShards.set(path, {}).get(path)!;
    table[e.code] = { display: e.display, kind: e.kind, articles: titled(e.articles) };
  }
  for (const [path, table] of errorShards) files.set(path, table);

  const folders = new Map<string, ArticleShard>();
  for (const [id, title] of input.titles) {
    const folder = folderOf(id);
    const table = folders.get(folder) ?? folders.set(folder, {}).get(folder)!;
    table[id] = title;
  }
  for (const table of folders.values()) files.set(lookupPaths.articleShard(Object.keys(table)[0]!), table);

  let bytes = 0;
  for (const [path, value] of files) {
    const body = JSON.stringify(value);
    bytes += Buffer.byteLength(body);
    await write(path, body);
  }
  return { files: files.size, bytes };
}
