/**
 * Stage 6 (index): what `/search/` needs, written into the built site —
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
import type { LinkedArticle } from '../types.ts';
import { writeLookups } from './lookups.ts';
import { writePagefindIndexes, type PagefindOptions, type SiteWriter } from './pagefind.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SearchIndexInput {
  articles: LinkedArticle[];
  /** The start of the body as indexed (`ProcessedArticle.searchText`). */
  searchText: (id: string) => string;
  listings: Listings;
}

export interface SearchManifest {
  /** Site paths of the Pagefind bundles; the first is primary, the others are merged into it. */
  parts: string[];
}

export interface SearchIndexResult {
  pages: number;
  parts: number;
  /** Parts whose articles did not change, taken from the cache instead of indexed again. */
  partsReused: number;
  /** Files and bytes under `<out>/search/`, the index as served. */
  files: number;
  bytes: number;
}

/** `out` is the site folder (for the size report); every file goes through `output`. */
export async function indexSearch(out: string, output: SiteWriter, input: SearchIndexInput, options: PagefindOptions = {}): Promise<SearchIndexResult> {
  const write = output.write.bind(output);
  await writeLookups(write, { listings: input.listings, titles: new Map(input.articles.map((a) => [a.id, a.title])) });
  await write('/assets/search.js', await bundleSearchScript());
  const docs = input.articles.map((article) => ({ article, searchText: input.searchText(article.id) }));
  const { parts, pages, reused } = await writePagefindIndexes(output, docs, options);
  const manifest: SearchManifest = { parts };
  await write('/search/lookup/manifest.json', JSON.stringify(manifest));
  const size = await folderSize(join(out, 'search'));
  return { pages, parts: parts.length, partsReused: reused, ...size };
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
