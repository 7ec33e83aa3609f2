/**
 * Stage 6 (index), started as soon as the articles are parsed (a rebuild's changed part before, foresee.ts) and run
 * beside linking, rendering and records (`startSearchIndex`): what `/search/` needs, written into the built site —
 *   - the exact-lookup tables (lookups.ts): event IDs, error codes, article numbers;
 *   - the Pagefind full-text index, in parts merged in the browser (pagefind.ts);
 *   - the search script, `assets/search.ts` bundled by esbuild (it imports the query parser and the symptom
 *     extractor, so the browser reads a query exactly as the build read the articles);
 *   - `search/lookup/manifest.json`: the parts to merge.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Listings } from '../link/index.ts';
import type { ArticleRecord } from '../types.ts';
import { writeLookups } from './lookups.ts';
import { lookupPaths, type SearchManifest } from './query.ts';
import { deferred, writePagefindIndexes, type PagefindOptions, type SiteWriter } from './pagefind.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SearchIndexInput {
  /** Every article, in id order: parts are cut from this order. Linking adds nothing the index reads. */
  articles: ArticleRecord[];
  /** The start of the body as indexed (`ProcessedArticle.searchText`). */
  searchText: (id: string) => string;
  /** The digest of the article's search page, if known (`ProcessedArticle.searchDigest`). */
  digest?: (id: string) => string;
}

export interface SearchIndexResult {
  pages: number;
  parts: number;
  /** Parts whose articles did not change, taken from the cache instead of indexed again. */
  partsReused: number;
  /** What became of the part indexed before the articles were read (`PagefindOptions.early`), if any. */
  early: 'used' | 'stopped' | null;
  /** Files and bytes under `<out>/search/`, the index as served. */
  files: number;
  bytes: number;
}

/** A search index being built beside the build's other stages (build.ts). */
export interface SearchIndexRun {
  /** The build's memory allows it (its pages render in runs, or few of them, or rendering is over): parts may write
   *  their index (the child's peak). */
  mayWrite(): void;
  /**
   * Lets every lane work, writes the lookup tables, the search script and the manifest, and waits for the index.
   * Progress so far and from now on goes to `onProgress`; a failure of the indexing is reported here.
   */
  finish(out: string, listings: Listings, onProgress?: (done: number, total: number) => void): Promise<SearchIndexResult>;
  /** Ends the indexing if it is still running (the build failed): resolves when its threads and children have. */
  stop(): Promise<void>;
}

/**
 * Starts the full-text index at once, one part at a time and no part writing its index until told (`mayWrite`,
 * `finish`): the caller's own stages and the indexer then share the two cores and the memory budget. The articles
 * may come later (`input`, a promise while they are read), after a part foreseen to have changed (`options.early`)
 * has started.
 */
export function startSearchIndex(output: SiteWriter, input: SearchIndexInput | Promise<SearchIndexInput>, options: Omit<PagefindOptions, 'schedule' | 'signal' | 'onProgress'> = {}): SearchIndexRun {
  const mayWrite = deferred<void>();
  const allLanes = deferred<void>();
  const stopper = new AbortController();
  let latest: [number, number] | null = null;
  let report: ((done: number, total: number) => void) | undefined;
  const articles = Promise.resolve(input);
  // A rejection here is the caller's own failure (it stops the indexer): not an unhandled one meanwhile.
  articles.catch(() => {});
  const docs = articles.then((known) => known.articles.map((article) => ({ article, searchText: known.searchText(article.id), digest: known.digest?.(article.id) })));
  const indexing = writePagefindIndexes(output, docs, {
    ...options,
    schedule: { mayWrite: mayWrite.promise, allLanes: allLanes.promise },
    signal: stopper.signal,
    onProgress: (done, total) => {
      latest = [done, total];
      report?.(done, total);
    },
  });
  // Awaited by `finish`, which reports a failure before doing anything else; until then it must not count as
  // unhandled.
  let failure: { error: unknown } | null = null;
  indexing.catch((error: unknown) => (failure = { error }));
  return {
    mayWrite: () => mayWrite.resolve(),
    async finish(out, listings, onProgress) {
      if (failure) throw failure.error;
      report = onProgress;
      if (latest) onProgress?.(...latest);
      mayWrite.resolve();
      allLanes.resolve();
      const write = output.write.bind(output);
      const known = await articles;
      await writeLookups(write, { listings, titles: new Map(known.articles.map((a) => [a.id, a.title])) });
      await write('/assets/search.js', await bundleSearchScript());
      const { parts, pages, reused, early } = await indexing;
      const manifest: SearchManifest = { parts };
      await write(lookupPaths.manifest, JSON.stringify(manifest));
      const size = await folderSize(join(out, 'search'));
      return { pages, parts: parts.length, partsReused: reused, early, ...size };
    },
    async stop() {
      stopper.abort();
      await indexing.catch(() => {});
    },
  };
}

/** `assets/search.ts` as one ES module for current browsers (served as `/assets/search.js`). */
export async function bundleSearchScript(): Promise<Uint8Array> {
  const result = await esbuild({
    entryPoints: [join(projectRoot, 'assets/search.ts')],
    write: false,
    outfile: 'search.js',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

/** Files and bytes under `dir`. Synchronous: 60k awaited `stat` calls cost seconds in promise round trips. */
export async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
