/**
 * The parsing stage's `thread time:` remark, written by the build and read back by the bench: one module owns the
 * form, so the two cannot drift apart.
 *
 *   [Parsing articles] 59,132 articles (thread time: read 4.1 s, parse 22.0 s, normalise 9.8 s, digest 3.1 s, store 2.0 s) in 23.9s
 */
import type { ArticleStageTimes } from '../pipeline/article.ts';

/** `read 4.1 s, parse 22.0 s, …`: each per-article stage's seconds, summed over the threads that ran them. */
export const threadTimeRemark = (seconds: ArticleStageTimes): string =>
  `thread time: ${Object.entries(seconds).map(([stage, t]) => `${stage} ${t.toFixed(1)} s`).join(', ')}`;

export interface StageLine {
  name: string;
  /** The stage's wall time, as printed. */
  seconds: number;
  /** The per-article stages' thread time, when the line has a `thread time:` remark. */
  threadSeconds: { name: string; seconds: number }[];
}

/** A finished stage's line (`[Name] … in 1.2s`, report/progress.ts), or null for any other line. */
export function parseStageLine(line: string): StageLine | null {
  const stage = /^\[([^\]]+)\] .* in ([\d.]+)s$/.exec(line);
  if (!stage) return null;
  const split = /thread time: ([^)]*)\)/.exec(line)?.[1] ?? '';
  const threadSeconds = [...split.matchAll(/(\w+) ([\d.]+) s/g)].map((m) => ({ name: m[1]!, seconds: Number(m[2]) }));
  return { name: stage[1]!, seconds: Number(stage[2]), threadSeconds };
}
