/**
 * One body line and the cheap, regex-free predicates the recogniser asks of it. Each line is measured
 * once (indent, blank) so the block rules never rescan it: the corpus has 5.14 M lines.
 */

export interface Line {
  /** The text, trailing whitespace removed (260,541 lines have some; it never carries meaning). */
  text: string;
  /** 1-based line number in the plain text. */
  line: number;
  /** Leading width: spaces count 1, a TAB counts 8. */
  indent: number;
  /** Number of leading whitespace characters (what to slice off). */
  lead: number;
  blank: boolean;
  /** Layout feature bits, computed once on first use (see `layout.ts`). */
  features?: number;
}

export function toLine(raw: string, line: number): Line {
  const text = raw.trimEnd();
  let indent = 0;
  let lead = 0;
  for (; lead < text.length; lead++) {
    const c = text.charCodeAt(lead);
    if (c === 32) indent += 1;
    else if (c === 9) indent += 8;
    else break;
  }
  return { text, line, indent, lead, blank: text.length === 0 };
}

/** The same line with `count` leading whitespace characters removed (at most its own). */
export function dedent(line: Line, count: number): Line {
  const cut = Math.min(count, line.lead);
  if (cut === 0) return line;
  return toLine(line.text.slice(cut), line.line);
}

/** `=====`, `-----`, `*****`, `_____` (optionally indented): a line made of one repeated rule character. */
export function ruleChar(text: string, from = 0): string | null {
  if (text.length - from < 3) return null;
  const c = text[from];
  if (c !== '=' && c !== '-' && c !== '*' && c !== '_') return null;
  for (let i = from + 1; i < text.length; i++) if (text[i] !== c) return null;
  return c;
}

/** How many gaps of at least `width` spaces (or a TAB) the line has after its first non-space character, at
 *  most 2: one gap is a two-column line or a spaced sentence, two are a table row. */
export function gapCount(line: Line, width = 3): number {
  const text = line.text;
  // Most lines are prose with no run of spaces at all: let the native search say so.
  if (width === 3 && text.indexOf('   ', line.lead) < 0 && text.indexOf('\t', line.lead) < 0) return 0;
  let run = 0;
  let gaps = 0;
  for (let i = line.lead; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (++run === width && ++gaps === 2) return 2;
    } else if (c === 9) {
      if (run < width && ++gaps === 2) return 2;
      run = width;
    } else run = 0;
  }
  return gaps;
}

/** True when the line has a gap of at least `width` spaces after its first non-space character: a column layout. */
export function hasGap(line: Line, width = 3): boolean {
  return gapCount(line, width) > 0;
}

/** `----  ----` or `====  ====`: at least two groups of the same rule character separated by spaces. */
export function isColumnRule(line: Line): boolean {
  const text = line.text;
  let groups = 0;
  let inGroup = false;
  let ch = '';
  for (let i = line.lead; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ') {
      inGroup = false;
      continue;
    }
    if (c !== '-' && c !== '=') return false;
    if (ch && c !== ch) return false;
    ch = c;
    if (!inGroup) {
      groups++;
      inGroup = true;
    }
  }
  return groups >= 2;
}

/** A list marker at the start of a line. */
export interface ListMarker {
  kind: 'ordered' | 'lettered' | 'bullet';
  /** 1-based ordinal (`3.` → 3, `c.` → 3); 0 for bullets. */
  ordinal: number;
  /** Column where the marker starts. */
  indent: number;
  /** Column where the item's text starts. */
  content: number;
  /** Index in the line's text where the item's text starts. */
  textStart: number;
}

/**
 * `1.`/`12.`/`1)`, `a.`/`a)` and `- `/`* ` followed by at least one space and text (FORMAT.md §5: numbered steps in
 * 27% of pages, lettered 2.5%, `- ` bullets 19%, `* ` 1%; `o `, `+ ` and `(1)` are too rare and too ambiguous).
 */
export function listMarker(line: Line): ListMarker | null {
  const text = line.text;
  const at = line.lead;
  const c = text.charCodeAt(at);
  let end = at;
  let kind: ListMarker['kind'];
  let ordinal = 0;
  if (c === 45 || c === 42) {
    kind = 'bullet';
    end = at + 1;
  } else if (c >= 48 && c <= 57) {
    end = at + 1;
    if (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    const p = text[end];
    if (p !== '.' && p !== ')') return null;
    ordinal = Number(text.slice(at, end));
    if (ordinal === 0) return null;
    kind = 'ordered';
    end++;
  } else if (c >= 97 && c <= 122) {
    const p = text[at + 1];
    if (p !== '.' && p !== ')') return null;
    kind = 'lettered';
    ordinal = c - 96;
    end = at + 2;
  } else return null;
  let content = end;
  while (content < text.length && text.charCodeAt(content) === 32) content++;
  if (content === end || content >= text.length) return null;
  return { kind, ordinal, indent: line.indent, content: line.indent + (content - at), textStart: content };
}
