/** Piscina worker: runs the per-article stages for a batch of paths (batches keep message overhead low). */
import { noStageTimes, processArticle, rejectedArticle, type ArticleStageTimes, type ProcessedArticle } from './article.ts';
import { entryKey, statKey, writePack, type ArticleCache, type StatKey } from './cache.ts';
import type { ReadLimits } from '../read/index.ts';

export interface WorkerTask {
  root: string;
  paths: string[];
  limits?: Partial<ReadLimits>;
  /** The per-article cache (cache.ts): its folder for this code version, and the options folded into each key. */
  cache?: ArticleCache;
}

/** A batch's articles, in the order of its paths, and the time its stages took. */
export interface BatchResult {
  articles: ProcessedArticle[];
  times: ArticleStageTimes;
}

/** One article, processed, with its cache key when there is a cache (the pool looked it up there first). */
async function processKeyed(task: WorkerTask, path: string, times: ArticleStageTimes): Promise<{ result: ProcessedArticle; stat: StatKey | null; key: string | null }> {
  const cache = task.cache;
  // Metadata first: if the file changes after this, the stat index (cache.ts) records metadata that no longer matches.
  const stat = cache ? statKey(task.root, path) : null;
  // Keyed by the very bytes that were parsed, so an entry always holds its key's result, however the file changes
  // meanwhile; and the file is read once (hashing it before and after the parse read it three times: ~4 s in 10k).
  let key: string | null = null;
  const result = await processArticle(task.root, path, task.limits, cache ? (bytes) => (key = entryKey(cache.salt, path, bytes)) : undefined, times);
  return { result, stat, key };
}

export default async function processBatch(task: WorkerTask): Promise<BatchResult> {
  const times = noStageTimes();
  const out: ProcessedArticle[] = new Array(task.paths.length);
  const keyed: { i: number; stat: StatKey | null; key: string }[] = [];
  for (const [i, path] of task.paths.entries()) {
    try {
      const { result, stat, key } = await processKeyed(task, path, times);
      out[i] = result;
      if (key) keyed.push({ i, stat, key });
    } catch (error) {
      // A bug of ours must not take the build down: the file is reported, the build goes on.
      const reason = error instanceof Error ? error.message : String(error);
      out[i] = rejectedArticle(path, [{ file: path, severity: 'rejected', rule: 'kb:internal-error', message: `The build failed on this file (${reason}). Please report it with the file attached.` }], {});
    }
  }
  // The batch's results go into the cache as one pack, written before `stored` is set on them (the pack holds results
  // as a later build uses them). The cache only saves time: a pack that cannot be stored costs a parse next time.
  if (task.cache) {
    const storing = performance.now();
    const pack = writePack(task.cache.folder, keyed.map(({ i, key }) => [key, out[i]!]));
    if (pack) {
      for (const { i, stat, key } of keyed) if (stat) out[i] = { ...out[i]!, stored: { stat, key, pack } };
    }
    times.store += performance.now() - storing;
  }
  return { articles: out, times };
}
