/**
 * Event-log entries named by number (FORMAT §6, patterns E1–E9), with their source when the text names one.
 *
 * Corpus measure: ~2,100 of 59,132 articles name an event ID; ~1,250 distinct IDs, ~250 sources. The traps that
 * shape the patterns: programming events (`Click event`, `event procedure`: 935 pages) never carry a number right
 * after "event", so every pattern demands one; glued names (`EVENT1.BAS`, `Event32.dll`) need a space before the
 * number; `event 10.67`, `setting event 000001A4`, `events 214992` are rejected by the guards after the number
 * (no letter, no decimal part, at most 65,535); `error NNNN` is never read as an event.
 */
import type { EventRef } from '../types.ts';
import { canonicalEventSource, eventSourceKey, isProseEventSource, PROSE_SOURCE_PATTERN } from './event-sources.ts';
import { textLines, type TextField, type TextLine } from './text-parts.ts';
import type { SymptomInput } from './types.ts';

/** How an event was found; kept on hits so `measure.ts` can count each rule. */
export type EventRule = 'event-id' | 'event-label' | 'event-prose';

/** One event found, with where it was found (for measuring precision by hand). */
export interface EventHit extends EventRef {
  rule: EventRule;
  /** How the source was found: a `Source:` line of the block, the same line, a known name before "event", or none. */
  sourceFrom: 'block' | 'line' | 'before' | 'none';
  field: TextField;
  line: number;
  context: string;
}

/** Event IDs are 16-bit (the low word of the event code): anything above is not an ID (`events 214992`). */
const MAX_EVENT_ID = 65535;

/** A number that ends cleanly: not glued to letters (`000001A4`), not a decimal (`10.67`), not `10,000`. */
const NUM = String.raw`(\d{1,6})(?![\w]|\.\d|,\d{3}\b)`;

/**
 * E1/E2/E9: `Event ID: 1000`, `Event ID=1000`, `EventID:`, `EVENT ID :`, `Event Id 1000`, `Event IDs 2635 and 2748`,
 * `Event ID [46]`, `Event ID number 5`, `Event ID #1000` (3,899 occurrences in 1,760 pages).
 */
const EVENT_ID = new RegExp(String.raw`\bEvent\s?IDs?\b(?:\s+(?:numbers?|no\.?))?\s*(?:[:=#]\s*|is\s+|of\s+)?\[?\s*${NUM}`, 'gi');
/** E3: `Event: 182` as a label (line start or after a column gap; 126 occurrences in 79 pages, never in prose). */
// `(?<=\s)\s` is "the second of two or more spaces": `\s{2,}` said the same but retried the whole run of spaces from
// every position in it, quadratic on a line of a million spaces (issue #6).
const EVENT_LABEL = new RegExp(String.raw`(?:^|(?<=\s)\s|\t)Event\s*:\s*${NUM}`, 'gi');
/**
 * E4–E8: `event 684` in prose and titles, `events 684, 685, and 686`, `Event 1000 - Source: X`, `Event #N`,
 * `event number N`, `Event Error N`. FORMAT §6: every body line with bare `event(s) N` is in an SNA, Exchange, NT,
 * SMS, IIS, WfW or MSDN article — the number right after "event" is what makes it reliable.
 */
const EVENT_PROSE = new RegExp(String.raw`\bevents?\s+(?:numbers?\s+|no\.\s*|error\s+)?#?\s?${NUM}`, 'gi');

/** More numbers of a list after the first: `, 685, and 686`, ` and 2748`, ` or 2505`. Sticky, applied repeatedly. */
const LIST_MORE = new RegExp(String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)${NUM}`, 'y');
/** A range after the first number (`Event IDs 2000 Through 9999`, `1-1657`): the span is not a list of events. */
const RANGE_NEXT = /^\s*(?:-|–|through|thru|to)\s*\d/i;

/** A known source right before the match: `MSExchangeMTA Event ID 248`, `NETLOGON event 5719`, `SNA Server event`. */
const SOURCE_BEFORE = new RegExp(String.raw`(?:^|[^\w])(${PROSE_SOURCE_PATTERN})\s*(?:[-:]\s*)?$`, 'i');
/** A `Source:` label: NT4 `Source: X`, Windows 2000 `Event Source: X`, `Source     : DNS`, or a column of the
 *  Event Viewer detail layout (`Time: 10:02:04 AM      Source: aic78xx`). */
const SOURCE_LINE = /(?:^\s*(?:[-*]\s+)?|(?<=\s)\s|\t)(?:Event\s+)?Source\s*:\s*(.*)$|^\s*Source\s+([A-Za-z]\w*)\s*$/i;
/** A `Source:` label later on the same line as the ID (E9 one-liners: `Event ID: 2011  Source: Srv`). */
const SOURCE_INLINE = /\bSource\s*:\s*(.*)$/i;
/** `Event ID [46] in Source [AppleTalk]` (the Windows "description could not be found" wording). */
const SOURCE_BRACKET = /^\]?\s*in\s+Source\s*\[([^\]]+)\]/i;
/** `… event 1000 from source MsiInstaller`, `with a source of Userenv`, `, Source FPNWSrv:` — same sentence, after. */
const SOURCE_WORD_AFTER = /^[^.;]{0,40}?(?:\b(?:from|with|and)\s+(?:the\s+|a\s+)?source\s*(?:of\s+|is\s+|:\s*|=\s*)?|^\s*,\s*source\s*[:=]?\s*)["']?([A-Za-z][\w.-]*)/i;
/** A known source right after the number: `Event ID 7002, Service Control Manager`, `Event 238: SNA Server`,
 *  `event ID 10010 from DCOM`, `Event ID 1170 MSExchangeDS MAPI Interface`. */
const KNOWN_AFTER = new RegExp(String.raw`^\s*[,:(-]?\s*(?:from\s+(?:the\s+)?)?(${PROSE_SOURCE_PATTERN})\b`, 'i');
/** `Event ID 7000 with Service Control Manager as the source`. */
const KNOWN_AS_SOURCE = new RegExp(String.raw`^[^.;]{0,20}?\bwith\s+(?:the\s+|an?\s+)?(${PROSE_SOURCE_PATTERN})\s+(?:as\s+(?:the|its)\s+)?source\b`, 'i');

/** Where a labelled source value ends: a column gap, a comma, a bracket or the next label on the line. */
const VALUE_END = /\s{2,}|\t|[,;(]|\s+(?:Event\s*ID|Event\s+Type|Event\s+Category|Event|Type|Category|Description|Date|Time|User|Computer|ID)\s*[:=]|\.(?:\s|$)/i;
/** Trailing event type glued onto a one-line source (`Source: Service Control Manager Error`: 4 lines). */
const TRAILING_TYPE = /\s+(?:Error|Warning|Information)\s*$/i;

/** Cleans a labelled source value; null when it does not look like a source name (placeholder, sentence, empty). */
function cleanSource(raw: string): string | null {
  // `Dr. Watson` (DrWatson, 26 sources) would otherwise end at its full stop.
  // A source name is at most 40 characters; a longer value is refused below, so 200 is plenty and keeps a
  // damaged line of megabytes from being scanned again for every match on it.
  let value = raw.slice(0, 200).replace(/\bDr\.\s?Watson/i, 'DrWatson').split(VALUE_END)[0]!.trim().replace(/^["'[]+|["'\]:.]+$/g, '').trim();
  const withoutType = value.replace(TRAILING_TYPE, '');
  if (withoutType !== value && withoutType !== '') value = withoutType;
  // `<Protocol>` placeholders, sentences (`IPXRIP logs with the following`) and junk are not names.
  if (value === '' || /[<>]/.test(value) || value.length > 40 || value.split(/\s+/).length > 4) return null;
  if (!/^[A-Za-z_]/.test(value) || /^(?:the|a|an|this|that|is|none|n\/a)\b/i.test(value)) return null;
  return canonicalEventSource(value);
}

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

/** All event hits of one line, without block sources (those are paired afterwards). */
function lineHits(entry: TextLine): EventHit[] {
  const hits: EventHit[] = [];
  const seen = new Set<number>();
  const scan = (re: RegExp, rule: EventRule) => {
    re.lastIndex = 0;
    for (let m = re.exec(entry.text); m; m = re.exec(entry.text)) {
      const numStart = m.index + m[0].length - m[1]!.length;
      if (seen.has(numStart)) continue;
      seen.add(numStart);
      let end = m.index + m[0].length;
      if (RANGE_NEXT.test(entry.text.slice(end, end + 40))) continue;
      const ids = [Number(m[1])];
      LIST_MORE.lastIndex = end;
      for (let more = LIST_MORE.exec(entry.text); more; more = LIST_MORE.exec(entry.text)) {
        ids.push(Number(more[1]));
        end = LIST_MORE.lastIndex;
      }
      // Only the text near the match: real lines are under 1,671 characters (FORMAT §10), so WINDOW changes nothing
      // there, and a damaged line of megabytes with thousands of matches is not rescanned whole for each (issue #6).
      const before = entry.text.slice(Math.max(0, m.index - WINDOW), m.index);
      const named = SOURCE_BEFORE.exec(before);
      let source: string | null = null;
      let sourceFrom: EventHit['sourceFrom'] = 'none';
      if (named) {
        source = canonicalEventSource(named[1]!.replace(/\s+/g, ' '));
        sourceFrom = 'before';
      } else {
        const after = sourceAfter(entry.text.slice(end, end + WINDOW));
        if (after) ({ source, from: sourceFrom } = after);
      }
      for (const id of ids) {
        if (id > MAX_EVENT_ID) continue;
        hits.push({ source, id, rule, sourceFrom, field: entry.field, line: entry.line, context: entry.text.trim() });
      }
    }
  };
  scan(EVENT_ID, 'event-id');
  scan(EVENT_LABEL, 'event-label');
  scan(EVENT_PROSE, 'event-prose');
  return hits;
}

/**
 * Pairs each unsourced hit of a block with the block's `Source:` line. One source line: it applies to the whole
 * block. Several (records listed without blank lines): NT4 blocks put `Event ID:` first and `Source:` after,
 * Windows 2000 blocks the reverse, so take the nearest source line on the side the block starts with.
 */
function pairBlock(hits: EventHit[], sources: BlockSource[]): void {
  if (sources.length === 0) return;
  // Hits and sources are both in line order; a loop, not `Math.min(...hits)` (which overflows the stack on a
  // block of 100,000 hits), and a binary search, not a scan per hit (quadratic on such a block: issue #6).
  let firstHitLine = Infinity;
  for (const h of hits) firstHitLine = Math.min(firstHitLine, h.line);
  const sourceFirst = sources[0]!.line <= firstHitLine;
  for (const hit of hits) {
    if (hit.sourceFrom !== 'none') continue;
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

/** Every event mention with its context, in text order. `extractEvents` is the deduplicated view of this. */
export function findEvents(input: SymptomInput): EventHit[] {
  const all: EventHit[] = [];
  let blockKey = '';
  let blockHits: EventHit[] = [];
  let blockSources: BlockSource[] = [];
  const flush = () => {
    if (blockHits.length > 0) pairBlock(blockHits, blockSources);
    all.push(...blockHits);
    blockHits = [];
    blockSources = [];
  };
  for (const entry of textLines(input)) {
    const key = `${entry.field}:${entry.block}`;
    if (key !== blockKey) {
      flush();
      blockKey = key;
    }
    const label = SOURCE_LINE.exec(entry.text);
    if (label) blockSources.push({ line: entry.line, source: cleanSource(label[1] ?? label[2]!) });
    // Cheap pre-check: most lines never mention an event.
    if (entry.isReference || !/event/i.test(entry.text)) continue;
    blockHits.push(...lineHits(entry));
  }
  flush();
  return all;
}

/**
 * Event-log entries named by number: deduplicated by source key and id, sorted by id then source (null first).
 * When an id appears with a source and without one, only the sourced entries are kept (the bare mention is the
 * same event named again in prose).
 */
export function extractEvents(input: SymptomInput): EventRef[] {
  try {
    const byKey = new Map<string, EventRef>();
    const sourced = new Set<number>();
    for (const hit of findEvents(input)) {
      const key = `${hit.id}\u0000${hit.source === null ? '' : eventSourceKey(hit.source)}`;
      if (!byKey.has(key)) byKey.set(key, { source: hit.source, id: hit.id });
      if (hit.source !== null) sourced.add(hit.id);
    }
    const events = [...byKey.values()].filter((e) => e.source !== null || !sourced.has(e.id));
    return events.sort(compareEvents);
  } catch {
    // Extractors never throw: bad content yields no events rather than a failed build.
    return [];
  }
}

/** By id, then source with null first, then case-blind source. */
export function compareEvents(a: EventRef, b: EventRef): number {
  if (a.id !== b.id) return a.id - b.id;
  if (a.source === b.source) return 0;
  if (a.source === null) return -1;
  if (b.source === null) return 1;
  const ka = eventSourceKey(a.source);
  const kb = eventSourceKey(b.source);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
