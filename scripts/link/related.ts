/**
 * Related articles, ranked by what they share: the same event or error code first (a reader with a symptom
 * wants every article about it), then direct citations, co-citations and rare keywords, with the same product
 * family as a tie-breaker. Features shared by too many articles say nothing and are skipped. An event named only
 * in a cited article's title (`via`) is that article's symptom, not this one's: it relates nothing.
 */
import type { ArticleRecord } from '../types.ts';
import { compareIds } from './citations.ts';

const weights = { event: 6, errorCode: 5, cites: 4, sharedReference: 2, keyword: 1, sameFamily: 0.5 } as const;
/** A feature in more articles than this is too common to relate anything (e.g. keyword `kbbug`). */
const maxFeatureArticles = 300;

/** Calls `f` with each feature an article relates to others by: its key and its weight. */
function eachFeature(r: ArticleRecord, f: (key: string, weight: number) => void): void {
  for (const e of r.events) if (!e.via) f(`e:${e.id}`, weights.event);
  for (const c of r.errorCodes) f(`c:${c.code}`, weights.errorCode);
  for (const ref of r.references) f(`r:${ref}`, weights.sharedReference);
  for (const k of r.keywords) f(`k:${k.toLowerCase()}`, weights.keyword);
}

/**
 * What of one article relatedness is computed from: its features (its citations among them) and its product family.
 * An archive of the same articles, each with the same value, has the same related articles (a rebuild after an edit
 * that changed none of them keeps the last build's: build.ts).
 */
export function relatedInputsOf(r: ArticleRecord): string {
  const keys: string[] = [];
  eachFeature(r, (key) => keys.push(key));
  return JSON.stringify([r.productFamily, keys]);
}

export function relatedArticles(records: ArticleRecord[], citedBy: Map<string, string[]>, limit = 8): Map<string, string[]> {
  // Everything the scoring loop reads is numbered up front — features, families, citations — and held in arrays of
  // numbers: the loop visits ~60 million (article, neighbour) pairs on the full corpus, and reading record properties
  // and string keys there cost 2–4 s of a rebuild's link stage (records read back from the cache have many shapes).
  const featureIds = new Map<string, number>();
  const featureWeights: number[] = [];
  const members: number[][] = [];
  const featuresOf = records.map((r, i) => {
    const seen = new Set<number>();
    const note = (key: string, weight: number) => {
      let f = featureIds.get(key);
      if (f === undefined) {
        f = featureWeights.length;
        featureIds.set(key, f);
        featureWeights.push(weight);
        members.push([]);
      }
      if (seen.has(f)) return;
      seen.add(f);
      members[f]!.push(i);
    };
    eachFeature(r, note);
    return Int32Array.from(seen);
  });
  // Features shared by too many articles are dropped here rather than skipped for each of their members.
  const useful = members.map((list) => (list.length > maxFeatureArticles ? null : Int32Array.from(list)));
  const indexOf = new Map(records.map((r, i) => [r.id, i]));
  const cited = records.map((r) => {
    const linked: number[] = [];
    for (const id of [...r.references, ...(citedBy.get(r.id) ?? [])]) {
      const j = indexOf.get(id);
      if (j !== undefined) linked.push(j);
    }
    return linked;
  });
  const familyIds = new Map<string, number>();
  const family = Int32Array.from(records, (r) => {
    let f = familyIds.get(r.productFamily);
    if (f === undefined) familyIds.set(r.productFamily, (f = familyIds.size));
    return f;
  });
  // Each article's position in number order, for the tie-break without comparing id strings.
  const rank = new Int32Array(records.length);
  [...records.keys()].sort((a, b) => compareIds(records[a]!.id, records[b]!.id)).forEach((i, position) => (rank[i] = position));
  const result = new Map<string, string[]>();

  // One score per article, reused: a Map per article cost ~4 s at full size. Weights are positive, so 0 = untouched.
  const scores = new Float64Array(records.length);
  const touched: number[] = [];
  // The best `limit` so far, best first: kept by insertion, as sorting every touched article cost more than scoring.
  const best: number[] = [];
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && rank[a]! < rank[b]!);
  let i = 0;
  // One closure for the loop, not one per article.
  const add = (j: number, w: number) => {
    if (j === i) return;
    if (scores[j] === 0) touched.push(j);
    scores[j] = scores[j]! + w;
  };
  for (; i < records.length; i++) {
    for (const f of featuresOf[i]!) {
      const list = useful[f];
      if (!list) continue;
      const w = featureWeights[f]!;
      for (let k = 0; k < list.length; k++) add(list[k]!, w);
    }
    for (const j of cited[i]!) add(j, weights.cites);
    const own = family[i];
    for (const j of touched) {
      if (family[j] === own) scores[j] = scores[j]! + weights.sameFamily;
      if (scores[j]! < 2 || (best.length === limit && !before(j, best[limit - 1]!))) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && before(j, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = j;
    }
    result.set(records[i]!.id, best.map((j) => records[j]!.id));
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
    best.length = 0;
  }
  return result;
}
