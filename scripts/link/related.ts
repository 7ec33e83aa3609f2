/**
 * Related articles, ranked by what they share: the same event or error code first (a reader with a symptom
 * wants every article about it), then direct citations, co-citations and rare keywords, with the same product
 * family as a tie-breaker. Features shared by too many articles say nothing and are skipped.
 */
import type { ArticleRecord } from '../types.ts';
import { compareIds } from './citations.ts';

const weights = { event: 6, errorCode: 5, cites: 4, sharedReference: 2, keyword: 1, sameFamily: 0.5 } as const;
/** A feature in more articles than this is too common to relate anything (e.g. keyword `kbbug`). */
const maxFeatureArticles = 300;

export function relatedArticles(records: ArticleRecord[], citedBy: Map<string, string[]>, limit = 8): Map<string, string[]> {
  const byFeature = new Map<string, number[]>();
  const featuresOf: string[][] = records.map((r) => {
    const f: string[] = [];
    for (const e of r.events) f.push(`e:${e.id}`);
    for (const c of r.errorCodes) f.push(`c:${c.code}`);
    for (const ref of r.references) f.push(`r:${ref}`);
    for (const k of r.keywords) f.push(`k:${k.toLowerCase()}`);
    return [...new Set(f)];
  });
  featuresOf.forEach((features, i) => {
    for (const f of features) {
      const list = byFeature.get(f);
      if (list) list.push(i);
      else byFeature.set(f, [i]);
    }
  });
  const indexOf = new Map(records.map((r, i) => [r.id, i]));
  const weightOf = (f: string) => (f.startsWith('e:') ? weights.event : f.startsWith('c:') ? weights.errorCode : f.startsWith('r:') ? weights.sharedReference : weights.keyword);
  // Each article's position in number order, for the tie-break without comparing id strings.
  const rank = new Int32Array(records.length);
  [...records.keys()].sort((a, b) => compareIds(records[a]!.id, records[b]!.id)).forEach((i, position) => (rank[i] = position));
  const result = new Map<string, string[]>();

  // One score per article, reused: a Map per article cost ~4 s at full size. Weights are positive, so 0 = untouched.
  const scores = new Float64Array(records.length);
  const touched: number[] = [];
  records.forEach((record, i) => {
    const add = (j: number, w: number) => {
      if (j === i) return;
      if (scores[j] === 0) touched.push(j);
      scores[j] = scores[j]! + w;
    };
    for (const f of featuresOf[i] ?? []) {
      const list = byFeature.get(f);
      if (!list || list.length > maxFeatureArticles) continue;
      const w = weightOf(f);
      for (const j of list) add(j, w);
    }
    for (const id of [...record.references, ...(citedBy.get(record.id) ?? [])]) {
      const j = indexOf.get(id);
      if (j !== undefined) add(j, weights.cites);
    }
    for (const j of touched) if (records[j]!.productFamily === record.productFamily) scores[j] = scores[j]! + weights.sameFamily;
    const ranked = touched
      .filter((j) => scores[j]! >= 2)
      .sort((a, b) => scores[b]! - scores[a]! || rank[a]! - rank[b]!)
      .slice(0, limit)
      .map((j) => records[j]!.id);
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
    result.set(record.id, ranked);
  });
  return result;
}
