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
import { MAX_PATCHED_ARTICLES, type ArticleChange, type IndexState } from './full-text/patch-index.ts';
import buildIndex, { type BuiltIndex, type IndexTask, type LastIndex } from './full-text/index-worker.ts';
import { MessageChannel } from 'node:worker_threads';
import { threadModule } from '../pipeline/thread-module.ts';
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
  /** Seconds spent building the full-text index in memory, on its thread, or patching it. */
  buildSeconds: number;
  /** Whether the full-text index was patched from the last build's (patch-index.ts), and how many of its files. */
  patched: number | null;
  /** For the next build to patch from. */
  state: IndexState;
}

/**
 * What a build keeps of its search index for the next one (write/last-build.ts): the index's state, and each
 * article's number, file and cache key, by which the next build tells the articles that changed since.
 */
export interface SearchState {
  /** A digest of the code and the options the index was built with: a patch needs the same. */
  inputs: string;
  articles: [number: number, path: string, key: string][];
  index: IndexState;
}

/** An article as the index is given it, with the file and the cache key it was read from (none: not cached). */
export interface ArticleToIndex {
  record: ArticleRecord;
  /** Its terms (read from the cache when first asked for: a rebuild that patches the index needs only a few). */
  terms: () => ArticleTerms;
  path: string;
  key: string | undefined;
}

/**
 * The articles changed since the last build's index, each as that build indexed it (read back from the per-article
 * cache under the key it recorded) and as it is now; null when one of them cannot be known (a file with no cache key,
 * an entry no longer cached) or there are more than a patch is worth.
 */
export function changesSince(last: SearchState, articles: readonly ArticleToIndex[], cached: (key: string, path: string) => { record: ArticleRecord; terms: ArticleTerms } | null): ArticleChange[] | null {
  const before = new Map(last.articles.map(([number, path, key]) => [number, { path, key }]));
  const changes: ArticleChange[] = [];
  const was = (path: string, key: string): IndexArticle | null => {
    const old = cached(key, path);
    return old ? indexArticle(old.record, old.terms) : null;
  };
  for (const a of articles) {
    if (!a.key) return null;
    const old = before.get(a.record.number);
    before.delete(a.record.number);
    if (old?.path === a.path && old.key === a.key) continue;
    const then = old ? was(old.path, old.key) : null;
    if (old && !then) return null;
    changes.push({ before: then, after: indexArticle(a.record, a.terms()) });
    if (changes.length > MAX_PATCHED_ARTICLES) return null;
  }
  for (const { path, key } of before.values()) {
    const then = was(path, key);
    if (!then || changes.push({ before: then, after: null }) > MAX_PATCHED_ARTICLES) return null;
  }
  return changes;
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
 * `inThread` (the build's `--workers 0`). Given the last build's index and the articles changed since, it patches
 * that instead (patch-index.ts), and builds the whole index only when the patch is refused.
 */
export function startFullTextIndex(articles: readonly ArticleToIndex[], options: { inThread: boolean; last?: LastIndex | null; loadTerms?: () => void }): IndexInProgress {
  let told!: (figures: IndexFigures) => void;
  const figures = new Promise<IndexFigures>((resolve) => (told = resolve));
  let pool: Piscina<IndexTask, BuiltIndex | null> | null = null;
  const run = async (task: IndexTask): Promise<BuiltIndex | null> => {
    if (options.inThread) return Promise.resolve().then(() => buildIndex(task, told));
    pool ??= new Piscina<IndexTask, BuiltIndex | null>({ ...(await threadModule(new URL('./full-text/index-worker.ts', import.meta.url))), minThreads: 1, maxThreads: 1 });
    const channel = new MessageChannel();
    channel.port1.once('message', (found: IndexFigures) => told(found));
    return pool.run({ ...task, figures: channel.port2 }, { transferList: [channel.port2] }).then((index) => {
      // A patch tells its figures as it ends, on a port of its own: the result may come first.
      if (index) told({ articles: index.state.articles, commonTerms: index.state.commonTerms });
      channel.port1.close();
      return index;
    });
  };
  const whole = async () => {
    options.loadTerms?.();
    return (await run({ articles: articles.map(({ record, terms }) => indexArticle(record, terms())) }))!;
  };
  const last = options.last;
  const index = (last ? run({ last }).then((patched) => patched ?? whole()) : whole()).finally(() => pool?.destroy());
  return { index, figures: settleWith(figures, index) };
}

/** The figures, or the index's failure when it fails before telling them (the page waiting for them must not hang). */
function settleWith(figures: Promise<IndexFigures>, index: Promise<BuiltIndex>): Promise<IndexFigures> {
  return Promise.race([figures, index.then(() => figures)]);
}

/**
 * Writes the full-text index once built (or patched: its other files are kept as the last build wrote them) and the
 * exact lookups.
 */
export async function writeSearchIndex(write: WriteSiteFile, keep: (sitePath: string) => boolean, input: SearchIndexInput): Promise<SearchIndexResult> {
  const index = await input.index;
  let files = index.state.files.length;
  let bytes = index.state.files.reduce((sum, [, size]) => sum + size, 0);
  for (const [path, content] of index.files) await write(path, content);
  for (const path of index.unchanged) {
    if (!keep(path)) throw new Error(`${path}: the last build's search index file to keep is not as it left it`);
  }
  await writeLookups((path, content) => {
    files++;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    return write(path, content);
  }, { listings: input.listings, titles: input.titles });
  const { articles, terms, postings } = index.state;
  return { articles, terms, postings, files, bytes, buildSeconds: index.seconds, patched: index.patched ? index.files.size : null, state: index.state };
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
