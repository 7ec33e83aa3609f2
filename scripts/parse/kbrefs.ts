/**
 * KB citations in body text (FORMAT.md §8): `Qnnnnn`/`Qnnnnnn` (5–6 digits: ids run Q10022–Q327491, so
 * `Kyocera Q8010` and `Q2200510` are noise) wherever they stand — indented `  Qn Title` lines (31,482),
 * `- Qn`, `ARTICLE-ID: Qn`, inline — and the split URL form `/kb/articles/q140/3/41.asp` (→ Q140341, 110).
 */
export interface KbCitation {
  /** `Q140341`. */
  id: string;
  /** Offset of the cited text in the string. */
  index: number;
  /** The cited text as written (`Q140341` or the URL path). */
  text: string;
}

const CITATION = /(?<![A-Za-z0-9_])Q(\d{5,6})(?![0-9])|\/kb\/articles\/[qQ](\d{2,3})\/(\d)\/(\d{2})\.asp/g;

/** Every citation in `text`, in order. */
export function findCitations(text: string): KbCitation[] {
  if (!text.includes('Q') && !text.includes('/kb/')) return [];
  const found: KbCitation[] = [];
  for (const match of text.matchAll(CITATION)) {
    const id = match[1] !== undefined ? `Q${match[1]}` : `Q${match[2]}${match[3]}${match[4]}`;
    found.push({ id, index: match.index, text: match[0] });
  }
  return found;
}
