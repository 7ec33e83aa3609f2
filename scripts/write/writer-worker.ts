/**
 * Piscina worker: writes the output folder's files (output.ts) on a thread of their own. Making ~72k folders and
 * files of a full build costs the kernel ~40 s of CPU on this project's machines; on the main thread that time
 * added to rendering's, here it runs on the other core while the main thread renders and indexes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WriteTask {
  /** Absolute paths and their contents, written in this order. */
  files: [path: string, content: string | Uint8Array][];
}

/** Folders this thread has made or found: one mkdir per folder, not per file. A thread serves one output folder. */
const folders = new Set<string>();

export default function writeFiles({ files }: WriteTask): void {
  for (const [file, content] of files) {
    try {
      const folder = dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, content);
    } catch (error) {
      throw new Error(`Could not write ${file}: ${(error as Error).message}`);
    }
  }
}
