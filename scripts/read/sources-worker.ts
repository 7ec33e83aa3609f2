/**
 * Piscina worker: finds the article files under --source and reads each one's metadata (the walk of read/walk.ts and
 * the `stat` of pipeline/cache.ts), on a thread of its own. A rebuild is bound by these ~180k system calls (~1.4 s on
 * the full corpus); here they run on the other core while the main thread reads the last build's articles from the
 * cache, which it would otherwise do after them.
 */
import type { MessagePort } from 'node:worker_threads';
import { statKey, type StatKey } from '../pipeline/cache.ts';
import type { ArticleFiles } from './walk.ts';
import { findArticleFilesAgain } from './folder-index.ts';

export interface SourcesTask {
  root: string;
  /** The cache folder (--cache-dir), where the last walk's clean folders are kept (folder-index.ts); none without. */
  cacheDir?: string;
  /** Receives the answer (`SourcesFound`): read with `receiveMessageOnPort`, so the main thread can look for it between
   *  the packs it reads meanwhile, without returning to its event loop. */
  port: MessagePort;
  /** Told as the task begins: the main thread waits for it before reading the cache meanwhile (build.ts). */
  started: MessagePort;
}

export interface SourcesFound {
  found: ArticleFiles;
  /** `Date.now()` before the first file's metadata was read (`StatsRead.startedMs`). */
  startedMs: number;
  /** Each file's metadata, in the order of `found.paths` (null: gone since the walk). */
  stats: (StatKey | null)[];
}

export default async function findSources({ root, cacheDir, port, started }: SourcesTask): Promise<void> {
  started.postMessage(null);
  started.close();
  try {
    const { found, keep } = await findArticleFilesAgain(root, cacheDir);
    const startedMs = Date.now();
    const answer: SourcesFound = { found, startedMs, stats: found.paths.map((path) => statKey(root, path)) };
    port.postMessage(answer);
    keep();
  } finally {
    port.close();
  }
}
