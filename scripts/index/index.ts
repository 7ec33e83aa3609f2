/**
 * Stage 6 (index): what `/search/` needs, written into the built site through the build's output folder —
 *   - the exact-lookup tables (lookups.ts): event IDs, error codes, article numbers;
 *   - the full-text index (full-text/): term shards, tails and filter lists, from the terms the parse workers made;
 *   - the search script, `assets/search.ts` bundled by esbuild with the index's figures (it imports the query
 *     parser, the tokenizer and the ranking, so the browser reads a query exactly as the build read the articles).
 * The output folder leaves a file alone when its bytes are unchanged, so an edit rewrites only what it changed.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { Piscina } from 'piscina';
import type { Listings } from '../link/index.ts';
import type { ArticleRecord } from '../types.ts';
import { eventSourceKey } from '../symptoms/event-sources.ts';
import { writeLookups } from './lookups.ts';
import type { ArticleTerms } from './full-text/article-terms.ts';
import type { IndexArticle } from './full-text/write-index.ts';
import buildIndex, { type BuiltIndex } from './full-text/index-worker.ts';
import { queryTerms } from './full-text/tokens.ts';
import type { IndexFigures } from './full-text/rank.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes one file of the site (`/search/index/t/0a3.bin`): the build's OutputFolder. */
export type WriteSiteFile = (sitePath: string, content: string | Uint8Array) => Promise<void>;

export interface SearchIndexInput {
  /** The full-text index, being built (`startFullTextIndex`). */
  index: Promise<BuiltIndex>;
  /** Every article's id and title, for the exact lookups. */
  titles: Map<string, string>;
  listings: Pick<Listings, 'events' | 'errors'>;
}

export interface SearchIndexResult {
  articles: number;
  terms: number;
  postings: number;
  /** Files and bytes of the index as served (under `/search/`), the script aside. */
  files: number;
  bytes: number;
  /** Seconds spent building the full-text index in memory, on its thread. */
  buildSeconds: number;
}

/** The filters search offers, as the index lists them: product family, article type, year, event source. */
export function filtersOf(record: ArticleRecord): [name: string, value: string][] {
  const out: [string, string][] = [['family', record.productFamily], ['type', record.articleType]];
  if (record.year !== null) out.push(['year', String(record.year)]);
  for (const key of new Set(record.events.flatMap((e) => (e.source && !e.via ? [eventSourceKey(e.source)] : [])))) out.push(['source', key]);
  return out;
}

/** What the index is given of one article. */
export function indexArticle(record: ArticleRecord, terms: ArticleTerms): IndexArticle {
  return { number: record.number, terms, titleTerms: queryTerms(record.title), filters: filtersOf(record) };
}

/**
 * Starts building the full-text index from every article and the terms its parse made (`ProcessedArticle.searchTerms`):
 * on a thread of its own (index-worker.ts), so that the main thread renders meanwhile, or in this thread when
 * `inThread` (the build's `--workers 0`).
 */
export async function startFullTextIndex(articles: { record: ArticleRecord; terms: ArticleTerms }[], options: { inThread: boolean }): Promise<BuiltIndex> {
  const input = { articles: articles.map(({ record, terms }) => indexArticle(record, terms)) };
  if (options.inThread) return buildIndex(input);
  const pool = new Piscina<typeof input, BuiltIndex>({ filename: new URL('./full-text/index-worker.ts', import.meta.url).href, minThreads: 1, maxThreads: 1 });
  try {
    return await pool.run(input);
  } finally {
    await pool.destroy();
  }
}

/** Writes the full-text index once built, the exact lookups and the search script. */
export async function writeSearchIndex(write: WriteSiteFile, input: SearchIndexInput): Promise<SearchIndexResult> {
  const index = await input.index;
  let files = 0;
  let bytes = 0;
  const counted: WriteSiteFile = (path, content) => {
    files++;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    return write(path, content);
  };
  for (const [path, content] of index.files) await counted(path, content);
  await writeLookups(counted, { listings: input.listings, titles: input.titles });
  await write('/assets/search.js', await bundleSearchScript({ articles: index.stats.articles, commonTerms: index.commonTerms }));
  return { articles: index.stats.articles, terms: index.stats.terms, postings: index.stats.postings, files, bytes, buildSeconds: index.seconds };
}

/** `assets/search.ts` as one ES module for current browsers (served as `/assets/search.js`), with the index's figures. */
export async function bundleSearchScript(figures: IndexFigures): Promise<Uint8Array> {
  const result = await esbuild({
    entryPoints: [join(projectRoot, 'assets/search.ts')],
    write: false,
    outfile: 'search.js',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    define: { __INDEX_FIGURES__: JSON.stringify(figures) },
  });
  return result.outputFiles[0]!.contents;
}
