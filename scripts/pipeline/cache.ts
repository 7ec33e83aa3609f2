/**
 * The per-article cache (issue #5): a rebuild re-parses only the files whose content changed. Each entry is one
 * article's `ProcessedArticle`, stored v8-serialised (reads back ~40% faster than JSON) under a key hashing
 *   the code version (every source file of the per-article stages, and the locked dependency versions)
 *   + the options that change the result (read limits) + the file's path + its bytes,
 * so an entry can never be served for other code, options or content: a stale page is impossible by construction.
 * The whole-archive stages (link, render, index, write) still run over every article, so every page that depends
 * on a changed article (its events, listings, search) is rewritten.
 *
 * Layout: `<cache-dir>/<code version>/<key[0..2]>/<key>.v8`. Entries of other code versions are deleted when a
 * build starts; the folder is safe to delete at any time (the next build is a cold one).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { ProcessedArticle } from './article.ts';
import { loadValue, storeValue } from './stored.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the per-article result depends on, besides the file itself. */
const codeInputs = ['scripts/read', 'scripts/parse', 'scripts/normalise', 'scripts/symptoms', 'scripts/pipeline', 'scripts/index/lead-text.ts', 'scripts/index/search-page.ts', 'layouts/lib/html.ts', 'scripts/types.ts', 'package-lock.json'];

/** A hash of every source file the per-article stages run (sorted by path), so any code change starts a new cache. */
export function codeVersion(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else if (/\.(ts|js|json)$/.test(path)) {
      hash.update(`${relative(projectRoot, path)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  for (const input of codeInputs) add(join(projectRoot, input));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Where this code version's entries live. Other versions' folders can never be read again: they are removed in
 * the background (60k entries take seconds to delete); await `pruned` before exiting.
 */
export function openCacheFolder(cacheDir: string, version: string): { folder: string; pruned: Promise<void> } {
  const root = resolve(cacheDir);
  let others: string[] = [];
  try {
    others = readdirSync(root).filter((name) => name !== version && /^[0-9a-f]{16}$/.test(name));
  } catch {
    // No cache yet.
  }
  const pruned = Promise.all(others.map((name) => rm(join(root, name), { recursive: true, force: true }))).then(() => undefined);
  return { folder: join(root, version), pruned };
}

/** An entry's key: the options that shape the result, the path and the bytes. */
export function entryKey(salt: string, path: string, bytes: Uint8Array): string {
  return createHash('sha256').update(salt).update('\0').update(path).update('\0').update(bytes).digest('hex');
}

/** Where the per-article cache is and what is folded into every key (the options that shape a result). */
export interface ArticleCache {
  /** This code version's folder (`openCacheFolder`). */
  folder: string;
  salt: string;
}

/**
 * The key of a source file's entry, or null when it cannot have one (unreadable, or larger than `maxBytes`: the
 * read stage rejects those with the reason). Synchronous: a cached rebuild is bound by these system calls, and
 * the async versions cost a thread-pool round trip each.
 */
export function keyOfFile(cache: ArticleCache, root: string, path: string, maxBytes: number): string | null {
  try {
    const fd = openSync(join(root, path), 'r');
    try {
      return fstatSync(fd).size <= maxBytes ? entryKey(cache.salt, path, readFileSync(fd)) : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

const entryFile = (folder: string, key: string) => join(folder, key.slice(0, 2), `${key}.v8`);

/** The entry, or null when missing or cut short by a crash mid-write elsewhere: either way, parse again. */
export function readEntry(folder: string, key: string): ProcessedArticle | null {
  return loadValue(entryFile(folder, key)) as ProcessedArticle | null;
}

/** Shard folders this thread has already made, so each costs one mkdir per build, not one per entry. */
const madeFolders = new Set<string>();

/**
 * Writes atomically (temporary file + rename), so concurrent builds and crashes never leave half an entry.
 * Synchronous on purpose: entries are written from worker threads, where blocking is free, while three promise
 * round trips per entry (mkdir, write, rename) cost ~34 s of a cold full-corpus build (measured: parse stage
 * 51 s with async writes against 17.5 s with no cache).
 */
export async function writeEntry(folder: string, key: string, value: ProcessedArticle): Promise<void> {
  const file = entryFile(folder, key);
  const shard = dirname(file);
  if (!madeFolders.has(shard)) {
    mkdirSync(shard, { recursive: true });
    madeFolders.add(shard);
  }
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  const text = serialize(value);
  try {
    writeFileSync(temporary, text);
  } catch (error) {
    // The folder was made earlier in this process, then deleted (the cache is safe to delete at any time).
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(shard, { recursive: true });
    writeFileSync(temporary, text);
  }
  renameSync(temporary, file);
}

/**
 * What a file's metadata says about its bytes: size, modification and change times (ns resolution here), inode.
 * A rebuild trusts a key recorded for the same metadata instead of reading and hashing all 59k files again, as
 * git's index does; the change time moves on every write and cannot be set back, so even an edit that restores
 * the modification time (`touch -d`, `cp -p`) is seen.
 */
export type StatKey = [size: number, mtimeNs: string, ctimeNs: string, inode: string];

export function statKey(root: string, path: string): StatKey | null {
  const stat = statSync(join(root, path), { bigint: true, throwIfNoEntry: false });
  return stat ? [Number(stat.size), String(stat.mtimeNs), String(stat.ctimeNs), String(stat.ino)] : null;
}

export const sameStat = (a: StatKey, b: StatKey): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

interface StatIndex {
  root: string;
  salt: string;
  /** When the build that wrote it started looking at the files, in ns: files changed within `racyNs` before that are hashed again (below). */
  startedNs: string;
  files: [path: string, stat: StatKey, key: string][];
}

/**
 * A file modified again in the same clock tick as the build looked at it (file times are as coarse as the
 * kernel's tick, and coarser on some filesystems) could look unchanged afterwards; entries that recent are never
 * trusted, as git does with "racily clean" entries.
 */
const racyNs = 2_000_000_000n;

/** The keys of the last build's files by their metadata; empty when missing or about another source or options. */
export function readStatIndex(cache: ArticleCache, root: string): Map<string, { stat: StatKey; key: string }> {
  const known = new Map<string, { stat: StatKey; key: string }>();
  // No index yet, or unreadable: every file is read and hashed, as on the first rebuild.
  const index = loadValue(join(cache.folder, 'stat-index.v8')) as StatIndex | null;
  if (index?.root !== root || index.salt !== cache.salt || !Array.isArray(index.files)) return known;
  const trustedBefore = BigInt(index.startedNs) - racyNs;
  for (const [path, stat, key] of index.files) {
    if (BigInt(stat[1]) < trustedBefore && BigInt(stat[2]) < trustedBefore) known.set(path, { stat, key });
  }
  return known;
}

/** @param startedMs when this build began to stat the files (`Date.now()` before the first). */
export function writeStatIndex(cache: ArticleCache, root: string, startedMs: number, keys: Map<string, { stat: StatKey; key: string }>): void {
  const index: StatIndex = { root, salt: cache.salt, startedNs: String(BigInt(startedMs) * 1_000_000n), files: [...keys].map(([path, { stat, key }]) => [path, stat, key]) };
  try {
    storeValue(join(cache.folder, 'stat-index.v8'), index);
  } catch {
    // Only a speed-up: without it the next build hashes every file.
  }
}
