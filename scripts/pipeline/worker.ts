/** Piscina worker: runs the per-article stages for a batch of paths (batches keep message overhead low). */
import { processArticle, type ProcessedArticle } from './article.ts';
import { entryKey, statKey, writeEntry, type ArticleCache } from './cache.ts';
import type { ReadLimits } from '../read/index.ts';

export interface WorkerTask {
  root: string;
  paths: string[];
  limits?: Partial<ReadLimits>;
  /** The per-article cache (cache.ts): its folder for this code version, and the options folded into each key. */
  cache?: ArticleCache;
}

/** One article, processed; stored in the cache when there is one (the pool looked it up there first). */
async function processCached(task: WorkerTask, path: string): Promise<ProcessedArticle> {
  const cache = task.cache;
  // Metadata first: if the file changes after this, the stat index (cache.ts) records metadata that no longer matches.
  const stat = cache ? statKey(task.root, path) : null;
  // Keyed by the very bytes that were parsed, so an entry always holds its key's result, however the file changes
  // meanwhile; and the file is read once (hashing it before and after the parse read it three times: ~4 s in 10k).
  let key: string | null = null;
  const result = await processArticle(task.root, path, task.limits, cache ? (bytes) => (key = entryKey(cache.salt, path, bytes)) : undefined);
  if (cache && key) {
    // The cache only saves time: an entry that cannot be stored (disk full, folder removed) costs a parse next time, never the article.
    const stored = await writeEntry(cache.folder, key, result).then(() => true, () => false);
    if (stored && stat) return { ...result, stored: { stat, key } };
  }
  return result;
}

export default async function processBatch(task: WorkerTask): Promise<ProcessedArticle[]> {
  const out: ProcessedArticle[] = new Array(task.paths.length);
  const one = async (path: string, i: number) => {
    try {
      out[i] = await processCached(task, path);
    } catch (error) {
      // A bug of ours must not take the build down: the file is reported, the build goes on.
      const reason = error instanceof Error ? error.message : String(error);
      out[i] = {
        path, record: null, bodyHtml: '', plainText: '', searchText: '', searchDigest: '', rules: {},
        diagnostics: [{ file: path, severity: 'rejected', rule: 'kb:internal-error', message: `The build failed on this file (${reason}). Please report it with the file attached.` }],
      };
    }
  };
  for (const [i, path] of task.paths.entries()) await one(path, i);
  return out;
}
