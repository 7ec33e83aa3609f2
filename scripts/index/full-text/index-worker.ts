/**
 * Piscina worker: builds the full-text index (write-index.ts) on a thread of its own, while the main thread renders
 * the pages. Both are CPU work of some tens of seconds on the full corpus; one after the other on the main thread,
 * they left the second core to the file writes alone. A rebuild's patch of the last build's index (patch-index.ts)
 * runs here too, beside linking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type { IndexFigures } from './rank.ts';
import { buildFullTextIndex, type FullTextIndex, type IndexArticle } from './write-index.ts';
import { patchFullTextIndex, type ArticleChange, type IndexState } from './patch-index.ts';

export interface BuiltIndex extends FullTextIndex {
  /** Seconds the build of the index took on its thread. */
  seconds: number;
  /** Patched from the last build's (patch-index.ts) rather than built: `files` holds only those that changed. */
  patched: boolean;
  /** The last build's files a patched index keeps as they are. */
  unchanged: string[];
}

/** The last build's index to patch: its state, the articles changed since, and the output folder holding its files. */
export interface LastIndex {
  state: IndexState;
  changes: ArticleChange[];
  root: string;
}

/** Every article, to build the whole index; or the last build's index, to patch. */
export type IndexTask = ({ articles: IndexArticle[] } | { last: LastIndex }) & {
  /** Where the figures the search script needs are posted as soon as they are known (write-index.ts). */
  figures?: MessagePort;
};

/** The index; null when the last build's could not be patched (patch-index.ts says when): build the whole index. */
export default function buildIndex(task: IndexTask, onFigures?: (figures: IndexFigures) => void): BuiltIndex | null {
  const started = performance.now();
  const tell = (found: IndexFigures) => {
    task.figures?.postMessage(found);
    onFigures?.(found);
  };
  const seconds = () => (performance.now() - started) / 1000;
  if ('last' in task) {
    const { state, changes, root } = task.last;
    const patched = patchFullTextIndex(state, changes, (sitePath) => {
      try {
        return readFileSync(join(root, sitePath));
      } catch {
        return null;
      }
    });
    if (!patched) return null;
    tell({ articles: patched.state.articles, commonTerms: patched.state.commonTerms });
    const unchanged = state.files.map(([path]) => path).filter((path) => !patched.files.has(path) && !patched.removed.has(path));
    return { files: patched.files, state: patched.state, unchanged, seconds: seconds(), patched: true };
  }
  const index = buildFullTextIndex(task.articles, tell);
  return { ...index, seconds: seconds(), patched: false, unchanged: [] };
}
