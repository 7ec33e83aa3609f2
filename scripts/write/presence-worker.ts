/**
 * Piscina worker: which files of the last build's manifest are no longer in the output folder as that build left
 * them — gone, or changed after it saved its manifest (output.ts). A rebuild keeps ~370k of them, and checking each
 * on the main thread cost ~3 s of it; here they are checked on the other core while the main thread reads the
 * article cache, which leaves that core idle.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';

export interface PresenceTask {
  root: string;
  /** Relative paths (`kb/182/Q182346/index.html`), as the manifest lists them. */
  paths: string[];
  /** When the manifest was saved, as a file time (ctime, ms: output.ts `saveManifest`). */
  since: number;
  /** Receives the paths gone or changed, once all are checked: read with `receiveMessageOnPort`, so the main
   *  thread takes the answer whenever it needs it, without returning to its event loop. */
  port: MessagePort;
}

export default function findChanged({ root, paths, since, port }: PresenceTask): void {
  port.postMessage(paths.filter((rel) => changedSince(join(root, rel), since)));
  port.close();
}

/**
 * Whether `path` is not a file, or a file whose inode changed (written, renamed over, chmod-ed) at or after `since`,
 * a file time in ms (output.ts: `saveManifest`).
 */
export function changedSince(path: string, since: number): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return !stat?.isFile() || stat.ctimeMs >= since;
}
