/** Piscina worker: runs the per-article stages for a batch of paths (batches keep message overhead low). */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { processArticle, type ProcessedArticle } from './article.ts';
import { entryKey, readEntry, writeEntry } from './cache.ts';
import { resolveReadLimits, type ReadLimits } from '../read/index.ts';

export interface WorkerTask {
  root: string;
  paths: string[];
  limits?: Partial<ReadLimits>;
  /** The per-article cache (cache.ts): its folder for this code version, and the options folded into each key. */
  cache?: { folder: string; salt: string };
}

/** One article, from the cache when its key (code, options, path, bytes) has an entry; else processed and stored. */
async function processCached(task: WorkerTask, path: string): Promise<ProcessedArticle> {
  const cache = task.cache;
  if (!cache) return processArticle(task.root, path, task.limits);
  let key: string | null = null;
  try {
    const file = join(task.root, path);
    // Too large or unreadable: the read stage rejects it with the reason; nothing worth caching.
    if ((await stat(file)).size <= resolveReadLimits(task.limits).maxBytes) key = entryKey(cache.salt, path, await readFile(file));
  } catch {
    key = null;
  }
  if (key) {
    const hit = await readEntry(cache.folder, key);
    if (hit) return { ...hit, cached: true };
  }
  const result = await processArticle(task.root, path, task.limits);
  if (key) await writeEntry(cache.folder, key, result);
  return result;
}

export default async function processBatch(task: WorkerTask): Promise<ProcessedArticle[]> {
  const out: ProcessedArticle[] = [];
  for (const path of task.paths) {
    try {
      out.push(await processCached(task, path));
    } catch (error) {
      // A bug of ours must not take the build down: the file is reported, the build goes on.
      const reason = error instanceof Error ? error.message : String(error);
      out.push({
        path, record: null, bodyHtml: '', plainText: '', bodyText: '', rules: {},
        diagnostics: [{ file: path, severity: 'rejected', rule: 'kb:internal-error', message: `The build failed on this file (${reason}). Please report it with the file attached.` }],
      });
    }
  }
  return out;
}
