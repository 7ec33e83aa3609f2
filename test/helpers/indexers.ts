/** Pagefind's Rust children of the test process, read from /proc: a build must never leave one running. */
import { readdirSync, readFileSync } from 'node:fs';

/** Pagefind children of this process still running after a grace second (a zombie has ended): a child is sent
 *  SIGTERM and may take a moment to go. */
export async function runningIndexers(): Promise<number> {
  for (let tries = 0; tries < 20 && countIndexers() > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  return countIndexers();
}

export function countIndexers(): number {
  return indexerPids().length;
}

/** Pagefind children of this process that have not ended. */
export function indexerPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid && state !== 'Z' && /\(pagefind/.test(stat)) pids.push(Number(name));
    } catch {
      // Ended meanwhile.
    }
  }
  return pids;
}
