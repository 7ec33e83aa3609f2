/**
 * The title: front matter `title` without the leading `Qnnn: `, HTML entities decoded, and the tags
 * it starts with (`PRB:`, `XFOR:`, `Err Msg:` …).
 *
 * genmd HTML-escaped only the title (FORMAT §1): `&quot;` 5,684 times, `&amp;` 679, `&gt;` 299, `&#92;` 273,
 * `&#91;` 250, `&#93;` 240, `&lt;` 226, `&#36;` 135, `&#42;` 115, `&#95;` 90 (`__` as `&#95;&#95;`), `&#124;` 7.
 * Titles cut at 65 characters keep their trailing `...` (873): it tells the reader the title is incomplete.
 */

const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decode HTML character references: named (the few genmd wrote, plus `apos`/`nbsp`) and numeric. Unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Refuse NUL, surrogates and out-of-range code points: they would make the title invalid text.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** `Q10022: OFF97: EPS File …` → `OFF97: EPS File …` (entities decoded, whitespace at the ends trimmed). */
export function stripTitleId(title: string): { id: string | null; title: string } {
  const m = /^\s*(Q\d+)\s*:\s*/.exec(title);
  const rest = m ? title.slice(m[0].length) : title;
  return { id: m?.[1] ?? null, title: decodeEntities(rest).trim() };
}

/**
 * A title tag: up to four words before `: ` (`PRB`, `Err Msg`, `Flight Simulator 2002`, `XADM :`), each
 * word starting with a capital or a digit (or a joining word: `Age of Empires`) so that sentences such as
 * `How to Use …:` are not taken for tags. 1,441 distinct multi-word tags in the shared corpus.
 */
const TAG_WORD = String.raw`[A-Z0-9][A-Za-z0-9.+/&'_\-]*`;
const JOIN_WORD = String.raw`(?:of|and|the|for|on|in|de)`;
const TAG = new RegExp(String.raw`^(${TAG_WORD}(?: (?:${TAG_WORD}|${JOIN_WORD})){0,3}) ?: +(?=\S)`);

/** The tags a title starts with, as written: `PRB: ERROR: …` → `["PRB", "ERROR"]`; `XADM : …` → `["XADM"]`. */
export function titleTags(title: string): string[] {
  const tags: string[] = [];
  let rest = title;
  // Two tags at most in the corpus (293 titles); three leaves room without eating a sentence.
  for (let i = 0; i < 3; i++) {
    const m = TAG.exec(rest);
    if (!m?.[1] || /^\d+$/.test(m[1])) break;
    tags.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return tags;
}
