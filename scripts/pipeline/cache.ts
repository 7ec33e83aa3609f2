/**
 * The per-article cache (issue #5): a rebuild re-parses only the files whose content changed. Each entry is one
 * article's `ProcessedArticle`, stored v8-serialised (reads back ~40% faster than JSON) under a key hashing
 *   the code version (every source file of the per-article stages, and the locked dependency versions)
 *   + the options that change the result (read limits) + the file's path + its bytes,
 * so an entry can never be served for other code, options or content: a stale page is impossible by construction.
 * The whole-archive stages (link, render, index, write) still run over every article, so every page that depends
 * on a changed article (its events, listings, search) is rewritten.
 *
 * Layout: `<cache-dir>/<code version>/packs/<name>.v8`, each holding the entries of one batch of articles (see
 * `writePack`) without their text, which is in `<name>.text` beside it, and `pack-index.v8` naming the pack of each key. Entries of other code versions are deleted when a
 * build starts; the folder is safe to delete at any time (the next build is a cold one).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessedArticle } from './article.ts';
import { loadValue, storeValue } from './stored.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the per-article result depends on, besides the file itself. */
const codeInputs = ['scripts/read', 'scripts/parse', 'scripts/normalise', 'scripts/symptoms', 'scripts/pipeline', 'scripts/index/full-text/tokens.ts', 'scripts/index/full-text/article-terms.ts', 'scripts/index/full-text/sentences.ts', 'scripts/index/full-text/hash.ts', 'scripts/render/article-inputs.ts', 'scripts/link/body-links.ts', 'layouts/lib/html.ts', 'scripts/types.ts', 'package-lock.json'];

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
 * the background (a cache of an older layout, a file per entry, takes seconds to delete); await `pruned` before exiting.
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

/** A pack: the entries one batch of articles stored, each under its key. */
export type Pack = [key: string, entry: ProcessedArticle][];

const packFile = (folder: string, name: string) => join(folder, 'packs', `${name}.v8`);
const textFile = (folder: string, name: string) => join(folder, 'packs', `${name}.text`);

/** The part of an entry a rebuild seldom needs, and most of its bytes: read only for the articles it renders,
 *  publishes or indexes again (`loadArticleText`). */
type ArticleText = Pick<ProcessedArticle, 'bodyHtml' | 'plainText' | 'searchTerms'>;
const packIndexFile = (folder: string) => join(folder, 'pack-index.v8');

/**
 * Stores a batch's entries as one file and returns its name, or null when it could not be written (the cache only
 * saves time). One file per batch of ~200, not per entry: creating a file costs ~0.2 ms on the bench machine's
 * disk, which made storing 59k entries one by one a quarter of a cold build's parse stage, and a rebuild opened
 * 59k files to read them back. Named by its keys, written atomically (storeValue), so concurrent builds and
 * crashes never leave half a pack that looks whole.
 */
export function writePack(folder: string, pack: Pack): string | null {
  if (pack.length === 0) return null;
  const hash = createHash('sha256');
  for (const [key] of pack) hash.update(key).update('\0');
  const name = hash.digest('hex').slice(0, 32);
  try {
    // The text first: a pack is never there without it.
    storeValue(textFile(folder, name), pack.map(([key, e]): [string, ArticleText] => [key, { bodyHtml: e.bodyHtml, plainText: e.plainText, searchTerms: e.searchTerms }]));
    storeValue(packFile(folder, name), pack.map(([key, e]): [string, ProcessedArticle] => [key, { ...e, bodyHtml: '', plainText: '', searchTerms: null }]));
    return name;
  } catch {
    return null;
  }
}

/**
 * The entries of this code version's packs, found through the pack index (key → pack) and each pack read once,
 * when the first of its keys is asked for. A pack is written once (a later batch with the same keys writes the same
 * bytes): an edited article's old entry stays in its pack, as a file per entry stayed before, until the code changes
 * and the whole version folder goes (`openCacheFolder`); a rebuild reads only the packs that hold the keys it needs.
 * Packs the index does not name — written by a build that stopped before saving it, or by a concurrent build whose
 * save this one's overwrote — are read when the store opens and named in the index again at `save`.
 */
export interface PackStore {
  /** The entry stored under `key` for the file at `path`, or null when none was, or its pack is gone or damaged: parse again. */
  read(key: string, path: string): ProcessedArticle | null;
  /** Reads the packs holding these keys now, ahead of the `read`s that will ask for them, until `stop` says to;
   *  returns how many it read. */
  preload(keys: Iterable<string>, stop: () => boolean): number;
  /** Lets go of the packs read and the index (the entries returned stay the caller's); call when done reading. */
  release(): void;
  /** Records that `pack` now holds `key`, for `save`. */
  add(key: string, pack: string): void;
  /** Writes the pack index with this build's packs added, merged with the file as it is at this moment. */
  save(): void;
}

export function openPackStore(folder: string): PackStore {
  const packOf = loadPackIndex(folder);
  const loaded = new Map<string, Map<string, ProcessedArticle> | null>();
  const added = new Map<string, string>();
  const named = new Set(packOf.values());
  for (const file of listPacks(folder)) {
    const name = file.slice(0, -'.v8'.length);
    if (named.has(name)) continue;
    const entries = readPack(folder, name);
    loaded.set(name, entries);
    for (const key of entries?.keys() ?? []) {
      packOf.set(key, name);
      added.set(key, name);
    }
  }
  const entriesOf = (name: string) => {
    let entries = loaded.get(name);
    if (entries === undefined) {
      entries = readPack(folder, name);
      loaded.set(name, entries);
    }
    return entries;
  };
  return {
    read(key, path) {
      const name = packOf.get(key);
      if (name === undefined) return null;
      const entry = entriesOf(name)?.get(key);
      // The key hashes the path, so this only guards against a pack that is not what a build wrote.
      return entry?.path === path ? entry : null;
    },
    preload(keys, stop) {
      let read = 0;
      for (const key of keys) {
        const name = packOf.get(key);
        if (name === undefined || loaded.has(name)) continue;
        if (stop()) break;
        entriesOf(name);
        read++;
      }
      return read;
    },
    release() {
      loaded.clear();
      packOf.clear();
    },
    add(key, pack) {
      added.set(key, pack);
    },
    save() {
      if (added.size === 0) return;
      const index = loadPackIndex(folder);
      for (const [key, pack] of added) index.set(key, pack);
      try {
        storeValue(packIndexFile(folder), index);
      } catch {
        // Only a speed-up: the next build finds the packs the index misses (above).
      }
    },
  };
}

function loadPackIndex(folder: string): Map<string, string> {
  const index = loadValue(packIndexFile(folder));
  return index instanceof Map ? (index as Map<string, string>) : new Map();
}

function listPacks(folder: string): string[] {
  try {
    return readdirSync(join(folder, 'packs')).filter((name) => name.endsWith('.v8'));
  } catch {
    return [];
  }
}

/** A pack's entries by key, or null when it is missing or not what `writePack` writes (damaged: parse again). */
function readPack(folder: string, name: string): Map<string, ProcessedArticle> | null {
  if (!existsSync(textFile(folder, name))) return null;
  const pack = loadValue(packFile(folder, name));
  if (!Array.isArray(pack)) return null;
  const entries = new Map<string, ProcessedArticle>();
  for (const item of pack as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'object' || item[1] === null) return null;
    const entry = item[1] as ProcessedArticle;
    entry.unloaded = { folder, pack: name, key: item[0] };
    entries.set(item[0], entry);
  }
  return entries;
}

/** One article with its text read (`loadArticleText`): for an article asked for on its own. */
export function withText(article: ProcessedArticle): ProcessedArticle {
  loadArticleText([article]);
  return article;
}

/**
 * Reads the text of articles that came from the cache without it (`ProcessedArticle.unloaded`), each pack's text file
 * once. Throws, naming the file, when one is gone or damaged: the cache was changed under the build.
 */
export function loadArticleText(articles: Iterable<ProcessedArticle>): void {
  const byPack = new Map<string, ProcessedArticle[]>();
  for (const a of articles) {
    if (!a.unloaded) continue;
    const file = textFile(a.unloaded.folder, a.unloaded.pack);
    (byPack.get(file) ?? byPack.set(file, []).get(file)!).push(a);
  }
  for (const [file, list] of byPack) {
    const value = loadValue(file);
    const texts = new Map(Array.isArray(value) ? (value as [string, ArticleText][]) : []);
    for (const a of list) {
      const text = texts.get(a.unloaded!.key);
      if (!text) throw new Error(`${file}: the build cache's text of ${a.path} is gone or damaged; delete the cache folder and build again`);
      // v8.deserialize returns typed arrays as views into the file's buffer: each would keep the whole file alive, and
      // sending one to another thread copies the file with it. Copies hold their own bytes.
      const terms = text.searchTerms;
      a.searchTerms = terms ? { ...terms, weights: terms.weights.slice(), blockCounts: terms.blockCounts.slice(), blocks: terms.blocks.slice(), sentences: terms.sentences.slice() } : null;
      a.bodyHtml = text.bodyHtml;
      a.plainText = text.plainText;
      delete a.unloaded;
    }
  }
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

/**
 * The keys of the last build's files by their metadata; empty when missing or about another source or options.
 * `recorded`, if given, receives every key the index holds, trusted or not: the key of the bytes that build read.
 */
export function readStatIndex(cache: ArticleCache, root: string, recorded?: Map<string, string>): Map<string, { stat: StatKey; key: string }> {
  const known = new Map<string, { stat: StatKey; key: string }>();
  // No index yet, or unreadable: every file is read and hashed, as on the first rebuild.
  const index = loadValue(join(cache.folder, 'stat-index.v8')) as StatIndex | null;
  if (index?.root !== root || index.salt !== cache.salt || !Array.isArray(index.files)) return known;
  const trustedBefore = BigInt(index.startedNs) - racyNs;
  for (const [path, stat, key] of index.files) {
    recorded?.set(path, key);
    if (BigInt(stat[1]) < trustedBefore && BigInt(stat[2]) < trustedBefore) known.set(path, { stat, key });
  }
  return known;
}

/** File metadata read ahead of `processAll`, which uses it instead of reading it again. */
export interface StatsRead {
  /** `Date.now()` before the first was read: the stat index's reference for "racily clean" entries. */
  startedMs: number;
  /** The stat index as `readStatIndex` gave it (~0.1–0.2 s to read on the full corpus: read once per build). */
  known: Map<string, { stat: StatKey; key: string }>;
  /** By path; null when the file is gone. Paths not in it are read by `processAll`. */
  stats: Map<string, StatKey | null>;
  /** Every key the stat index holds, trusted by metadata or not: a file whose bytes hash to it is as the last build
   *  read it (index/foresee.ts). */
  recorded: Map<string, string>;
}

/**
 * The key of every file in `paths` when each, and no other, has the metadata the stat index recorded for it, old
 * enough to trust: no file changed since the last build that used this cache (which may have built another folder:
 * the caller compares the keys with its own last build's). Else null, with the files whose metadata differs or was
 * not recorded (`changed`: null when the index holds other files), and the metadata read, which `processAll` uses
 * instead of reading it again.
 */
export function sourcesUnchanged(cache: ArticleCache, root: string, paths: readonly string[], ahead?: StatsAhead): { keys: Map<string, string> | null; changed: string[] | null; read: StatsRead } {
  const read = ahead ? statsReadOf(ahead, paths) : statsReadNow(cache, root);
  const { known } = read;
  const keys = new Map<string, string>();
  if (known.size > paths.length) return { keys: null, changed: null, read };
  const changed: string[] = [];
  for (const path of paths) {
    let stat = read.stats.get(path);
    if (stat === undefined) read.stats.set(path, (stat = statKey(root, path)));
    const entry = known.get(path);
    if (!stat || !entry || !sameStat(entry.stat, stat)) changed.push(path);
    else keys.set(path, entry.key);
  }
  return { keys: changed.length === 0 ? keys : null, changed, read };
}

/**
 * The files' metadata read ahead of the check, on another thread (read/sources-worker.ts), in the order of the paths
 * it is given, with the stat index (`readStatIndex`'s `known` and `recorded`) read meanwhile.
 */
export interface StatsAhead {
  startedMs: number;
  stats: readonly (StatKey | null)[];
  known: Map<string, { stat: StatKey; key: string }>;
  recorded: Map<string, string>;
}

/** The metadata read ahead, as `processAll` takes it. */
export function statsReadOf(ahead: StatsAhead, paths: readonly string[]): StatsRead {
  return { startedMs: ahead.startedMs, known: ahead.known, recorded: ahead.recorded, stats: new Map(paths.map((path, i) => [path, ahead.stats[i]!])) };
}

/** The stat index, with no file's metadata read yet (`sourcesUnchanged` reads it). */
function statsReadNow(cache: ArticleCache, root: string): StatsRead {
  const startedMs = Date.now();
  const recorded = new Map<string, string>();
  return { startedMs, known: readStatIndex(cache, root, recorded), stats: new Map(), recorded };
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
