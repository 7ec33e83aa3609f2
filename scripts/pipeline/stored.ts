/**
 * Values a build keeps for the next one in the cache folder (the stat index, search parts, the output manifest):
 * v8-serialised, which reads back several times faster than JSON, and written whole or not at all.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { deserialize, serialize } from 'node:v8';

/** Written under a temporary name and renamed, so a crash or a concurrent build never leaves half a file that looks whole. */
export function storeValue(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, serialize(value));
  renameSync(temporary, file);
}

/** What `storeValue` kept in `file`, or null when it is missing or unreadable; the caller checks its shape. */
export function loadValue(file: string): unknown {
  try {
    return deserialize(readFileSync(file)) as unknown;
  } catch {
    return null;
  }
}
