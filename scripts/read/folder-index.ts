/**
 * The clean article folders of the last walk (walk.ts, `CleanFolders`), kept in the per-article cache's folder for the
 * next build's walk. Only a speed-up: without it, or with one about another source folder, every folder is listed.
 */
import { join } from 'node:path';
import { loadValue, storeValue } from '../pipeline/stored.ts';
import { findArticleFiles, type ArticleFiles, type CleanFolders, type FolderStat } from './walk.ts';

interface FolderIndex {
  root: string;
  folders: [rel: string, stat: FolderStat][];
}

const fileOf = (cacheFolder: string) => join(cacheFolder, 'clean-folders.v8');

/**
 * Finds the article files with the clean folders the last walk of `root` kept in `cacheDir` (none without a cache);
 * `keep` saves this walk's for the next (the sources thread calls it once its answer is on its way).
 */
export async function findArticleFilesAgain(root: string, cacheDir: string | null | undefined): Promise<{ found: ArticleFiles; keep: () => void }> {
  const { clean, ...found } = await findArticleFiles(root, { known: cacheDir ? loadCleanFolders(cacheDir, root) : undefined });
  return { found, keep: () => cacheDir && saveCleanFolders(cacheDir, root, clean) };
}

function loadCleanFolders(cacheFolder: string, root: string): CleanFolders {
  const index = loadValue(fileOf(cacheFolder)) as FolderIndex | null;
  return index?.root === root && Array.isArray(index.folders) ? new Map(index.folders) : new Map();
}

function saveCleanFolders(cacheFolder: string, root: string, folders: CleanFolders): void {
  try {
    storeValue(fileOf(cacheFolder), { root, folders: [...folders] } satisfies FolderIndex);
  } catch {
    // The next walk lists every folder.
  }
}
