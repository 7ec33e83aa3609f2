/**
 * Error codes and error messages an article describes (FORMAT §7).
 *
 * Each family is one pattern with the guard its corpus traps need:
 * - `0x8…` HRESULTs and `0xC…` NTSTATUS share the `0x` space with masks (`0x80000000` 29×, `HKEY_CURRENT_USER
 *   0x80000001`), kernel addresses in STOP parameters (`0x8013A4F2`) and C constants (1,941 pages have other `0x`
 *   values): a value counts when an error word precedes it, or when its facility is a real one and the line is not
 *   code or a STOP parameter list.
 * - STOP codes come as `STOP 0xA`, `Stop: 0x0000001E`, `STOP: C0000218`, `Stop 1E`; "stop a running project" and
 *   `stop 4102` (WINS query words) are not: without `0x`, only 8 hex digits or 1–3 hex digits holding a digit count.
 * - Tool codes (`C2065`, `LNK2001`): single-letter prefixes collide with models and constants (`Zoom F9624`,
 *   `&H1000`, `ECS M1700`), so each prefix takes only its real series and, bare, needs an error word on the line.
 */
import type { ErrorCodeRef } from '../types.ts';
import { textLines, type TextField, type TextLine } from './text-parts.ts';
import type { SymptomInput } from './types.ts';

export interface ErrorCodeHit extends ErrorCodeRef {
  field: TextField;
  context: string;
}

const hex8 = (value: number) => value.toString(16).toUpperCase().padStart(8, '0');

/** An error word shortly before a value: `error 0x…`, `Error Code: 0x…`, `returned 0x…`, `hr = 0x…`, `failed with`. */
const ERROR_BEFORE = /(?:\berr(?:or)?s?\b|\bcode\b|\bstatus\b|\bhr(?:esult)?\b|\bresult\b|\breturn(?:s|ed)?\b|\bfail(?:s|ed|ure)?\b(?:\s+with)?|\bexception\b|\bmessage\b)[^.;]{0,30}$/i;
/** C and BASIC source lines: operators, `#define`, assignments, a trailing `;` — constants, not symptoms. */
const CODE_LINE = /#\s*define\b|[&|^]\s*0x|0x[0-9a-f]+\s*[&|^]|[=!]=|\bconst\b|;\s*(?:\/\/.*)?$|\bif\s*\(|\breturn\s+0x/i;

/** `0x` + exactly 8 hex digits, as a token. */
const HEX8 = /(?<![\w])0x([0-9a-f]{8})(?![\w])/gi;
/** 8 hex digits without `0x` after an error word (`error C0000005`, `Status 80004005`; 575 in 468 pages). */
const BARE_HEX8 = /\b(?:err(?:or)?|code|status|hr|returned|exception)\s*(?:code|number|value)?\s*[:=#]?\s*(?:of\s+)?\(?([89ac][0-9a-f]{7})\b/gi;
/** The signed decimal form of an HRESULT / NTSTATUS (`Run-time error '-2147467259'` = 0x80004005). */
const SIGNED = /(?<![\w.])-(\d{10})(?![\w.])/g;

/**
 * STOP / bug-check codes. Group 1: `0x` form (any 1–8 hex); group 2: bare 8 hex digits (`STOP: C0000218`);
 * group 3: bare 1–3 hex digits (`Stop 1E`, `STOP 21A`) — checked for a digit below.
 */
const STOP = /\b(?:stop|bug\s?check)\b(?:\s*(?:error|code|message|screen))?\s*[:#(]?\s*(?:0x([0-9a-f]{1,8})|([0-9a-f]{8})|([0-9a-f]{1,3}))(?![\w])/gi;

/** `error 2140`, `System error 1326`, `Error #53`, `error number 5`; not `Run-time error 13` (that is `runtime`), not `Event Error 2000` (an event, FORMAT §6 E8), not `HTTP Error 500-12` (an HTTP status). */
const WIN32 = /(?<!\brun-?\s?time[\s-]{1,3}|\bevent\s{1,3}|\bHTTP\s{1,3})\berror\s+(?:code\s+|number\s+|#\s*)?(\d{1,5})(?![\w]|[.,]\d)/gi;
/** `NET HELPMSG 2140`: the NET command's lookup of the same numbers. */
const HELPMSG = /\bnet\s+helpmsg\s+(\d{1,5})\b/gi;
/** `Run-time error '429'`, `Runtime error 13`, `Runtime-error 40002`, `run-time error '-2147467259 (80004005)'`. */
const RUNTIME = /\brun-?\s?time[\s-]+error\s*[:#]?\s*['"]?(-?\d{1,10})(?![\w])/gi;
/** LAN Manager / OS/2 message ids: `SYS1943`, `NET3055`, `NMI0210` (146 in 86 pages). */
const NET_MSG = /\b(SYS|NET|NMI)(?!0000)(\d{4})\b/g; // `[SYS0000]` is a placeholder

/**
 * Tool codes, by prefix: the series each tool really uses. Multi-letter prefixes are distinctive; single letters
 * (`C`, `L`, `A`, `F`, `D`, `U`, `R`, `M`) also need an error word on the line, a `:` right after, or the title /
 * query words (where a bare code is the article's subject: `C1001:` heads 37 MSPL titles).
 */
const TOOL = /\b(LNK[1-4]\d{3}|CVT1\d{3}|CXX\d{4}|CK[14]\d{3}|RC[124]\d{3}|RW[124]\d{3}|BK[14]\d{3}|MIDL[1-9]\d{3}|PRF\d{4}|C[1-4]\d{3}|L[1-6]\d{3}|A[1-6]\d{3}|F[1-4]\d{3}|D[249]\d{3}|U[124]\d{3}|R6\d{3}|M6\d{3})(?![\w])/g;
const TOOL_MULTI = /^(?:LNK|CVT|CXX|CK|RC|RW|BK|MIDL|PRF)/;
const TOOL_CONTEXT = /\berr(?:or|msg)?s?\b|\bwarning|\bfatal|\bcompil|\blink(?:er|ing)?\b|\bassembl|\bmasm\b|\bnmake\b|\bfortran/i;

/** Pre-checks (non-global, so `test` keeps no state). */
const HEX8_ANY = /[0-9a-f]{8}/i;
const NET_ANY = /(?:SYS|NET|NMI)\d/;
const TOOL_ANY = /[A-Z]\d{4}/;

/** `Err Msg:` / `ErrMsg:` text (2,694 occurrences), up to the end of the line. */
const ERR_MSG = /\bErr\s?Msg\s*:\s*(.+)$/i;
/** "…the following error message:" / "…to generate the error message:" / "…following error:" / "…following
 *  message appears:" at the end of a line (FORMAT §5: 8,587 pages have one followed by an indented line). */
const FOLLOWING_MESSAGE = /(?:\berror\s+messages?\b|\bfollowing\s+(?:error\s+)?(?:messages?|errors?)\b)[^:]{0,40}:\s*$/i;
/** An indented run that is an event-log record, not a message (`Event ID:2011` / `Source:…` after "…messages:"). */
const EVENT_RECORD = /^\s*(?:Event\s*(?:ID|Type|Source|Category)|Source|Date|Type)\s*:/i;
/** Messages longer than this are cut: a message is a line, not a paragraph. */
const MAX_MESSAGE = 200;

function hresultOrStatus(value: number, hasErrorWord: boolean): ErrorCodeRef | null {
  const facility = (value >>> 16) & 0x0fff;
  const code = `0x${hex8(value).toLowerCase()}`;
  const display = `0x${hex8(value)}`;
  if (value >= 0x80000000 && value <= 0x8fffffff) {
    // 0x80000000–0x800000FF are masks and HKEY_* constants; a zero low word is a facility mask (`0x80360000`);
    // facilities above 0xF without an error word are mostly kernel addresses (`0x8013A4F2`).
    if (value < 0x80000100 && !hasErrorWord) return null;
    if ((value & 0xffff) === 0 || value === 0x8fffffff) return null;
    if (facility > 0x0f && !hasErrorWord) return null;
    return { kind: 'hresult', code, display };
  }
  if (value >= 0xc0000000 && value <= 0xcfffffff) {
    // Real NTSTATUS facilities are small (0xC000…–0xC01F…); others are addresses and masks.
    if (facility > 0x1f || (value & 0xffff) === 0) return null;
    return { kind: 'ntstatus', code, display };
  }
  if (!hasErrorWord || value === 0) return null;
  return { kind: 'hex', code, display };
}

function stopRef(value: number): ErrorCodeRef {
  return { kind: 'stop', code: `stop-0x${hex8(value).toLowerCase()}`, display: `STOP 0x${hex8(value)}` };
}

interface Spans {
  covers(at: number): boolean;
}

/** `[start, end)` spans, possibly overlapping, for "is this offset inside one of them" in O(log n). */
function sortSpans(list: Array<[number, number]>): Spans {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  // maxEnd[i]: the furthest end among the first i + 1 spans, so overlapping spans need no merging.
  const maxEnd: number[] = [];
  for (const [i, [, end]] of sorted.entries()) maxEnd.push(Math.max(end, maxEnd[i - 1] ?? -Infinity));
  return {
    covers(at) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]![0] <= at) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && maxEnd[lo - 1]! > at;
    },
  };
}

/** All codes of one line, with the line for context. */
function lineCodes(entry: TextLine): ErrorCodeRef[] {
  const text = entry.text;
  const out: ErrorCodeRef[] = [];
  // Cheap pre-checks per family keep the whole corpus (5 M lines) to a couple of seconds.
  const hasHex = text.includes('0x') || text.includes('0X');
  const isCode = hasHex && CODE_LINE.test(text);
  const lower = text.toLowerCase();
  // Spans already claimed by a more specific pattern (STOP codes, run-time errors), so `0x…` is not read twice.
  const claimed: Array<[number, number]> = [];
  let spans: Spans | null = null;
  // Looked up by binary search, not a scan per match: a damaged line with thousands of STOP codes and hex values
  // made the scan quadratic (issue #6). The spans are complete before the first lookup.
  const isClaimed = (at: number) => (spans ??= sortSpans(claimed)).covers(at);

  let stopAt = -1;
  if (lower.includes('stop') || lower.includes('check')) for (const m of text.matchAll(STOP)) {
    const raw = m[1] ?? m[2] ?? m[3]!;
    if (m[3] !== undefined && !/\d/.test(raw)) continue; // `stop a` is a verb
    const value = parseInt(raw, 16);
    if (value === 0) continue;
    out.push(stopRef(value));
    claimed.push([m.index, m.index + m[0].length]);
    if (stopAt < 0) stopAt = m.index;
  }

  if (lower.includes('time')) for (const m of text.matchAll(RUNTIME)) {
    claimed.push([m.index, m.index + m[0].length]);
    const n = Number(m[1]);
    if (n < 0) continue; // the signed HRESULT form, taken by SIGNED below
    out.push({ kind: 'runtime', code: `runtime-${n}`, display: `Run-time error '${n}'` });
  }

  if (hasHex) for (const m of text.matchAll(HEX8)) {
    if (isClaimed(m.index)) continue;
    const hasErrorWord = ERROR_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
    // Code lines hold constants. Values after a STOP code are its parameters: addresses and flags, except the
    // NTSTATUS exception code of `STOP 0x1E (0xC0000005, …)`.
    if (isCode && !hasErrorWord) continue;
    const afterStop = stopAt >= 0 && m.index > stopAt;
    const ref = hresultOrStatus(parseInt(m[1]!, 16), hasErrorWord && !afterStop);
    if (ref && (!afterStop || ref.kind === 'ntstatus')) out.push(ref);
  }
  if (HEX8_ANY.test(text)) for (const m of text.matchAll(BARE_HEX8)) {
    if (isClaimed(m.index + m[0].length - 1)) continue;
    const ref = hresultOrStatus(parseInt(m[1]!, 16), true);
    if (ref && ref.kind !== 'hex') out.push(ref);
  }
  if (text.includes('-')) for (const m of text.matchAll(SIGNED)) {
    const n = Number(m[1]);
    const value = 2 ** 32 - n;
    if (n > 2 ** 31 || value < 0x80000000) continue;
    const ref = hresultOrStatus(value, true);
    if (ref && ref.kind !== 'hex') out.push(ref);
  }

  if (lower.includes('error') || lower.includes('helpmsg')) for (const re of [WIN32, HELPMSG]) {
    for (const m of text.matchAll(re)) {
      const n = Number(m[1]);
      if (n === 0) continue; // `error 0` is success / "no error", not a symptom
      out.push({ kind: 'win32', code: `error-${n}`, display: `error ${n}` });
    }
  }

  if (NET_ANY.test(text)) for (const m of text.matchAll(NET_MSG)) {
    out.push({ kind: 'net', code: `${m[1]}${m[2]}`.toLowerCase(), display: `${m[1]}${m[2]}` });
  }

  let toolContext: boolean | undefined;
  if (TOOL_ANY.test(text)) for (const m of text.matchAll(TOOL)) {
    const token = m[1]!;
    if (!TOOL_MULTI.test(token) && entry.field === 'body') {
      const colonAfter = /^\s?:/.test(text.slice(m.index + token.length));
      toolContext ??= TOOL_CONTEXT.test(text);
      if (!colonAfter && !toolContext) continue;
    }
    out.push({ kind: 'tool', code: token.toLowerCase(), display: token });
  }
  return out;
}

function clip(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim().replace(/^["']+|["']+$/g, '').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1).trimEnd()}…` : flat;
}

/** Error messages: `Err Msg:` texts (title, and body lines that are not citations of other articles) and the
 *  indented lines after "…the following error message:". */
function findMessages(input: SymptomInput): string[] {
  const out: string[] = [];
  const titleMsg = ERR_MSG.exec(input.title ?? '');
  if (titleMsg) out.push(clip(titleMsg[1]!));
  const lines = (input.bodyText ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const errMsg = ERR_MSG.exec(line);
    // `  Q184132 Err Msg: …` lines are titles of other articles (R1 references), not this article's message.
    if (errMsg && !/\bQ\d{5,6}\b/.test(line)) out.push(clip(errMsg[1]!));
    if (!FOLLOWING_MESSAGE.test(line)) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    const indent = /^\s*/.exec(line)![0].length;
    const run: string[] = [];
    // The message is the indented run right after (FORMAT §5: 8,587 pages); plain text after is not taken.
    while (j < lines.length && lines[j]!.trim() !== '' && /^\s*/.exec(lines[j]!)![0].length > indent) {
      run.push(lines[j]!.trim());
      j++;
    }
    if (run.length > 0 && !EVENT_RECORD.test(run[0]!)) out.push(clip(run.join(' ')));
  }
  return out.filter((m) => m !== '');
}

/** Every code with its context line, in text order. `extractErrorCodes` is the deduplicated view of this. */
export function findErrorCodes(input: SymptomInput): ErrorCodeHit[] {
  const hits: ErrorCodeHit[] = [];
  for (const entry of textLines(input)) {
    // Cheap pre-check: every pattern needs a digit.
    if (entry.isReference || !/\d/.test(entry.text)) continue;
    const refs = lineCodes(entry);
    // Trimmed once per line, not once per code: a damaged line of megabytes can hold thousands (issue #6).
    const context = refs.length > 0 ? entry.text.trim() : '';
    for (const ref of refs) hits.push({ ...ref, field: entry.field, context });
  }
  return hits;
}

/** Error codes (deduplicated by key, sorted by key) and error messages (deduplicated, in text order). Never throws. */
export function extractErrorCodes(input: SymptomInput): { codes: ErrorCodeRef[]; messages: string[] } {
  try {
    const codes = new Map<string, ErrorCodeRef>();
    for (const { kind, code, display } of findErrorCodes(input)) if (!codes.has(code)) codes.set(code, { kind, code, display });
    const seen = new Set<string>();
    const messages = findMessages(input).filter((m) => {
      const key = m.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { codes: [...codes.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)), messages };
  } catch {
    return { codes: [], messages: [] };
  }
}
