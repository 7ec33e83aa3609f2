/**
 * `Additional query words:` → its words. The value is empty in 12,812 pages and is free text otherwise
 * (`EPS filter print garbled`, `3.00 3.10`, `netbeui event 2504`), so the words are split on whitespace
 * and commas and deduplicated case-insensitively (first spelling kept), in order. Old pages carry
 * `KBCategory:`/`KBSubcategory:` lines (166, FORMAT §5) that a recogniser may join in: a word that is
 * only a label (`KBSubcategory:`) is not a query word.
 */
const LABEL = /^[A-Za-z][A-Za-z ]*:$/;

export function normaliseQueryWords(value: string | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of (value ?? '').split(/[\s,]+/)) {
    if (word === '' || LABEL.test(word) || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    out.push(word);
  }
  return out;
}
