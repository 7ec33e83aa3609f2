/**
 * The article's frame: the header block, the applies-to block, `Additional query words:` and the footer.
 * Each becomes `raw.*` and its lines are masked out of the body (HTML and `bodyText`).
 */
import type { VFile } from 'vfile';
import type { KbRawFields } from '../types.ts';
import { ruleChar, type Line } from './lines.ts';
import { countRule } from './rules.ts';

/** The six header labels, in their fixed order (FORMAT.md §2: every file, exactly these). */
const HEADER_FIELDS: Record<string, keyof KbRawFields['header']> = {
  Article: 'article',
  'Product(s)': 'product',
  'Version(s)': 'versions',
  'Operating System(s)': 'os',
  'Keyword(s)': 'keywords',
  'Last Modified': 'lastModified',
};

/** Labels whose value is search words, not body: `Additional query words:` (53,982 pages) and its old forms
 *  `Additional reference words:` (11) and `KBCategory:`/`KBSubcategory:` (166). */
const QUERY_WORD_LABELS = ['Additional query words:', 'Additional reference words:', 'KBCategory:', 'KBSubcategory:'];

const APPLIES_TO_INTRO = 'The information in this article applies to';
/** The prose variant, a paragraph instead of the framed list (530 pages, mostly MSPL). */
const APPLIES_TO_PROSE = ['This information applies to', 'The information in this article applies to'];

/** How far below the header the applies-to block may start: 1,072 pages put 1–3 stray header remnants
 *  (`3.00 3.10` / `WINDOWS` / `kbprg kbref`) before it, 47 other text (a `*****` warning box, a duplicate). */
const APPLIES_TO_LOOKAHEAD = 60;

/** Lines before the block are header remnants when there are at most this many and none is a sentence; else body.
 *  Remnants are version and keyword tokens, up to a full cut 87-character line (`MS-DOS:5.1,6.0,…; OS/2:5.1,…;`). */
const REMNANT_MAX_LINES = 4;

export interface Frame {
  raw: KbRawFields;
  /** `true` for every line that belongs to the frame, not the body. */
  masked: Uint8Array;
}

/** Recognises the frame of an article's plain text. */
export function recogniseFrame(lines: Line[], file: VFile): Frame {
  const raw: KbRawFields = { header: {}, footer: {}, appliesTo: [], queryWords: null };
  const masked = new Uint8Array(lines.length);
  const headerEnd = recogniseHeader(lines, raw, masked, file);
  const footerStart = recogniseFooter(lines, raw, masked, file);
  const framed = recogniseAppliesTo(lines, headerEnd, footerStart, raw, masked, file);
  if (!framed) recogniseProseAppliesTo(lines, headerEnd, footerStart, raw, masked, file);
  recogniseQueryWords(lines, headerEnd, footerStart, raw, masked, file);
  return { raw, masked };
}

function isDashRule(line: Line | undefined): boolean {
  return line !== undefined && line.lead === 0 && line.text.length >= 40 && ruleChar(line.text) === '-';
}

function isEqualsRule(line: Line | undefined): boolean {
  return line !== undefined && line.lead === 0 && line.text.length >= 40 && ruleChar(line.text) === '=';
}

/** Returns the index after the header (and its trailing blank lines). */
function recogniseHeader(lines: Line[], raw: KbRawFields, masked: Uint8Array, file: VFile): number {
  let i = 0;
  while (i < lines.length && lines[i]!.blank) i++;
  const start = i;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    const colon = text.indexOf(':');
    const key = colon > 0 ? HEADER_FIELDS[text.slice(0, colon)] : undefined;
    if (!key) break;
    raw.header[key] = text.slice(colon + 1).trim();
    masked[i] = 1;
  }
  if (i === start) {
    file.message('No `Article:` header block at the top of the article text, so product, versions, keywords and date are empty; the header starts the text with `Article: Qn`, then `Product(s):`, `Version(s):`, `Keyword(s):` and `Last Modified:` lines.', {
      place: { line: (lines[start]?.line ?? 1), column: 1 },
      ruleId: 'header-missing',
      source: 'kb',
    });
    return start;
  }
  countRule(file, 'frame.header');
  // A missing `Last Modified:` line is reported once, by the normalise stage (`kb:date-missing`).
  return i;
}

/** The footer: `=`×70, `Label<padded>: value` lines, a blank, `=`×77 (56,985 KB pages, never text after it).
 *  Returns the index of its opening rule, or `lines.length` when there is none. */
function recogniseFooter(lines: Line[], raw: KbRawFields, masked: Uint8Array, file: VFile): number {
  let end = lines.length - 1;
  while (end >= 0 && lines[end]!.blank) end--;
  if (!isEqualsRule(lines[end])) return lines.length;
  let open = end - 1;
  // 34 field sequences, at most 8 labels: 30 lines is generous.
  const limit = Math.max(0, end - 30);
  while (open >= limit && !isEqualsRule(lines[open])) open--;
  if (open < limit) return lines.length;
  let last: string | null = null;
  for (let i = open + 1; i < end; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    const colon = line.text.indexOf(':');
    const label = colon > 0 ? line.text.slice(0, colon).trim() : '';
    if (label && line.lead === 0 && /^[A-Za-z][A-Za-z ]*$/.test(label)) {
      last = label.toLowerCase();
      raw.footer[last] = line.text.slice(colon + 1).trim();
    } else if (last) {
      raw.footer[last] = `${raw.footer[last]} ${line.text.trim()}`.trim();
      countRule(file, 'frame.footer.continuation');
    } else {
      // Text that is not a label line: this is not the generator's footer.
      return lines.length;
    }
  }
  for (let i = open; i < lines.length; i++) masked[i] = 1;
  countRule(file, 'frame.footer');
  return open;
}

/** The standard block (56,186 pages): dashes, `The information in this article applies to:`, `- ` items
 *  (sub-items indented `   - `), dashes. The first may follow the header after remnants or a warning box; a
 *  framed block later in the body (14 pages have two) is unambiguous and taken too. Returns whether one was found. */
function recogniseAppliesTo(
  lines: Line[], from: number, to: number, raw: KbRawFields, masked: Uint8Array, file: VFile,
): boolean {
  let found = false;
  for (let open = from; open < to; open++) {
    if (!isDashRule(lines[open]) || !lines[open + 1]?.text.startsWith(APPLIES_TO_INTRO)) continue;
    if (!found && open - from <= APPLIES_TO_LOOKAHEAD && isRemnant(lines, from, open)) {
      for (let j = from; j < open; j++) {
        if (!lines[j]!.blank) countRule(file, 'frame.header-remnant');
        masked[j] = 1;
      }
    } else if (!found) countRule(file, 'frame.applies-to.after-text');
    else countRule(file, 'frame.applies-to.repeat');
    const last = readAppliesToBlock(lines, open, to, raw, masked, file);
    countRule(file, 'frame.applies-to');
    found = true;
    open = last;
  }
  return found;
}

/** Longest applies-to block seen: 12+ items in 145 pages, with sub-items and the odd `as they apply to:` line. */
const APPLIES_TO_MAX_LINES = 80;

/** Reads one block from its opening rule; returns the index of its last line. */
function readAppliesToBlock(
  lines: Line[], open: number, to: number, raw: KbRawFields, masked: Uint8Array, file: VFile,
): number {
  let close = -1;
  const items: string[] = [];
  const limit = Math.min(to, open + APPLIES_TO_MAX_LINES);
  let lastItemLine = open + 1;
  for (let j = open + 2; j < limit; j++) {
    const line = lines[j]!;
    if (isDashRule(line)) {
      close = j;
      break;
    }
    if (line.blank) continue;
    // A heading underline means the closing rule is missing and the body has begun.
    if (ruleChar(line.text) === '=' || (lines[j + 1] && ruleChar(lines[j + 1]!.text) === '=')) break;
    const body = line.text.trimStart();
    if (body.startsWith('- ')) items.push(body.slice(2).trim());
    else if (body === '-') items.push('');
    else if (items.length > 0 && lines[j - 1]?.blank !== true) {
      items[items.length - 1] = `${items[items.length - 1]} ${body}`.trim();
      countRule(file, 'frame.applies-to.continuation');
    } else items.push(body); // `as they apply to:` between item groups
    lastItemLine = j;
  }
  raw.appliesTo.push(...items.filter((item) => item.length > 0));
  const last = close >= 0 ? close : lastItemLine;
  for (let k = open; k <= last; k++) masked[k] = 1;
  if (close < 0) {
    file.message('The applies-to block has no closing line of dashes, so it is taken to end at its last item; add the dashed line after the list to make sure no body text is read as an item.', {
      place: { line: lines[open]!.line, column: 1 },
      ruleId: 'applies-to-unclosed',
      source: 'kb',
    });
  }
  return last;
}

/** The old TXT header's leftovers (`3.00 3.10`, `WINDOWS`, `kbprg kbref`): a few lines, none a sentence. */
function isRemnant(lines: Line[], from: number, to: number): boolean {
  let count = 0;
  for (let j = from; j < to; j++) {
    const text = lines[j]!.text;
    if (!text) continue;
    if (++count > REMNANT_MAX_LINES || text.endsWith('.') || text.endsWith(':') || text.includes('. ') || text.includes('**')) {
      return false;
    }
  }
  return true;
}


/** The prose variant (530 pages, mostly MSPL): a paragraph `This information applies to Microsoft … .` (or
 *  `The information in this article applies to …` without the dashes). The text after "applies to" becomes
 *  the one applies-to item. */
function recogniseProseAppliesTo(
  lines: Line[], from: number, to: number, raw: KbRawFields, masked: Uint8Array, file: VFile,
): void {
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.lead !== 0 || line.text.charCodeAt(0) !== 84 /* T */) continue;
    const phrase = APPLIES_TO_PROSE.find((candidate) => line.text.startsWith(candidate));
    if (!phrase || (i > from && !lines[i - 1]!.blank)) continue;
    let end = i;
    while (end + 1 < to && !lines[end + 1]!.blank) end++;
    const parts: string[] = [];
    for (let k = i; k <= end; k++) {
      parts.push(lines[k]!.text.trim());
      masked[k] = 1;
    }
    const text = parts.join(' ').slice(phrase.length).replace(/^\s*:?\s*/, '').replace(/\.$/, '');
    if (text) raw.appliesTo.push(text);
    countRule(file, 'frame.applies-to.prose');
    return;
  }
}

/** `Additional query words:` may wrap onto following lines (38 pages) and may repeat (11): all values joined. */
function recogniseQueryWords(
  lines: Line[], from: number, to: number, raw: KbRawFields, masked: Uint8Array, file: VFile,
): void {
  const values: string[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.lead !== 0 || masked[i]) continue;
    const first = line.text.charCodeAt(0);
    if (first !== 65 && first !== 75) continue; // 'A' or 'K': skip the other 99.9% of lines cheaply
    const label = QUERY_WORD_LABELS.find((candidate) => line.text.startsWith(candidate));
    if (!label) continue;
    masked[i] = 1;
    const parts = [line.text.slice(label.length).trim()];
    while (i + 1 < to && !lines[i + 1]!.blank && !isEqualsRule(lines[i + 1])) {
      i++;
      masked[i] = 1;
      parts.push(lines[i]!.text.trim());
      countRule(file, 'frame.query-words.continuation');
    }
    values.push(parts.filter(Boolean).join(' '));
    countRule(file, 'frame.query-words');
  }
  if (values.length > 0) raw.queryWords = values.filter(Boolean).join(' ');
}
