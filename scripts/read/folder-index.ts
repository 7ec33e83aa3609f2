/**
 * The clean article folders of the last walk (walk.ts, `CleanFolders`), kept in the per-article cache's folder for the
 * next build's walk. Only a speed-up: without it, or with one about another source folder, every folder is listed.
 */
import { join } from 'node:path';
import { loadValue, storeValue } from '../pipeline/stored.ts';
import type { CleanFolders, FolderStat } from './walk.ts';

interface FolderIndex {
  root: string;
  folders: [rel: string, stat: FolderStat][];
}

const fileOf = (cacheFolder: string) => join(cacheFolder, 'clean-folders.v8');

export function loadCleanFolders(cacheFolder: string, root: string): CleanFolders {
  const index = loadValue(fileOf(cacheFolder)) as FolderIndex | null;
  return index?.root === root && Array.isArray(index.folders) ? new Map(index.folders) : new Map();
}

export function saveCleanFolders(cacheFolder: string, root: string, folders: CleanFolders): void {
  try {
    storeValue(fileOf(cacheFolder), { root, folders: [...folders] } satisfies FolderIndex);
  } catch {
    // The next walk lists every folder.
  }
}
