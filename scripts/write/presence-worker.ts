/**
 * Piscina worker: which files of the last build's manifest are no longer in the output folder (output.ts). A
 * rebuild keeps ~370k of them, and checking each on the main thread cost ~3 s of it; here they are checked on the
 * other core while the main thread reads the article cache, which leaves that core idle.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';

export interface PresenceTask {
  root: string;
  /** Relative paths (`kb/182/Q182346/index.html`), as the manifest lists them. */
  paths: string[];
  /** Receives the paths that are not files, once all are checked: read with `receiveMessageOnPort`, so the main
   *  thread takes the answer whenever it needs it, without returning to its event loop. */
  port: MessagePort;
}

export default function findMissing({ root, paths, port }: PresenceTask): void {
  port.postMessage(paths.filter((rel) => !(statSync(join(root, rel), { throwIfNoEntry: false })?.isFile() ?? false)));
  port.close();
}
