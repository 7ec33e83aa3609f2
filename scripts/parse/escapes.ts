/**
 * genmd.js wrote bytes ≥0x7F as the text `<XX>`. 1,802 of the corpus's 1,980 `<XX>` tokens are such escapes of
 * CP1252 characters (FORMAT.md §10); the other 178 are real text (NetBIOS suffixes `<1C>`, `<00>`, `<20>`, the key
 * `<F5>`, a drive `<CD>`, the tag `<DD>`), so only this closed set is decoded, never 0x00–0x20.
 */
export const GENERATOR_ESCAPES: Readonly<Record<string, string>> = {
  '<A0>': '\u00a0', // NBSP, 1,001
  '<B7>': '\u00b7', // ·, 321
  '<A7>': '\u00a7', // §, 188
  '<B6>': '\u00b6', // ¶, 161
  '<AE>': '\u00ae', // ®, 20
  '<A9>': '\u00a9', // ©, 8
  // DEL (57, after times in directory listings like `12:00a<7F>`): a control character with no glyph, so dropped.
  '<7F>': '',
};

const ESCAPE = /<(?:A0|B7|A7|B6|AE|A9|7F)>/g;

/** Decodes the generator escapes in `text`; returns the text and how many were decoded. */
export function decodeEscapes(text: string): { text: string; count: number } {
  if (!text.includes('<')) return { text, count: 0 };
  let count = 0;
  const decoded = text.replace(ESCAPE, (token) => {
    count++;
    return GENERATOR_ESCAPES[token] ?? token;
  });
  return { text: decoded, count };
}

const ANY_ESCAPE = /<(?:A0|B7|A7|B6|AE|A9|7F)>/;

/** Whether `text` holds any generator escape. */
export function hasEscapes(text: string): boolean {
  return ANY_ESCAPE.test(text);
}
