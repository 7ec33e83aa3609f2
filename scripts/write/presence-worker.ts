/**
 * Piscina worker: which files of the last build's manifest are no longer in the output folder as that build left
 * them — gone, or changed after it saved its manifest (output.ts). A rebuild keeps ~370k of them, and checking each
 * on the main thread cost ~3 s of it; here they are checked on the other core while the main thread reads the
 * article cache, which leaves that core idle.
 */
import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';

export interface PresenceTask {
  root: string;
  /** Relative paths (`kb/182/Q182346/index.html`), as the manifest lists them. */
  paths: string[];
  /** When the manifest was saved, as a file time (ctime, ms: output.ts `saveManifest`). */
  since: number;
  /** Receives the answer (`PresenceAnswer`), once all are checked: read with `receiveMessageOnPort`, so the main
   *  thread takes it whenever it needs it, without returning to its event loop. */
  port: MessagePort;
}

export interface PresenceAnswer {
  /** The paths gone or changed. */
  changed: string[];
  /** Each path's size in bytes, in the order of `paths` (-1 when gone): the folder's footprint without a second stat
   *  of every file at the end of the build. */
  sizes: Float64Array;
}

export default function findChanged({ root, paths, since, port }: PresenceTask): void {
  const changed: string[] = [];
  const sizes = new Float64Array(paths.length);
  paths.forEach((rel, i) => {
    const stat = statSync(join(root, rel), { throwIfNoEntry: false });
    sizes[i] = stat?.isFile() ? stat.size : -1;
    if (!stat || isChanged(stat, since)) changed.push(rel);
  });
  const answer: PresenceAnswer = { changed, sizes };
  port.postMessage(answer, [sizes.buffer]);
  port.close();
}

/**
 * Whether `path` is not a file, or a file whose inode changed (written, renamed over, chmod-ed) at or after `since`,
 * a file time in ms (output.ts: `saveManifest`).
 */
export function changedSince(path: string, since: number): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return !stat || isChanged(stat, since);
}

const isChanged = (stat: Stats, since: number) => !stat.isFile() || stat.ctimeMs >= since;
