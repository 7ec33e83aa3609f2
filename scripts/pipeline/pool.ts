/**
 * Runs the per-article stages over every path on a worker pool (piscina), one worker per core,
 * in batches, keeping results in input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { addStageTimes, noStageTimes, type ArticleStageTimes, type ProcessedArticle } from './article.ts';
import type { BatchResult, WorkerTask } from './worker.ts';
import { resolveReadLimits, type ReadLimits } from '../read/index.ts';
import { keyOfFile, openPackStore, readStatIndex, sameStat, statKey, writeStatIndex, type StatKey, type StatsRead } from './cache.ts';

export interface PoolOptions {
  /** Worker threads; 0 runs in the main thread (tests, debugging). Default: the number of cores. */
  workers?: number;
  /** Paths per task. */
  batchSize?: number;
  limits?: Partial<ReadLimits>;
  /** The per-article cache; none when absent. */
  cache?: WorkerTask['cache'];
  onProgress?: (done: number, total: number) => void;
  /** File metadata already read (`sourcesUnchanged`), used instead of reading it again. */
  statsRead?: StatsRead;
  /** Told, once the articles to parse are parsed, how long each per-article stage took, summed over the threads
   *  (not called when every article came from the cache or was read ahead). */
  onStageTimes?: (times: ArticleStageTimes) => void;
  /** Told each file's cache key, once all are known (undefined for a file too large or unreadable to have one). */
  onKeys?: (keyOf: (path: string) => string | undefined) => void;
  /** Articles already read (`readArticles`), by path: used instead of reading or parsing them again while their
   *  file still has the same key. */
  readAhead?: ReadAhead;
}

/** Articles read ahead of `processAll`, by path, each with the cache key of the bytes it was read from. */
export type ReadAhead = ReadonlyMap<string, { key: string; article: ProcessedArticle }>;

export async function processAll(root: string, paths: string[], options: PoolOptions = {}): Promise<ProcessedArticle[]> {
  const cache = options.cache;
  if (!cache) return processUncached(root, paths, options);
  // Cache lookups in this thread (they are file reads; workers would add start-up and copying), then only the
  // misses go to the workers, which store what they parse.
  const lookupStarted = options.statsRead?.startedMs ?? Date.now();
  const { out, keys, packs } = lookUp(root, paths, cache, options);
  const misses = paths.filter((_, i) => !out[i]);
  const hits = paths.length - misses.length;
  options.onProgress?.(hits, paths.length);
  const parsed = await processUncached(root, misses, { ...options, onProgress: (done) => options.onProgress?.(hits + done, paths.length) });
  // Parsed here or, read ahead, parsed then: what the workers stored goes into the pack index and the stat index.
  for (const p of [...out, ...parsed]) {
    if (!p?.stored) continue;
    keys.set(p.path, p.stored);
    packs.add(p.stored.key, p.stored.pack);
    delete p.stored;
  }
  packs.save();
  writeStatIndex(cache, root, lookupStarted, keys);
  options.onKeys?.((path) => keys.get(path)?.key);
  let next = 0;
  return out.map((r) => r ?? parsed[next++]!);
}

/**
 * The articles at `paths` as `processAll` would give them, read from the cache where it has them and parsed in this
 * thread where not (the parse stored as a pack, not yet indexed): a look ahead at a few articles (index/foresee.ts)
 * that the build then hands to `processAll` (`readAhead`), which takes them as they are and indexes what was stored.
 */
export async function readArticles(root: string, paths: string[], options: Pick<PoolOptions, 'statsRead' | 'limits'> & { cache: NonNullable<PoolOptions['cache']> }): Promise<ReadAhead> {
  const { out, keys } = lookUp(root, paths, options.cache, options);
  const parsed = await processUncached(root, paths.filter((_, i) => !out[i]), { limits: options.limits, cache: options.cache, workers: 0 });
  const read = new Map<string, { key: string; article: ProcessedArticle }>();
  let next = 0;
  for (const [i, path] of paths.entries()) {
    const article = out[i] ?? parsed[next++]!;
    // Without a key (too large or unreadable to hash) it is left for `processAll` to read as usual.
    const key = article.stored?.key ?? keys.get(path)?.key;
    if (key) read.set(path, { key, article });
  }
  return read;
}

/** Each path's entry in the cache (undefined: none, parse it), with the keys found and the pack store read. */
function lookUp(root: string, paths: string[], cache: NonNullable<PoolOptions['cache']>, options: Pick<PoolOptions, 'statsRead' | 'limits' | 'readAhead'>) {
  const maxBytes = resolveReadLimits(options.limits).maxBytes;
  // A cold cache (no folder for this code version yet) has no hits: skip reading and hashing every file here.
  const cold = !existsSync(cache.folder);
  const known = cold ? null : (options.statsRead?.known ?? readStatIndex(cache, root));
  const packs = openPackStore(cache.folder);
  const keys = new Map<string, { stat: StatKey; key: string }>();
  const statsRead = options.statsRead?.stats;
  const out: (ProcessedArticle | undefined)[] = paths.map((path) => {
    if (cold) return undefined;
    const stat = statsRead?.has(path) ? statsRead.get(path)! : statKey(root, path);
    const entry = known?.get(path);
    const key = stat && entry && sameStat(entry.stat, stat) ? entry.key : keyOfFile(cache, root, path, maxBytes);
    if (stat && key) keys.set(path, { stat, key });
    const ahead = options.readAhead?.get(path);
    const hit = !key ? null : ahead?.key === key ? ahead.article : packs.read(key, path);
    // Parsed ahead (`stored`, not yet indexed) counts as parsed, not as from the cache.
    if (hit && !hit.stored) hit.cached = true;
    return hit ?? undefined;
  });
  packs.release();
  return { out, keys, packs };
}

async function processUncached(root: string, paths: string[], options: PoolOptions): Promise<ProcessedArticle[]> {
  const workers = options.workers ?? availableParallelism();
  const batchSize = options.batchSize ?? 200;
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += batchSize) batches.push(paths.slice(i, i + batchSize));
  const results: ProcessedArticle[][] = new Array(batches.length);
  const times = noStageTimes();
  let done = 0;
  const finished = (i: number, batch: BatchResult) => {
    results[i] = batch.articles;
    addStageTimes(times, batch.times);
    done += batch.articles.length;
    options.onProgress?.(done, paths.length);
  };

  if (workers === 0 || paths.length < batchSize) {
    const { default: processBatch } = await import('./worker.ts');
    for (const [i, batch] of batches.entries()) finished(i, await processBatch({ root, paths: batch, limits: options.limits, cache: options.cache }));
  } else {
    const pool = new Piscina<WorkerTask, BatchResult>({
      filename: new URL('./worker.ts', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
    });
    try {
      await Promise.all(batches.map(async (batch, i) => finished(i, await pool.run({ root, paths: batch, limits: options.limits, cache: options.cache }))));
    } finally {
      await pool.destroy();
    }
  }
  if (paths.length > 0) options.onStageTimes?.(times);
  return results.flat();
}
