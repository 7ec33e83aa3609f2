/**
 * A rebuild with nothing to do. Builds are reproducible: the output is a function of the sources, the code and the
 * options. So when the sources are unchanged (the same article files, each with the metadata the stat index
 * recorded, old enough to trust: pipeline/cache.ts), the code and the options are those of the last build into the
 * same folder, and every file that build wrote is still there (write/output.ts), the folder already holds what
 * this build would write. The build then keeps it as it is, and reports what the last build found — a scheduled
 * mirror build of an archive that did not change takes seconds instead of relinking and re-rendering 59k articles.
 *
 * The record of the last build is kept beside the output manifest and, like it, deleted when a build starts and
 * saved when it ends: a build that stops half-way leaves none, and the next build does all the work.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { loadValue, storeValue } from '../pipeline/stored.ts';
import type { Diagnostic } from '../types.ts';
import type { SearchState } from '../index/index.ts';
import type { ExportPart } from './data-export.ts';
import type { SummaryDigests } from '../render/incremental.ts';

/** What a build found, kept so that a build with nothing to do can report it again. */
export interface LastBuild {
  /** `buildInputs` of that build. */
  inputs: string;
  /** `sourcesDigest` of the files it read. */
  sources: string;
  articlesRead: number;
  articlesBuilt: number;
  pagesWritten: number;
  diagnostics: Diagnostic[];
  rules: Record<string, { articles: number; occurrences: number }>;
  /** Its search index's state, for the next build to patch rather than build again (index/index.ts). */
  search?: SearchState;
  /** Its data export's gzip members, for the next build to take those whose records are unchanged (write/data-export.ts). */
  export?: LastExport;
  /** Its articles' summary digests: a page kept from it shows these summaries of the articles it names (render/incremental.ts). */
  summaries?: SummaryDigests;
  /** Its links, for a rebuild whose changes leave them as they were (build.ts). */
  links?: LastLinks;
}

/**
 * What a build linked: `ids`, the articles in id order, joined by spaces, and `related`, each one's related ids joined
 * by spaces, one article a line in the same order (two strings: 59k arrays would cost more to save and load than they
 * spare); its `listings` as JSON (read only by a rebuild that keeps them: 13k listings are ~0.15 s to load); `version`,
 * what every page's fingerprint starts with (render/incremental.ts). Valid for builds of the same code, options and
 * runtime (`inputs`).
 */
export interface LastLinks {
  inputs: string;
  version: string;
  ids: string;
  related: string;
  listings: string;
}

/** The data export's parts as a build compressed them: valid for builds of the same code, options and runtime
 *  (`inputs`, without the article files). */
export interface LastExport {
  inputs: string;
  parts: ExportPart[];
}

/** Where the record of the last build into the folder whose manifest is `manifestFile` is kept. */
export function lastBuildFileOf(manifestFile: string): string {
  return manifestFile.replace(/(\.json)?$/, '.build.v8');
}

/** The record of the last build, or null; deleted from disk either way (see above). */
export function takeLastBuild(file: string): LastBuild | null {
  const value = loadValue(file) as Partial<LastBuild> | null;
  rmSync(file, { force: true });
  if (typeof value?.inputs !== 'string' || typeof value.sources !== 'string' || !Array.isArray(value.diagnostics) || typeof value.rules !== 'object' || value.rules === null) return null;
  if (![value.articlesRead, value.articlesBuilt, value.pagesWritten].every((n) => typeof n === 'number')) return null;
  if (value.search !== undefined && (typeof value.search?.inputs !== 'string' || !Array.isArray(value.search.articles) || typeof value.search.index !== 'object')) delete value.search;
  if (value.links !== undefined && ![value.links?.inputs, value.links?.version, value.links?.ids, value.links?.related, value.links?.listings].every((v) => typeof v === 'string')) delete value.links;
  if (value.summaries !== undefined && !(value.summaries instanceof Map)) delete value.summaries;
  if (value.export !== undefined && (typeof value.export?.inputs !== 'string' || !Array.isArray(value.export.parts) || !value.export.parts.every((part) => typeof part?.run === 'string' && typeof part.digest === 'string' && part.bytes instanceof Uint8Array))) delete value.export;
  return value as LastBuild;
}

export function saveLastBuild(file: string, record: LastBuild): void {
  try {
    storeValue(file, record);
  } catch {
    // Only a speed-up: without it the next build does all the work.
  }
}

/**
 * A digest of everything but the files' bytes that shapes the output: the code (`codeVersions`: the per-article
 * stages' and the templates' hashes, and the runtime's libraries), the options that change what is written, the
 * article files found and what the walk said about the folder. The files' bytes are vouched for by their metadata (`sourcesUnchanged`).
 */
export function buildInputs(codeVersions: string[], options: object, paths: readonly string[], walkDiagnostics: readonly Diagnostic[]): string {
  const hash = createHash('sha256');
  for (const part of [...codeVersions, JSON.stringify(options), JSON.stringify(walkDiagnostics)]) hash.update(part).update('\0');
  for (const path of paths) hash.update(path).update('\0');
  return hash.digest('base64url');
}

/**
 * A digest of the article files' contents, by their cache keys (a file without one — too large, unreadable — counts
 * as such by its path alone, and is read again by every build).
 */
export function sourcesDigest(paths: readonly string[], keyOf: (path: string) => string | undefined): string {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(path).update('\0').update(keyOf(path) ?? '-').update('\0');
  return hash.digest('base64url');
}
