/**
 * Stage 6 (index): what `/search/` needs, written into the built site through the build's output folder —
 *   - the exact-lookup tables (lookups.ts): event IDs, error codes, article numbers;
 *   - the full-text index (full-text/): term shards, tails and filter lists, from the terms the parse workers made;
 *   - the search script, `assets/search.ts` bundled by esbuild with the index's figures (it imports the query
 *     parser, the tokenizer and the ranking, so the browser reads a query exactly as the build read the articles),
 *     for the search page to hold inline.
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
import buildIndex, { type BuiltIndex, type IndexTask } from './full-text/index-worker.ts';
import { MessageChannel } from 'node:worker_threads';
import { queryTerms, wordForms } from './full-text/tokens.ts';
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
  return { number: record.number, terms, titleTerms: queryTerms(record.title), titleForms: wordForms(record.title), filters: filtersOf(record) };
}

/** The full-text index being built, and the figures the search script is bundled with, known well before it. */
export interface IndexInProgress {
  index: Promise<BuiltIndex>;
  figures: Promise<IndexFigures>;
}

/**
 * Starts building the full-text index from every article and the terms its parse made (`ProcessedArticle.searchTerms`):
 * on a thread of its own (index-worker.ts), so that the main thread renders meanwhile, or in this thread when
 * `inThread` (the build's `--workers 0`).
 */
export function startFullTextIndex(articles: { record: ArticleRecord; terms: ArticleTerms }[], options: { inThread: boolean }): IndexInProgress {
  const task = { articles: articles.map(({ record, terms }) => indexArticle(record, terms)) };
  let told!: (figures: IndexFigures) => void;
  const figures = new Promise<IndexFigures>((resolve) => (told = resolve));
  if (options.inThread) {
    const index = new Promise<BuiltIndex>((resolve) => resolve(buildIndex(task, told)));
    return { index, figures: settleWith(figures, index) };
  }
  const channel = new MessageChannel();
  channel.port1.once('message', (found: IndexFigures) => told(found));
  const pool = new Piscina<IndexTask, BuiltIndex>({ filename: new URL('./full-text/index-worker.ts', import.meta.url).href, minThreads: 1, maxThreads: 1 });
  const index = pool.run({ ...task, figures: channel.port2 }, { transferList: [channel.port2] }).finally(() => {
    channel.port1.close();
    return pool.destroy();
  });
  return { index, figures: settleWith(figures, index) };
}

/** The figures, or the index's failure when it fails before telling them (the page waiting for them must not hang). */
function settleWith(figures: Promise<IndexFigures>, index: Promise<BuiltIndex>): Promise<IndexFigures> {
  return Promise.race([figures, index.then(() => figures)]);
}

/** Writes the full-text index once built and the exact lookups. */
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
  return { articles: index.stats.articles, terms: index.stats.terms, postings: index.stats.postings, files, bytes, buildSeconds: index.seconds };
}

/**
 * `assets/search.ts` as one classic script for current browsers, with the index's figures: the search page holds it
 * inline, ahead of its stylesheet, so the query's requests go out with the stylesheet's instead of a round after.
 */
export async function bundleSearchScript(figures: IndexFigures): Promise<string> {
  const result = await esbuild({
    entryPoints: [join(projectRoot, 'assets/search.ts')],
    write: false,
    outfile: 'search.js',
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    define: { __INDEX_FIGURES__: JSON.stringify(figures) },
  });
  // Inside a <script> element, `</script` would end it wherever it stood; `<\/script` is the same string to the script.
  return result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
}
