/** Piscina worker: runs the per-article stages for a batch of paths (batches keep message overhead low). */
import { processArticle, type ProcessedArticle } from './article.ts';
import type { ReadLimits } from '../read/index.ts';

export interface WorkerTask {
  root: string;
  paths: string[];
  limits?: Partial<ReadLimits>;
}

export default async function processBatch(task: WorkerTask): Promise<ProcessedArticle[]> {
  const out: ProcessedArticle[] = [];
  for (const path of task.paths) {
    try {
      out.push(await processArticle(task.root, path, task.limits));
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
