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
  const result = new Map<string, string[]>();

  records.forEach((record, i) => {
    const scores = new Map<number, number>();
    const add = (j: number, w: number) => {
      if (j !== i) scores.set(j, (scores.get(j) ?? 0) + w);
    };
    for (const f of featuresOf[i] ?? []) {
      const list = byFeature.get(f);
      if (!list || list.length > maxFeatureArticles) continue;
      const w = f.startsWith('e:') ? weights.event : f.startsWith('c:') ? weights.errorCode : f.startsWith('r:') ? weights.sharedReference : weights.keyword;
      for (const j of list) add(j, w);
    }
    for (const id of [...record.references, ...(citedBy.get(record.id) ?? [])]) {
      const j = indexOf.get(id);
      if (j !== undefined) add(j, weights.cites);
    }
    for (const [j, score] of scores) {
      if (records[j]?.productFamily === record.productFamily) scores.set(j, score + weights.sameFamily);
    }
    const ranked = [...scores]
      .filter(([, s]) => s >= 2)
      .sort((a, b) => b[1] - a[1] || compareIds(records[a[0]]!.id, records[b[0]]!.id))
      .slice(0, limit)
      .map(([j]) => records[j]!.id);
    result.set(record.id, ranked);
  });
  return result;
}
