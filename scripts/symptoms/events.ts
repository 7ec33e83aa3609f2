/**
 * Event-log entries named by number (FORMAT §6, patterns E1–E9), with their source when the text names one.
 *
 * Corpus measure: ~2,100 of 59,132 articles name an event ID; ~1,270 distinct IDs, ~235 sources. The traps that
 * shape the patterns: programming events (`Click event`, `event procedure`: 935 pages) never carry a number right
 * after "event", so every pattern demands one; glued names (`EVENT1.BAS`, `Event32.dll`) need a space before the
 * number; `event 10.67`, `setting event 000001A4`, `events 214992` are rejected by the guards after the number
 * (no letter, no decimal part, at most 65,535); `error NNNN` is never read as an event.
 *
 * Recall (issue #21) is measured by `event-candidates.ts` (`measure.ts` prints it): a broad net of ~6,200 candidate
 * mentions, each either extracted by one of the rules below or excluded by a named rule; none left unclassified.
 *
 * Events named in a cited article's title — fix lists (`  Q175964: XCON: MTA Stops Processing Messages and
 * Generates Event ID 210`), "see also" lists, R3 `ARTICLE-ID:` / `TITLE :` pairs — are kept with `via` set to the
 * cited article (~560 entries in ~180 articles): they say "this article points to one about event N", not "this
 * article describes event N".
 */
import type { EventRef } from '../types.ts';
import { findEventEntries } from './event-entries.ts';
export { MAX_EVENT_ID } from './event-sources.ts';
import { canonicalEventSource, cleanSource, eventSourceKey, isProseEventSource, MAX_EVENT_ID, PROSE_SOURCE_PATTERN } from './event-sources.ts';
import { textLines, type TextField, type TextLine } from './text-parts.ts';
import type { SymptomInput } from './types.ts';

/**
 * How an event was found; kept on hits so `measure.ts` can count each rule.
 * - `event-id`: `Event ID: 1000`, `Event ID ( 8007 ) in Source ( NwRdr )`, `Event ID's 1004, 1008`, `Event ID - 2079`;
 * - `event-label`: `Event: 182`, `events: 23, 227, 226`;
 * - `event-prose`: `logs event 684 and 685`, `Event #43`, `Event Error 45`, `event 7000s`;
 * - `id-label`: `ID: 4087, Source: MSExchangeIMC, Type: Error,` — a bare `ID` label, kept only beside a `Source` label;
 * - `number-first`: `the 9405 event`, `Terminates with 2191, 2198, 2197, and 9405 Events`, `the 9037 Event ID`.
 */
export type EventRule = 'event-id' | 'event-label' | 'event-prose' | 'id-label' | 'number-first';

/** One event found, with where it was found (for measuring precision by hand). */
export interface EventHit extends EventRef {
  rule: EventRule;
  /** How the source was found: a `Source:` line of the block, the same line, a known name before "event", or none. */
  sourceFrom: 'block' | 'line' | 'before' | 'none';
  field: TextField;
  line: number;
  /** Offset of the number in the line (so `measure.ts` can tell which mention of the line a hit is). */
  column: number;
  context: string;
}


/**
 * A number that ends cleanly: not glued to letters (`000001A4`), not a decimal (`10.67`), not `10,000`, not the
 * start of a date (`10/25/93`). A plural
 * `s` is allowed (`many Event ID 2024s`, `event 7000s`: 15 mentions).
 */
const NUM = String.raw`(\d{1,6})(?:s(?!\w))?(?![\w]|\.\d|,\d{3}\b|\/\d+\/)`;
/**
 * After `Event ID` only: also a number glued to the next capitalised word, where a column layout lost its spaces
 * (`Event ID: 5512Log: System`, `Event ID: 7023Service Control Manager`, `Event ID 9215A sockets error`: 4 lines).
 * Hex stays out: `000001A4` has a digit after its letter.
 */
const NUM_GLUED = String.raw`(\d{1,6})(?:s(?!\w))?(?:(?=[A-Z][a-z]|[A-Z]\s)|(?![\w]|\.\d|,\d{3}\b|\/\d+\/))`;

/**
 * E1/E2/E9: `Event ID: 1000`, `Event ID=1000`, `EventID:`, `EVENT ID :`, `Event Id 1000`, `Event  ID: 1955`,
 * `Event-ID: 2026`, `Event IDs 2635 and 2748`, `event IDs, 2635 and 2748`, `Event ID's 1047 and 1038`, `Event ID [46]`,
 * `Event ID ( 8007 )`, `Event ID "8504"`, `Event ID#: 7005`, `Event ID - 2079`, `Event ID-1305`, `Event ID number 5`,
 * `Event ID #1000`, `the Event ID will be 3089`, `event IDs are 5000, 1120` (≈3,950 mentions in ≈1,800 pages).
 * `Event ID. -1032` (a sentence ends: a negative error code follows) and `Event ID LMU-6086` stay out.
 */
const EVENT_ID = new RegExp(
  String.raw`\bEvent[\s_-]*ID(?:'?s)?\b(?:\s+(?:numbers?|no\.?))?\s*(?:#\s*:?|[:=#,-]|\b(?:is|are|was|of|will(?:\s+still)?\s+be)\b)?\s*[[("'\u201c]?\s*${NUM_GLUED}`,
  'gid',
);
/** E3: `Event: 182` as a label, `Date: <date> Event: 1053`, `prodnt Event:9011`, and `the following events: 23, 227`
 *  (`event:` with a number is never prose: 130 mentions, all labels or lists). */
const EVENT_LABEL = new RegExp(String.raw`(?<![\w-])Events?\s*:\s*${NUM}`, 'gid');
/**
 * E4–E8: `event 684` in prose and titles, `events 684, 685, and 686`, `Event 1000 - Source: X`, `Event #N`,
 * `event number N`, `Event Error N`, `the first event (2011)`, `events (1136 and 1137)`. FORMAT §6: every body line with bare `event(s) N` is in an SNA, Exchange, NT,
 * SMS, IIS, WfW or MSDN article — the number right after "event" is what makes it reliable. A wide gap is a
 * column layout: kept when the number ends the line (`Event     2563` / `Source    MSExchangeMSMI`), not in the
 * middle of a table row (`EVENT              1      DB   Posting event`, a MASM structure).
 */
const EVENT_PROSE = new RegExp(String.raw`\bevents?(?:\s{1,2}|\s{3,}(?=\d+\s*$))(?:numbers?\s+|no\.\s*|error\s+)?(?:#\s?|\(\s*(?=\d{2}))?${NUM}`, 'gid');
/**
 * A bare `ID` label: `ID: 4087, Source: MSExchangeIMC, Type: Error,` (Q200092), `ID : 8009` / `Source : NTBackup`,
 * `ID 4014` / `source- macprint`. Only at the start of a line or of a column (not `Message ID: 1-4E2E`,
 * `Thread ID: 317`, `STATMSG: ID=679`, `(Internal ID 10c009b)`), and kept only when the line or its block has a
 * `Source` label, or when the line before ends with "Event" (`… Event Category:General Event` / `ID:1005
 * Description: …`, the label wrapped: 4 articles) — `findEvents`: ~30 mentions in the corpus, all Event Viewer
 * entries.
 */
const ID_LABEL = new RegExp(String.raw`(?:^\s*(?:[-*]\s+)?|(?<=\s)\s|\t)ID\s*(?:[:=]|-(?=\s)|\((?=\s*\d+\s*\)))?\s*${NUM}`, 'gid');
/**
 * The number first: `the 9405 event`, `several 2206 events`, `MTA Terminates with 2191, 2198, 2197, and 9405 Events`,
 * `the 9037 Event ID`, `5714/5716 event pair` (≈190 mentions in ≈110 pages, nearly all Exchange MTA and SNA).
 * Two digits at least (`3 events are defined`, `Reported 0 events` are counts); not after a decimal point, a
 * slash or a thousands comma (`Windows NT 4.0 Event Log`, `10/25/93  Event ID`, `111,466 EVENTS.SCT`), not a file
 * name (`EVENTS.SCX`), and not after a product or a count word (`NUMBER_FIRST_BEFORE`, `NUMBER_FIRST_AFTER`).
 */
const NUMBER_FIRST = /(?<![\w.,/:%$#&-])\d{2,5}s?(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*\/\s*)\d{2,5}s?)*\s+events?(?:\s*ID(?:'?s)?)?\b(?!\.\w)/gi;
/** Words after which a number is a version or a setting, not an event: `Windows 2000 Event Viewer`, `App Center 2000
 *  8022 Event Log` (2000 only), `severity 16 event`, `INT 8 events`, `Qualifier 0005 event`, `X.400 events`. */
export const NUMBER_FIRST_BEFORE = /\b(?:Windows|Win|NT|SMS|VB|Basic|Office|Center|SQL|Server|Version|Pack|SP|Access|Word|Excel|FoxPro|Studio|INT|severity|qualifier|level|X\.)\s*$/i;
/** Words around a number that count events: `at least 120 events per second`, `more than 20 events`, `Reported 0
 *  events`, `4 event config folders`. */
export const NUMBER_FIRST_COUNT_BEFORE = /\b(?:least|than|up\s+to|reported|currently)\s*$/i;
export const NUMBER_FIRST_AFTER = /^\s*(?:per|a\s+(?:second|minute|day|hour)|config|at\s+a\s+time)\b/i;

/** More numbers of a list after the first: `, 685, and 686`, ` and 2748`, ` or 2505`, `2446/2447` (6 titles and
 *  lines, `Event ID 2019/2020`). Sticky, applied repeatedly. */
const LIST_MORE = new RegExp(String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*\/\s*)${NUM}`, 'yd');
/** A range after the first number (`Event IDs 2000 Through 9999`, `1-1657`): the span is not a list of events. */
export const RANGE_NEXT = /^\s*(?:-|–|through|thru|to)\s*\d/i;
const RANGE_SPAN = /^\s*(?:-|–|through|thru|to)\s*\d+\b/i;

/** A known source right before the match: `MSExchangeMTA Event ID 248`, `NETLOGON event 5719`, `SNA Server event`. */
const SOURCE_BEFORE = new RegExp(String.raw`(?:^|[^\w])(${PROSE_SOURCE_PATTERN})\s*(?:[-:]\s*)?$`, 'i');
/** A `Source:` label: NT4 `Source: X`, Windows 2000 `Event Source: X`, `Source     : DNS`, `source- macprint`, or a
 *  column of the Event Viewer detail layout (`Time: 10:02:04 AM      Source: aic78xx`), or `Event Source:` anywhere
 *  (`Error Event Source: MSExchangeIS`, a wrapped Windows 2000 block). */
const SOURCE_LINE = /(?:^\s*(?:[-*]\s+)?|(?<=\s)\s|\t)(?:Event\s+)?Source\s*(?::|-(?=\s))\s*(.*)$|\bEvent\s+Source\s*:\s*(.*)$|^\s*Source\s+([A-Za-z]\w*)\s*$/i;
/** What every `SOURCE_LINE` holds: tried first, as most lines hold no label and the label's alternatives are slow to
 *  rule out at every position of a line. */
const MAY_NAME_SOURCE = /source/i;
/** A `Source:` label later on the same line as the ID (E9 one-liners: `Event ID: 2011  Source: Srv`, `ID: 4087,
 *  Source: MSExchangeIMC`, `Event ID - 2219, Details, Source: MSExchangeMTA`). */
const SOURCE_INLINE = /\bSource\s*:\s*(.*)$/i;
/** `Event ID [46] in Source [AppleTalk]`, `Event ID ( 8007 ) in Source ( NwRdr )`, `Event ID "8504" in source
 *  "NwSapAgent"` (the Windows "description … could not be found" wording: ~40 mentions). */
const SOURCE_BRACKET = /^\s*[\])"'\u201d]?\s*in\s+Source\s*[[("'\u201c]\s*([^\])"'\u201d]+?)\s*[\])"'\u201d]/i;
/** `… event 1000 from source MsiInstaller`, `with a source of Userenv`, `, Source FPNWSrv:`, `in the system log,
 *  source=w3svc` — same sentence, after. */
const SOURCE_WORD_AFTER = /^[^.;]{0,40}?(?:\b(?:from|with|and)\s+(?:the\s+|a\s+)?source\s*(?:of\s+|is\s+|:\s*|=\s*)?|,\s*source\s*[:=]?\s*)["']?([A-Za-z][\w.-]*)/i;
/** A known source right after the number: `Event ID 7002, Service Control Manager`, `Event 238: SNA Server`,
 *  `event ID 10010 from DCOM`, `Event ID 1170 MSExchangeDS MAPI Interface`. */
const KNOWN_AFTER = new RegExp(String.raw`^\s*[,:(-]?\s*(?:from\s+(?:the\s+)?)?(${PROSE_SOURCE_PATTERN})\b`, 'i');
/** `Event ID 7000 with Service Control Manager as the source`. */
const KNOWN_AS_SOURCE = new RegExp(String.raw`^[^.;]{0,20}?\bwith\s+(?:the\s+|an?\s+)?(${PROSE_SOURCE_PATTERN})\s+(?:as\s+(?:the|its)\s+)?source\b`, 'i');

/** Sources named after the match on the same line: `Source: X` one-liners, `in Source [X]`, `from source X`. */
function sourceAfter(rest: string): { source: string; from: 'line' } | null {
  const bracket = SOURCE_BRACKET.exec(rest);
  if (bracket) {
    const s = cleanSource(bracket[1]!);
    if (s) return { source: s, from: 'line' };
  }
  const inline = SOURCE_INLINE.exec(rest);
  // Only when no other event number sits between us and the label (`Event 1: … Event 2: Source: X`).
  if (inline && !/\bevent\b/i.test(rest.slice(0, inline.index))) {
    const s = cleanSource(inline[1]!);
    if (s) return { source: s, from: 'line' };
  }
  for (const re of [KNOWN_AFTER, KNOWN_AS_SOURCE]) {
    const known = re.exec(rest);
    if (known) return { source: canonicalEventSource(known[1]!.replace(/\s+/g, ' ')), from: 'line' };
  }
  const word = SOURCE_WORD_AFTER.exec(rest);
  if (word) {
    const s = cleanSource(word[1]!);
    // A single word after "source" is a name when we know it or when it is written like one (`FPNWSrv`, `SRV`):
    // "from source code" / "source of the problem" stay unsourced.
    if (s && (isProseEventSource(s) || /[A-Z]/.test(s.slice(1)) || /^[A-Z0-9]{3,}$/.test(s))) return { source: s, from: 'line' };
  }
  return null;
}

/** A source line found in a block, with its position. */
interface BlockSource {
  line: number;
  source: string | null;
}

/** A `Source` label anywhere on a line (`ID 1601 Source: DNS …`, `SOURCE=`, `source- macprint`). */
const SOURCE_LABEL = /\bsource\s*(?::|=|-(?=\s))/i;

/** How far before and after a match the source patterns look. */
const WINDOW = 2000;

/** Index of the first item for which `past` holds, in a list where it holds for a suffix; `list.length` if none. */
function firstAfter<T>(list: readonly T[], past: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The ids of one match with the offset of each in the line. */
type Numbers = Array<[id: number, column: number]>;

/** For the `Event …`/`ID` rules: the first number (group 1 of a `d`-flagged match) and any list after it. */
function listAfter(text: string, m: RegExpExecArray): { ids: Numbers; end: number } | null {
  const [numStart, numEnd] = m.indices![1]!;
  let end = m.index + m[0].length;
  const ids: Numbers = [[Number(text.slice(numStart, numEnd)), numStart]];
  // A range (`Event IDs 2000 Through 9999`) names no event, but a list may go on after it (`Event 1-5, 601, 602`).
  const range = RANGE_SPAN.exec(text.slice(end, end + 40));
  if (range) {
    ids.pop();
    end += range[0].length;
  }
  LIST_MORE.lastIndex = end;
  for (let more = LIST_MORE.exec(text); more; more = LIST_MORE.exec(text)) {
    end = LIST_MORE.lastIndex;
    ids.push([Number(more[1]), more.indices![1]![0]]);
  }
  return ids.length > 0 ? { ids, end } : null;
}

/** For `number-first`: every number of `2191, 2198, 2197, and 9405 Events`, unless a guard says they are not events. */
function numbersBefore(text: string, m: RegExpExecArray): { ids: Numbers; end: number } | null {
  const before = text.slice(Math.max(0, m.index - 40), m.index);
  if (NUMBER_FIRST_BEFORE.test(before) || NUMBER_FIRST_COUNT_BEFORE.test(before)) return null;
  const end = m.index + m[0].length;
  if (NUMBER_FIRST_AFTER.test(text.slice(end, end + 40))) return null;
  // `Date:     10/25/93          Event ID:  2000`: a date, not a list (`5714/5716 event pair` has one slash).
  if (/\/\s*\d+\s*\//.test(m[0])) return null;
  const ids: Numbers = [];
  const eventWord = m[0].search(/events?\b/i);
  for (const n of m[0].slice(0, eventWord).matchAll(/\d+/g)) ids.push([Number(n[0]), m.index + n.index]);
  return { ids, end };
}

/** All event hits of one line, without block sources (those are paired afterwards). */
function lineHits(entry: TextLine): EventHit[] {
  const hits: EventHit[] = [];
  const seen = new Set<number>();
  const text = entry.text;
  const scan = (re: RegExp, rule: EventRule, numbers: (text: string, m: RegExpExecArray) => { ids: Numbers; end: number } | null) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const found = numbers(text, m);
      if (!found) continue;
      const ids = found.ids.filter(([, column]) => !seen.has(column));
      for (const [, column] of found.ids) seen.add(column);
      if (ids.length === 0) continue;
      // Only the text near the match: real lines are under 1,671 characters (FORMAT §10), so WINDOW changes nothing
      // there, and a damaged line of megabytes with thousands of matches is not rescanned whole for each (issue #6).
      const before = text.slice(Math.max(0, m.index - WINDOW), m.index);
      const named = SOURCE_BEFORE.exec(before);
      let source: string | null = null;
      let sourceFrom: EventHit['sourceFrom'] = 'none';
      if (named) {
        source = canonicalEventSource(named[1]!.replace(/\s+/g, ' '));
        sourceFrom = 'before';
      } else {
        const after = sourceAfter(text.slice(found.end, found.end + WINDOW));
        if (after) ({ source, from: sourceFrom } = after);
      }
      for (const [id, column] of ids) {
        if (id > MAX_EVENT_ID) continue;
        const hit: EventHit = { source, id, rule, sourceFrom, field: entry.field, line: entry.line, column, context: text.trim() };
        if (entry.cites !== null) hit.via = entry.cites;
        hits.push(hit);
      }
    }
  };
  scan(EVENT_ID, 'event-id', listAfter);
  scan(EVENT_LABEL, 'event-label', listAfter);
  scan(EVENT_PROSE, 'event-prose', listAfter);
  if (/event/i.test(text)) scan(NUMBER_FIRST, 'number-first', numbersBefore);
  if (/\bID\b/i.test(text)) scan(ID_LABEL, 'id-label', listAfter);
  return hits;
}

/**
 * Pairs each unsourced hit of a block with the block's `Source:` line. One source line: it applies to the whole
 * block. Several (records listed without blank lines): NT4 blocks put `Event ID:` first and `Source:` after,
 * Windows 2000 blocks the reverse, so take the nearest source line on the side the block starts with. Hits on
 * citation lines are left alone: they name the cited article's events.
 */
function pairBlock(hits: EventHit[], sources: BlockSource[]): void {
  if (sources.length === 0) return;
  // Hits and sources are both in line order; a loop, not `Math.min(...hits)` (which overflows the stack on a
  // block of 100,000 hits), and a binary search, not a scan per hit (quadratic on such a block: issue #6).
  let firstHitLine = Infinity;
  for (const h of hits) if (h.via === undefined) firstHitLine = Math.min(firstHitLine, h.line);
  const sourceFirst = sources[0]!.line <= firstHitLine;
  for (const hit of hits) {
    if (hit.sourceFrom !== 'none' || hit.via !== undefined) continue;
    let pick: BlockSource | undefined;
    if (sources.length === 1) pick = sources[0];
    else if (sourceFirst) pick = sources[firstAfter(sources, (s) => s.line > hit.line) - 1] ?? sources[0];
    else pick = sources[firstAfter(sources, (s) => s.line >= hit.line)] ?? sources[sources.length - 1];
    if (pick?.source) {
      hit.source = pick.source;
      hit.sourceFrom = 'block';
    }
  }
}

/** A line that ends an introduction (`… appears in the event log:`, `… the following events:`). */
const INTRODUCES_EVENTS = /:\s*$/;
/** A bare `ID` followed by other entry labels on its line: `ID 4282 Category X.400 Service`, `ID 11502 Source …`. */
const ID_WITH_LABELS = /^(?:[-*]\s+)?ID\s*[:-]?\s*\d+\s+(?:Category|Source|Type)\b/i;

/** A line that is only an id label (`Event ID: 7026`, `Event: 4087`): such a block may take its source from the next. */
const ID_ONLY_LINE = /^\s*(?:[-*]\s+)?(?:Event[\s_-]*ID|EventID|Event|ID)\s*[:=#]?\s*\d{1,5}\s*$/i;

/** `extractSymptoms` reads the hits twice (events, and the sources of the logged entries): find them once. */
const cache = new WeakMap<SymptomInput, { title: string; body: string; query: string | null; hits: readonly EventHit[] }>();

/** Every event mention with its context, in text order. `extractEvents` is the deduplicated view of this. The
 *  hits are shared between callers for the same input: read them, do not change them. */
export function findEvents(input: SymptomInput): readonly EventHit[] {
  const hit = cache.get(input);
  if (hit && hit.title === input.title && hit.body === input.bodyText && hit.query === input.queryWords) return hit.hits;
  const hits = scanEvents(input);
  cache.set(input, { title: input.title, body: input.bodyText, query: input.queryWords, hits });
  return hits;
}

function scanEvents(input: SymptomInput): EventHit[] {
  const all: EventHit[] = [];
  let blockKey = '';
  let blockHits: EventHit[] = [];
  let blockSources: BlockSource[] = [];
  let idOnlyBlock = true;
  // `Event ID: 7026` / (blank) / `Source: Service Control Manager` (Q157678, Q193603: the id alone in its block):
  // the hits of such a block wait for the next block, and take its source when that block opens with one.
  let waiting: EventHit[] = [];
  const flush = () => {
    if (blockHits.length > 0) pairBlock(blockHits, blockSources);
    // A bare `ID: N` is an event only in an Event Viewer context: `Event` / `ID 29` wrapped; a source on the line or
    // a source label in the block; other entry labels on the line (`ID 4282 Category X.400 Service`); or a block
    // introduced as events (`… the following event error appears in the event log:` / `ID 3096`). A line that
    // continues a sentence (`… File offset: 1442. Attribute` / `ID: 11. Referenced object …`) starts with the end of
    // another noun's `ID`; `ID = 1` is an assignment (MIF files, SMS `ID=3400:`) unless a source says otherwise.
    const kept = blockHits.filter((hit) => hit.rule !== 'id-label' || wrappedEvent.has(hit.line) ||
      (!wrappedWord.has(hit.line) && (hit.sourceFrom !== 'none' || blockSources.length > 0 || SOURCE_LABEL.test(hit.context) ||
        (!/^(?:[-*]\s+)?ID\s*=/i.test(hit.context) && (eventIntro || ID_WITH_LABELS.test(hit.context))))));
    if (idOnlyBlock && blockSources.length === 0 && kept.length > 0 && kept.every((h) => h.via === undefined && h.field === 'body')) waiting = kept;
    else all.push(...kept);
    // Blocks that open with an id (`- ID 7009 …` / `` / `- ID 7000: …`) keep the introduction for the next block.
    eventIntro = eventIntro && blockOpensWithId;
    introNext = lastText !== null && INTRODUCES_EVENTS.test(lastText) && /\b(?:event|log)s?\b/i.test(`${beforeLastText ?? ''} ${lastText}`);
    blockHits = [];
    blockSources = [];
    wrappedEvent.clear();
    wrappedWord.clear();
    idOnlyBlock = true;
  };
  // Lines whose previous line (same block) ends with "Event": a bare `ID` there is `Event ID` wrapped; and lines
  // whose previous line is prose ending with another word (`Attribute`, `Message`): a bare `ID` there is not an event.
  const wrappedEvent = new Set<number>();
  const wrappedWord = new Set<number>();
  let previous: TextLine | null = null;
  // The block follows a line that introduces events (`… the following events may be logged in the event log:`).
  let eventIntro = false;
  let introNext = false;
  let blockOpensWithId = false;
  let lastText: string | null = null;
  let beforeLastText: string | null = null;
  const lines = textLines(input);
  // Each citation's title, from its lines: the line that names the cited number, and the lines that continue it (a
  // title wrapped onto the next line, the `TITLE :` after an `ARTICLE-ID:`), at most three, made once per citation,
  // so that a file of thousands of citation lines stays linear.
  const runOf = new Map<TextLine, string[]>();
  let run: string[] | null = null;
  let runCites: string | null = null;
  for (const l of lines) {
    if (l.cites === null) {
      run = null;
      continue;
    }
    if (run === null || runCites !== l.cites || l.text.includes(l.cites.slice(1))) run = [];
    runCites = l.cites;
    if (run.length < 3) run.push(l.text);
    runOf.set(l, run);
  }
  const titles = new Map<string[], string>();
  const titleOf = (lines: string[]) => titles.get(lines) ?? titles.set(lines, citedTitle(lines.join(' '))).get(lines)!;
  for (const entry of lines) {
    const key = `${entry.field}:${entry.block}`;
    if (key !== blockKey) {
      flush();
      if (introNext) eventIntro = true;
      blockKey = key;
      previous = null;
      blockOpensWithId = /^\s*(?:[-*]\s+)?ID\b/.test(entry.text);
    }
    beforeLastText = lastText;
    lastText = entry.text;
    const label = entry.cites === null && MAY_NAME_SOURCE.test(entry.text) ? SOURCE_LINE.exec(entry.text) : null;
    const source = label ? cleanSource(label[1] ?? label[2] ?? label[3]!) : null;
    if (waiting.length > 0) {
      // The first line of the block after an id-only block: its source, if it opens with one.
      if (previous === null && source !== null && entry.field === 'body') {
        for (const hit of waiting) if (hit.source === null) Object.assign(hit, { source, sourceFrom: 'block' });
      }
      all.push(...waiting);
      waiting = [];
    }
    if (previous && /\bEvent\s*$/i.test(previous.text)) wrappedEvent.add(entry.line);
    else if (previous && /[A-Za-z]$/.test(previous.text) && !/^\s*(?:[-*]\s+)?[A-Za-z][\w ()/-]{0,24}:/.test(previous.text)) wrappedWord.add(entry.line);
    previous = entry;
    if (label) blockSources.push({ line: entry.line, source });
    if (!ID_ONLY_LINE.test(entry.text)) idOnlyBlock = false;
    // Cheap pre-check: most lines never mention an event or an ID.
    if (!/event|\bID\b/i.test(entry.text)) continue;
    const found = lineHits(entry);
    const citation = runOf.get(entry);
    if (citation) for (const h of found) h.viaTitle = titleOf(citation);
    blockHits.push(...found);
  }
  flush();
  all.push(...waiting);
  return all;
}

/**
 * The cited article's title as the citing line writes it (`Q175964: XCON: MTA Stops … Event ID 210` → `XCON: MTA
 * Stops … Event ID 210`): the reference's label and number taken off, at most 200 characters. For a cited article
 * the archive lacks, it is all the archive knows of it.
 */
export function citedTitle(line: string): string {
  const title = line
    .replace(/\s+TITLE\s*:\s*/i, ' ')
    .replace(/^\s*(?:[-*\u2022|]\s*)*(?:ARTICLE-ID\s*:\s*|TITLE\s*:\s*)?(?:(?:Q|KB)?\d{3,7}\b\s*(?:[|:\-\u2013]\s*)?)?/i, '')
    .replace(/\s*\|\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

/** `Q175964` → 175964, for ordering `via`. */
const viaNumber = (via: string | undefined): number => (via === undefined ? -1 : Number(via.replace(/^Q/i, '')));

/**
 * Event-log entries named by number: deduplicated by source key, id and citation, sorted by id, then source (null
 * first), then `via` (none first, then by number). When an id appears with a source and without one, only the
 * sourced entries are kept (the bare mention is the same event named again in prose) — within the article's own
 * mentions, and within each cited article's. An event named both by the article and in a cited title is two
 * entries: one without `via`, one with.
 */
export function extractEvents(input: SymptomInput): EventRef[] {
  try {
    const byKey = new Map<string, EventRef>();
    const sourced = new Set<string>();
    const self = (input.id ?? '').toUpperCase();
    for (const hit of findEvents(input)) {
      // A citation of the article itself (93 pages cite themselves) quotes its own title: its own event.
      const via = hit.via === undefined || hit.via === self ? '' : hit.via;
      const key = `${hit.id}\u0000${hit.source === null ? '' : eventSourceKey(hit.source)}\u0000${via}`;
      if (!byKey.has(key)) byKey.set(key, via === '' ? { source: hit.source, id: hit.id } : { source: hit.source, id: hit.id, via, viaTitle: hit.viaTitle ?? '' });
      if (hit.source !== null) sourced.add(`${hit.id}\u0000${via}`);
    }
    // The sources of the quoted Event Viewer entries (`event-messages.ts`), which read layouts the line patterns do
    // not pair: labels spread over blank lines (`Event ID:       1009` / `` / `Date: …`), `Category: X.400 Service
    // Source: MSExchangeMTA`. Every (id, source) of `eventMessages` is thereby also in `events`.
    for (const entry of findEventEntries(input)) {
      if (entry.source === null) continue;
      const key = `${entry.id}\u0000${eventSourceKey(entry.source)}\u0000`;
      if (!byKey.has(key)) byKey.set(key, { source: entry.source, id: entry.id });
      sourced.add(`${entry.id}\u0000`);
    }
    const events = [...byKey.values()].filter((e) => e.source !== null || !sourced.has(`${e.id}\u0000${e.via ?? ''}`));
    return events.sort(compareEvents);
  } catch {
    // Extractors never throw: bad content yields no events rather than a failed build.
    return [];
  }
}

/** By id, then source with null first, then case-blind source, then `via` (none first, then by article number). */
export function compareEvents(a: EventRef, b: EventRef): number {
  if (a.id !== b.id) return a.id - b.id;
  if (a.source !== b.source) {
    if (a.source === null) return -1;
    if (b.source === null) return 1;
    const ka = eventSourceKey(a.source);
    const kb = eventSourceKey(b.source);
    if (ka !== kb) return ka < kb ? -1 : 1;
  }
  return viaNumber(a.via) - viaNumber(b.via);
}
