/** The bundled sample's articles through the per-article stages, as the build keeps them (deduplicated, in id order). */
import { deduplicate, defaultSource } from '../../scripts/build.ts';
import { compareIds } from '../../scripts/link/index.ts';
import type { ProcessedArticle } from '../../scripts/pipeline/article.ts';
import { processAll } from '../../scripts/pipeline/pool.ts';
import { findArticleFiles } from '../../scripts/read/index.ts';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function sampleArticles(): Promise<{ kept: ProcessedArticle[]; byId: Map<string, ProcessedArticle> }> {
  const found = await findArticleFiles(defaultSource);
  const processed = await processAll(defaultSource, found.paths, { workers: 0 });
  const kept = deduplicate(processed, []).sort((a, b) => compareIds(a.record!.id, b.record!.id));
  return { kept, byId: new Map(kept.map((p) => [p.record!.id, p])) };
}

/**
 * Adds ` (edited)` to the title of the first article (by folder) of a copy of the sample at `source`; returns the
 * article's folder names, its file and its title as it now reads.
 */
export function editFirstTitle(source: string): { group: string; id: string; file: string; title: string } {
  const group = readdirSync(join(source, 'kb')).sort()[0]!;
  const id = readdirSync(join(source, 'kb', group)).sort()[0]!;
  const file = join(source, 'kb', group, id, 'README.md');
  const text = readFileSync(file, 'utf8');
  const title = /^title: "?(.+?)"?$/m.exec(text)![1]!;
  writeFileSync(file, text.replace(title, `${title} (edited)`));
  return { group, id, file, title: `${title} (edited)` };
}
