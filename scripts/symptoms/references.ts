/**
 * KB articles cited by an article (FORMAT §8, patterns R1–R8).
 *
 * Corpus measure: 13,701 pages cite another article, ~37,000 links. Every form but two spells the id as `Q` +
 * 5–6 digits: indented `  Q151261 Title` lines (R1, 31,482), `- Qn Title` (R2), `ARTICLE-ID: Qn` (R3),
 * "Knowledge Base article Qn" (R4), hotfix names `Q220816.exe` (R7) and inline `Qn` (R8), so one guarded token
 * pattern covers them. The two others: the split id of old URLs `/kb/articles/q140/3/41.asp` (R5, 110) and a bare
 * number after "KB article" (`KB article 306460`). Ids are 5–6 digits (Q10022–Q327491): `Kyocera
 * Q8010` and `Q2200510=QMS-PS` are not citations.
 */
import { textLines, type TextField } from './text-parts.ts';
import type { SymptomInput } from './types.ts';

export type ReferenceRule = 'q-id' | 'kb-url' | 'article-number';

export interface ReferenceHit {
  ref: string;
  rule: ReferenceRule;
  field: TextField;
  context: string;
}

/**
 * `Q151261` / `q154512` as a token: not glued to a word or digit before (`MSQ12345`), no digit or letter after
 * (`.exe`, `/default.asp`, `:` and spaces are fine). Lower-case `q` appears only in URLs and file names (35 in the
 * corpus: `scid=kb;EN-US;q154512`, `/critical/q274149/`, `q237823.exe`).
 */
const Q_ID = /(?<![A-Za-z0-9_])[Qq]([1-9]\d{4,5})(?![0-9A-Za-z_])/g;
/** R5: `/kb/articles/q140/3/41.asp` → Q140341 (the id split into 3 + 1 + 2 digits, or 2 + 1 + 2 for 5-digit ids). */
const KB_URL = /\/kb\/articles\/q(\d{2,3})\/(\d)\/(\d{2})\.asp/gi;
/** "KB article 306460", "Knowledge Base article 151261": a bare id after "KB/Knowledge Base article". Plain
 *  "article number 16922" is not enough: in Q183772 it is an Apple Tech Info Library article. */
const ARTICLE_NUMBER = /\b(?:KB|Knowledge\s+Base)\s+articles?\s+(?:number\s+|ID\s*:?\s*|#\s*)?([1-9]\d{4,5})(?![\d.,]?\d)(?![A-Za-z_])/gi;

/** Every citation with its context line, in text order (self-citations included; `extractReferences` drops them). */
export function findReferences(input: SymptomInput): ReferenceHit[] {
  const hits: ReferenceHit[] = [];
  for (const entry of textLines(input)) {
    const text = entry.text;
    // Cheap pre-check: a citation needs a `q` or the word "article".
    if (!/q\d|article/i.test(text)) continue;
    const add = (ref: string, rule: ReferenceRule) => hits.push({ ref, rule, field: entry.field, context: text.trim() });
    for (const m of text.matchAll(KB_URL)) add(`Q${Number(`${m[1]}${m[2]}${m[3]}`)}`, 'kb-url');
    for (const m of text.matchAll(Q_ID)) add(`Q${m[1]}`, 'q-id');
    for (const m of text.matchAll(ARTICLE_NUMBER)) add(`Q${m[1]}`, 'article-number');
  }
  return hits;
}

/** Sorted (string order, as `Array.prototype.sort`) unique `Q<number>` cited by the article, excluding the article itself. Never throws. */
export function extractReferences(input: SymptomInput): string[] {
  try {
    const self = (input.id ?? '').toUpperCase();
    const refs = new Set<string>();
    for (const hit of findReferences(input)) if (hit.ref !== self) refs.add(hit.ref);
    return [...refs].sort();
  } catch {
    return [];
  }
}
