/**
 * Piscina worker: writes the output folder's files (output.ts) on a thread of their own. Making ~72k folders and
 * files of a full build costs the kernel ~40 s of CPU on this project's machines; on the main thread that time
 * added to rendering's, here it runs on the other core while the main thread renders and indexes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WriteTask {
  /** Absolute paths and where each file's bytes lie in `bytes`, written in this order. */
  files: [path: string, start: number, end: number][];
  /** The batch's bytes, every file's one after the other: one buffer, moved to this thread rather than copied. */
  bytes: ArrayBuffer;
}

/** Folders this thread has made or found: one mkdir per folder, not per file. A thread serves one output folder. */
const folders = new Set<string>();

export default function writeFiles({ files, bytes }: WriteTask): void {
  for (const [file, start, end] of files) {
    try {
      const folder = dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, new Uint8Array(bytes, start, end - start));
    } catch (error) {
      throw new Error(`Could not write ${file}: ${(error as Error).message}`);
    }
  }
}
