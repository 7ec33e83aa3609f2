/**
 * Runs the per-article stages over every path on a worker pool (piscina), one worker per core,
 * in batches, keeping results in input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { addStageTimes, noStageTimes, type ArticleStageTimes, type ProcessedArticle } from './article.ts';
import type { BatchResult, WorkerTask } from './worker.ts';
import { threadModule } from './thread-module.ts';
import { resolveReadLimits, type ReadLimits } from '../read/index.ts';
import { keyOfFile, openPackStore, readStatIndex, sameStat, statKey, writeStatIndex, type PackStore, type StatKey, type StatsRead } from './cache.ts';

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
  /** The cache's pack store, opened (and its packs read) ahead, and released by the caller; else opened here. */
  packs?: PackStore;
  /** Told, once the articles to parse are parsed, how long each per-article stage took, summed over the threads
   *  (not called when every article came from the cache). */
  onStageTimes?: (times: ArticleStageTimes) => void;
  /** Told each file's cache key, once all are known (undefined for a file too large or unreadable to have one). */
  onKeys?: (keyOf: (path: string) => string | undefined) => void;
}

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
  // What the workers stored goes into the pack index and the stat index.
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

/** Each path's entry in the cache (undefined: none, parse it), with the keys found and the pack store read. */
function lookUp(root: string, paths: string[], cache: NonNullable<PoolOptions['cache']>, options: Pick<PoolOptions, 'statsRead' | 'limits' | 'packs'>) {
  const maxBytes = resolveReadLimits(options.limits).maxBytes;
  // A cold cache (no folder for this code version yet) has no hits: skip reading and hashing every file here.
  const cold = !existsSync(cache.folder);
  const known = cold ? null : (options.statsRead?.known ?? readStatIndex(cache, root));
  const packs = options.packs ?? openPackStore(cache.folder);
  const keys = new Map<string, { stat: StatKey; key: string }>();
  const statsRead = options.statsRead?.stats;
  const out: (ProcessedArticle | undefined)[] = paths.map((path) => {
    if (cold) return undefined;
    const stat = statsRead?.has(path) ? statsRead.get(path)! : statKey(root, path);
    const entry = known?.get(path);
    const key = stat && entry && sameStat(entry.stat, stat) ? entry.key : keyOfFile(cache, root, path, maxBytes);
    if (stat && key) keys.set(path, { stat, key });
    const hit = key ? packs.read(key, path) : null;
    if (hit) hit.cached = true;
    return hit ?? undefined;
  });
  if (!options.packs) packs.release();
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
      ...(await threadModule(new URL('./worker.ts', import.meta.url))),
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
