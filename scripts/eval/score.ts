/**
 * Scores a search on the evaluation set (scripts/eval/queries.ts): for each query, where the article it was made
 * from appears in the search's ranked results.
 */
import type { EvalQuery } from './queries.ts';

export interface KindScore {
  /** An `EvalKind`, or `all` for every query together. */
  kind: string;
  queries: number;
  /** Share of queries whose expected article is among the first 10 results. */
  recallAt10: number;
  /** Mean reciprocal rank, cut at 10 (MRR@10): 1/rank when the expected article is among the first 10, else 0. */
  mrr: number;
}

const CUTOFF = 10;

/** 1-based rank of the expected article among the first 10 results, or null. */
export function rankOf(expected: string, results: string[]): number | null {
  const i = results.slice(0, CUTOFF).indexOf(expected);
  return i < 0 ? null : i + 1;
}

/** One row per kind, in order of first appearance, then an `all` row. `resultsOf` gives a query's ranked article
 *  ids (`Q182346`); anything else in the list (an event page, say) just takes up a place. */
export function scoreEval(queries: EvalQuery[], resultsOf: (q: EvalQuery) => string[]): KindScore[] {
  const byKind = new Map<string, { n: number; found: number; rr: number }>();
  const all = { n: 0, found: 0, rr: 0 };
  for (const q of queries) {
    const rank = rankOf(q.expected, resultsOf(q));
    let row = byKind.get(q.kind);
    if (!row) byKind.set(q.kind, (row = { n: 0, found: 0, rr: 0 }));
    for (const r of [row, all]) {
      r.n++;
      if (rank !== null) {
        r.found++;
        r.rr += 1 / rank;
      }
    }
  }
  const score = (kind: string, r: { n: number; found: number; rr: number }): KindScore => ({
    kind,
    queries: r.n,
    recallAt10: r.n === 0 ? 0 : r.found / r.n,
    mrr: r.n === 0 ? 0 : r.rr / r.n,
  });
  return [...[...byKind].map(([kind, r]) => score(kind, r)), score('all', all)];
}
