/** The bundled sample's articles through the per-article stages, as the build keeps them (deduplicated, in id order). */
import { deduplicate, defaultSource } from '../../scripts/build.ts';
import { compareIds } from '../../scripts/link/index.ts';
import type { ProcessedArticle } from '../../scripts/pipeline/article.ts';
import { processAll } from '../../scripts/pipeline/pool.ts';
import { findArticleFiles } from '../../scripts/read/index.ts';

export async function sampleArticles(): Promise<{ kept: ProcessedArticle[]; byId: Map<string, ProcessedArticle> }> {
  const found = await findArticleFiles(defaultSource);
  const processed = await processAll(defaultSource, found.paths, { workers: 0 });
  const kept = deduplicate(processed, []).sort((a, b) => compareIds(a.record!.id, b.record!.id));
  return { kept, byId: new Map(kept.map((p) => [p.record!.id, p])) };
}
