/**
 * Memory of a whole process tree, for the benchmarks: the build's Node process and its children (Pagefind's
 * Rust indexer, parser workers) together, since the budget is for the machine, not one process.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process and all its descendants, in KiB, from /proc: `tree`, and `own` the process alone. */
export function rssKiB(pid: number): { tree: number; own: number } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  let own = 0;
  const visit = (p: number) => {
    try {
      const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      if (p === pid) own = kib;
      total += kib;
    } catch {
      // Ended.
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return { tree: total, own };
}

/** Resident memory of a process and all its descendants, in KiB. */
export const treeRssKiB = (pid: number): number => rssKiB(pid).tree;
