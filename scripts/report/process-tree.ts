/**
 * Memory of a whole process tree, for the benchmarks: the build's Node process and its children
 * together, since the budget is for the machine, not one process.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory of a process and all its descendants, in KiB, from /proc: `tree`, and `own` the process alone.
 * The tree is walked through each thread's `children` list (a child spawned by a worker thread is listed under
 * that thread): reading every process's `stat` ten times a second cost the bench 14% of a core, on a 2-core machine.
 */
export function rssKiB(pid: number): { tree: number; own: number } {
  let total = 0;
  let own = 0;
  const visit = (p: number) => {
    try {
      const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      if (p === pid) own = kib;
      total += kib;
    } catch {
      return; // Ended.
    }
    for (const c of childrenOf(p)) visit(c);
  };
  visit(pid);
  return { tree: total, own };
}

/** The child processes of `pid`, whichever of its threads started them (zombies included until reaped). */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found; // Ended.
  }
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) if (child) found.push(Number(child));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return found;
}

/** Resident memory of a process and all its descendants, in KiB. */
export const treeRssKiB = (pid: number): number => rssKiB(pid).tree;
