/**
 * Piscina worker: builds the full-text index (write-index.ts) on a thread of its own, while the main thread renders
 * the pages. Both are CPU work of some tens of seconds on the full corpus; one after the other on the main thread,
 * they left the second core to the file writes alone.
 */
import type { MessagePort } from 'node:worker_threads';
import type { IndexFigures } from './rank.ts';
import { buildFullTextIndex, type FullTextIndex, type IndexArticle } from './write-index.ts';

export interface BuiltIndex extends FullTextIndex {
  /** Seconds the build of the index took on its thread. */
  seconds: number;
  /** Patched from the last build's (patch-index.ts) rather than built: `files` holds only those that changed. */
  patched: boolean;
  /** The last build's files a patched index keeps as they are. */
  unchanged: string[];
}

export interface IndexTask {
  articles: IndexArticle[];
  /** Where the figures the search script needs are posted as soon as they are known (write-index.ts). */
  figures?: MessagePort;
}

export default function buildIndex({ articles, figures }: IndexTask, onFigures?: (figures: IndexFigures) => void): BuiltIndex {
  const started = performance.now();
  const index = buildFullTextIndex(articles, (found) => {
    figures?.postMessage(found);
    onFigures?.(found);
  });
  return { ...index, seconds: (performance.now() - started) / 1000, patched: false, unchanged: [] };
}
