/** Pagefind's Rust children of the test process, read from /proc: a build must never leave one running. */
import { readFileSync } from 'node:fs';
import { childrenOf } from '../../scripts/report/process-tree.ts';

/**
 * Pagefind children of this process still running once the count has stayed at zero for a quarter of a second,
 * or after five seconds. A child is sent SIGTERM, or sees its input close, and takes a moment to go; and a child
 * forked by a worker thread just as the build failed is still named `node` until it execs, so one reading of zero
 * is not enough (seen on CI: zero, then one a millisecond later).
 */
export async function runningIndexers(): Promise<number> {
  const deadline = performance.now() + 5_000;
  let zeroes = 0;
  while (zeroes < 5 && performance.now() < deadline) {
    zeroes = countIndexers() === 0 ? zeroes + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
