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
import type { Listings } from '../link/index.ts';
import type { ArticleRecord } from '../types.ts';
import { eventSourceKey } from '../symptoms/event-sources.ts';
import { writeLookups } from './lookups.ts';
import type { ArticleTerms } from './full-text/article-terms.ts';
import { buildFullTextIndex, type IndexArticle } from './full-text/write-index.ts';
import { queryTerms } from './full-text/tokens.ts';
import type { IndexFigures } from './full-text/rank.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes one file of the site (`/search/index/t/0a3.bin`); the build's OutputFolder, which claims it. */
export type WriteSiteFile = (sitePath: string, content: string | Uint8Array) => Promise<void>;

export interface SearchIndexInput {
  /** Every article with the terms its parse made (`ProcessedArticle.searchTerms`). */
  articles: { record: ArticleRecord; terms: ArticleTerms }[];
  listings: Pick<Listings, 'events' | 'errors'>;
}

export interface SearchIndexResult {
  articles: number;
  terms: number;
  postings: number;
  /** Files and bytes of the index as served (under `/search/`), the script aside. */
  files: number;
  bytes: number;
  /** Seconds spent building the full-text index in memory (its CPU, on this thread). */
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

export async function writeSearchIndex(write: WriteSiteFile, input: SearchIndexInput): Promise<SearchIndexResult> {
  const started = performance.now();
  const articles: IndexArticle[] = input.articles.map(({ record, terms }) => indexArticle(record, terms));
  const index = buildFullTextIndex(articles);
  const buildSeconds = (performance.now() - started) / 1000;
  let files = 0;
  let bytes = 0;
  const counted: WriteSiteFile = (path, content) => {
    files++;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    return write(path, content);
  };
  for (const [path, content] of index.files) await counted(path, content);
  await writeLookups(counted, { listings: input.listings, titles: new Map(input.articles.map(({ record }) => [record.id, record.title])) });
  await write('/assets/search.js', await bundleSearchScript({ articles: index.stats.articles, commonTerms: index.commonTerms }));
  return { articles: index.stats.articles, terms: index.stats.terms, postings: index.stats.postings, files, bytes, buildSeconds };
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
