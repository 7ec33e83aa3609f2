/**
 * Which runs of lines carry their meaning in their layout (and so become a verbatim `<pre>`), and which
 * are prose that may be re-flowed. Pure functions over `Line`s.
 */
import { gapCount, isColumnRule, type Line } from './lines.ts';

/** The layouts with their own rule id: `pre.<layout>`. Checked most specific first. */
export type Layout = 'box' | 'eventlog' | 'table' | 'registry' | 'command' | 'code' | 'fields';

/** Event-log block labels: NT4 `Event ID:`/`Source:`/`Type:`/`Category:`/`Description:` (1,564 pages) and
 *  Windows 2000 `Event Type:`/`Event Source:`/… with `Date/Time/User/Computer` (190); FORMAT.md §6. */
const EVENT_LABELS = [
  'Event ID', 'EventID', 'Event:', 'Source:', 'Type:', 'Category:', 'Description:', 'Event Type:', 'Event Source:',
  'Event Category:', 'Date:', 'Time:', 'User:', 'Computer:', 'Event Id', 'EVENT ID', 'Event id',
];

function startsWithEventLabel(body: string): boolean {
  for (const label of EVENT_LABELS) if (body.startsWith(label)) return true;
  return false;
}

/** Lines that only code has: comment openers, preprocessor lines, a lone brace. One is enough. */
function isStrongCode(body: string): boolean {
  return (
    body.startsWith('/*') || body.startsWith('*/') || body.startsWith('#include') || body.startsWith('#define') ||
    body.startsWith('//') || body === '{' || body === '}' || body === '};'
  );
}

/** BASIC statements written in capitals: MSPL has 1,915 `mspl13_basic` pages whose samples often sit at column 0. */
const BASIC_KEYWORDS = new Set([
  'CALL', 'CASE', 'CLOSE', 'CLS', 'COMMON', 'CONST', 'DATA', 'DECLARE', 'DEF', 'DEFINT', 'DIM', 'DO', 'ELSE', 'ELSEIF',
  'END', 'FOR', 'FUNCTION', 'GET', 'GOSUB', 'GOTO', 'IF', 'INPUT', 'LET', 'LINE', 'LOCATE', 'LOOP', 'NEXT', 'ON', 'OPEN',
  'PRINT', 'PUT', 'REDIM', 'REM', 'RETURN', 'SELECT', 'SHARED', 'STATIC', 'SUB', 'TYPE', 'WEND', 'WHILE',
]);

/** Line endings and forms typical of code (C, BASIC, MASM, FoxPro, batch: the sample-code runs of §5). */
function looksLikeCode(body: string): boolean {
  const last = body.charCodeAt(body.length - 1);
  // ; { } at the end of a line: C, Pascal, FoxPro; `_` is a BASIC line continuation.
  if (last === 59 || last === 123 || last === 125) return true;
  if (last === 95 && (body.endsWith(' _') || body.endsWith(',_'))) return true;
  if (body.includes(' = ') && !body.includes('. ')) return true;
  if (body.charCodeAt(0) === 39 /* ' */ && body.charCodeAt(1) === 32) return true; // a BASIC comment
  if (body.includes('$(') || body.includes('%(') || body.includes('$=') || body.includes('%=')) return true;
  // BASIC keywords are capitals: two capitals at the start, else no need to look the word up.
  const c0 = body.charCodeAt(0);
  const c1 = body.charCodeAt(1);
  if (c0 < 65 || c0 > 90 || c1 < 65 || c1 > 90) return false;
  const space = body.indexOf(' ');
  const word = space < 0 ? body : body.slice(0, space);
  return BASIC_KEYWORDS.has(word);
}

/** `LABEL: value` / `Label   : value` with a short label of letters, digits, spaces, `-`, `(`, `)`, `/`. */
function isFieldLine(body: string): boolean {
  const colon = body.indexOf(':');
  if (colon <= 0 || colon > 24 || body.charCodeAt(colon + 1) === 92 /* C:\ */) return false;
  for (let i = 0; i < colon; i++) {
    const c = body.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32 || c === 45 || c === 40 || c === 41 || c === 47;
    if (!ok) return false;
  }
  return true;
}

function isPrompt(body: string): boolean {
  const gt = body.indexOf('>');
  const space = body.indexOf(' ');
  return gt > 2 && (space < 0 || gt < space);
}

/** What one line shows about its layout: bits, computed once per line and cached on it (chunks are judged
 *  more than once, and the corpus has 5.14 M lines). */
const F_BOX = 1;
const F_EVENT = 2;
const F_TABLE = 4;
const F_GAP = 8;
const F_REGISTRY = 16;
const F_COMMAND = 32;
const F_FIELD = 64;
const F_STRONG_CODE = 128;
const F_CODE = 256;
const F_EVENT_AND_SOURCE = 512;

function featuresOf(line: Line): number {
  if (line.features !== undefined) return line.features;
  let f = 0;
  const body = line.lead === 0 ? line.text : line.text.slice(line.lead);
  const first = body.charCodeAt(0);
  if (first === 43 /* + */ && (body.startsWith('+-') || body.startsWith('+='))) f |= F_BOX;
  // Event labels start with C, D, E, S, T or U: test the list only then.
  if ((first === 67 || first === 68 || first === 69 || first === 83 || first === 84 || first === 85) && startsWithEventLabel(body)) {
    f |= F_EVENT;
  }
  if (body.includes('Source') && body.includes('Event')) f |= F_EVENT_AND_SOURCE;
  if (isColumnRule(line) || (first === 124 /* | */ && body.endsWith('|'))) f |= F_TABLE;
  const gaps = gapCount(line);
  if (gaps > 0) f |= F_GAP;
  // Three columns on one line (`WATCH       expression or       No`): a table row even alone.
  if (gaps === 2) f |= F_TABLE;
  if (body.includes('HKEY_')) f |= F_REGISTRY;
  // `C:\>` prompts (134 pages): a drive letter, `:\`, then a `>` before any space.
  if (body.charCodeAt(1) === 58 && body.charCodeAt(2) === 92 && isPrompt(body)) f |= F_COMMAND;
  if (isFieldLine(body)) f |= F_FIELD;
  if (isStrongCode(body)) f |= F_STRONG_CODE;
  else if (looksLikeCode(body)) f |= F_CODE;
  line.features = f;
  return f;
}

/**
 * The layout a run of lines (one block, already isolated) is written in, or null when nothing in it says so.
 * The whole run shares one layout: tables and boxes are judged by any of their lines.
 */
export function layoutOf(lines: readonly Line[]): Layout | null {
  let any = 0;
  let events = 0;
  let gaps = 0;
  let code = 0;
  let fields = 0;
  let nonBlank = 0;
  for (const line of lines) {
    if (line.blank) continue;
    nonBlank++;
    const f = featuresOf(line);
    any |= f;
    if (f & F_EVENT) events++;
    if (f & F_GAP) gaps++;
    if (f & F_CODE) code++;
    if (f & F_FIELD) fields++;
  }
  if (any & F_BOX) return 'box';
  if (events >= 2 || (events === 1 && any & F_EVENT_AND_SOURCE)) return 'eventlog';
  if (any & F_TABLE || gaps >= 2) return 'table';
  if (any & F_REGISTRY) return 'registry';
  if (any & F_COMMAND) return 'command';
  if (any & F_STRONG_CODE || (code > 0 && code * 2 >= nonBlank)) return 'code';
  // `ARTICLE-ID: Q…` / `TITLE     : …` and other label columns: every line a `Label: value`.
  if (fields >= 2 && fields === nonBlank) return 'fields';
  return null;
}

/**
 * An indented run that is quoted prose, not layout: at least two lines, wrapped near the right margin (the
 * first line is long), single-spaced words and no code. Shown as a re-flowed block quote.
 */
export function isProseQuote(lines: readonly Line[]): boolean {
  let count = 0;
  for (const line of lines) {
    if (line.blank) return false; // a run with blank lines inside is a listing, not one quoted paragraph
    count++;
  }
  if (count < 2) return false;
  const first = lines[0]!;
  if (first.text.length < 60) return false;
  const indent = first.indent;
  for (let i = 1; i < lines.length; i++) {
    if (Math.abs(lines[i]!.indent - indent) > 1) return false;
  }
  // Re-flowable prose has words on every line and ends a sentence somewhere.
  const lastText = lines[lines.length - 1]!.text;
  const end = lastText.charCodeAt(lastText.length - 1);
  return end === 46 /* . */ || end === 58 /* : */ || end === 41 /* ) */ || end === 34 /* " */ || end === 63 /* ? */;
}

/** Short lines kept as lines (addresses, menu paths, lists without markers): every line under 40 characters. */
export function isShortLines(lines: readonly Line[]): boolean {
  if (lines.length < 3) return false;
  for (const line of lines) if (line.text.length >= 40) return false;
  return true;
}
