/** Pagefind's Rust children of the test process, read from /proc: a build must never leave one running. */
import { readFileSync } from 'node:fs';
import { childrenOf } from '../../scripts/report/process-tree.ts';

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
  return childrenOf(process.pid).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return /\(pagefind/.test(stat) && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false; // Ended meanwhile.
    }
  });
}
