/**
 * A rebuild's changed search part, foreseen before the articles are read. Pagefind cannot update an index, so a
 * one-article rebuild indexes the article's whole part again (~17 s of a core for 10k articles), and that part bounded
 * the rebuild: its child started only once all 59k articles were read from the cache. The last build keeps which
 * article files each part held (`LastBuild.searchLayout`); with the same files and the same code, the part a changed
 * file falls in is known as soon as the files are checked, and its articles can be read (from the cache, the changed
 * ones parsed) on their own, and handed to the build's parse, which does not read them again. Its indexing then starts at once, on the core the main thread leaves idle while it reads
 * the rest. Only a guess: the indexer uses it only if the part, once the build knows all its articles, has the same
 * key (pagefind.ts, `PagefindOptions.early`) — else it is stopped and the part indexed as usual.
 */
import { compareIds } from '../link/index.ts';
import { keyOfFile, type ArticleCache, type StatsRead } from '../pipeline/cache.ts';
import { readArticles, type ReadAhead } from '../pipeline/pool.ts';
import { resolveReadLimits, type ReadLimits } from '../read/index.ts';
import type { SearchDocument } from './search-page.ts';

/**
 * Most changed files a rebuild foresees its part from: they are parsed here, in the main thread, one by one, and many
 * changes are likely to span several parts anyway.
 */
export const FORESEE_AT_MOST = 50;

export interface ForeseenPart {
  /** Its index among the parts (`partSlices`). */
  part: number;
  /** Its documents, in id order, as the index would be given them. */
  docs: SearchDocument[];
  /** Its articles as read, for the build's parse (`PoolOptions.readAhead`). */
  read: ReadAhead;
}

/**
 * The first part of `layout` holding a file whose bytes changed, with its documents; null when no file changed (a
 * touched file hashes to the key recorded for it), or too many may have. `changed`: the files whose metadata changed
 * or was too recent to trust (`sourcesUnchanged`).
 */
export async function foreseeChangedPart(
  root: string,
  layout: readonly (readonly string[])[],
  changed: readonly string[],
  options: { cache: ArticleCache; statsRead: StatsRead; limits?: Partial<ReadLimits> },
): Promise<ForeseenPart | null> {
  if (changed.length > FORESEE_AT_MOST) return null;
  const maxBytes = resolveReadLimits(options.limits).maxBytes;
  const edited = new Set(changed.filter((path) => keyOfFile(options.cache, root, path, maxBytes) !== options.statsRead.recorded.get(path)));
  const part = layout.findIndex((paths) => paths.some((path) => edited.has(path)));
  if (part < 0) return null;
  const read = await readArticles(root, [...layout[part]!], options);
  const docs = [...read.values()]
    .map(({ article }) => article)
    .filter((p) => p.record)
    .sort((a, b) => compareIds(a.record!.id, b.record!.id))
    .map((p) => ({ article: p.record!, searchText: p.searchText, digest: p.searchDigest }));
  return { part, docs, read };
}
