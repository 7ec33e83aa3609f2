/**
 * The parsing stage's `thread time:` remark, written by the build and read back by the bench: one module owns the
 * form, so the two cannot drift apart. As a cold build of the full corpus printed it:
 *
 *   [Parsing articles] 59,132 articles (thread time: read 4.1 s, parse 19.6 s, normalise 9.6 s, digest 5.4 s, store 1.1 s) in 22.9s
 */
import { stageEntries, type ArticleStageTimes } from '../pipeline/article.ts';

/** `thread time: read 4.1 s, parse 19.6 s, …`: each per-article stage's seconds, summed over the threads that ran
 *  them (`ArticleStageTimes`); to the hundredth under 10 s in all, so a small build's split still says something. */
export function threadTimeRemark(seconds: ArticleStageTimes): string {
  const entries = stageEntries(seconds);
  const digits = entries.reduce((sum, [, t]) => sum + t, 0) < 10 ? 2 : 1;
  return `thread time: ${entries.map(([stage, t]) => `${stage} ${t.toFixed(digits)} s`).join(', ')}`;
}

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
