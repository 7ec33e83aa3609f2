/**
 * `Additional query words:` → its words. The value is empty in 12,812 pages and is free text otherwise
 * (`EPS filter print garbled`, `3.00 3.10`, `netbeui event 2504`), so the words are split on whitespace
 * and commas and deduplicated case-insensitively (first spelling kept), in order.
 */
export function normaliseQueryWords(value: string | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of (value ?? '').split(/[\s,]+/)) {
    if (word === '' || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    out.push(word);
  }
  return out;
}
