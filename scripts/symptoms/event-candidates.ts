/**
 * Recall of the event extractor, measured: a deliberately broad net finds every number that might name an event,
 * and each such candidate is either extracted (by which rule of `events.ts`) or excluded by a named rule. What is
 * left over ("unclassified") is either a form the extractor should learn or a trap that needs a name.
 *
 * The net (case-blind, every line of title, body and query words, citation lines included):
 * - `event-id`:  `Event ID` / `EventID` / `Event IDs` / `Event ID's`, then the first number within 25 characters;
 * - `event`:     `event` / `events`, then a number after up to 20 spaces or punctuation (`Event: 1`, `event #4`,
 *                `event number 5`, `Event Error 6`), or glued to it (`EVENT1.BAS`);
 * - `id`:        a bare `ID` then a number within a few characters, in a block that says `source` anywhere or on a
 *                line after one that ends with "Event" (`… the following Event` / `ID 29 in the application log`),
 *                or at the start of a line;
 * - `number`:    one or more numbers right before `event(s)` (`the 9405 event`, `2191, 2198, and 9405 Events`);
 * and after each of these, the numbers of a list or range that follows (`, 685, and 686`, `through 9999`).
 *
 * Only for measuring (`measure.ts`, the tests): the build never calls this.
 */
import { MAX_EVENT_ID } from './event-sources.ts';
import { findEvents, NUMBER_FIRST_AFTER, NUMBER_FIRST_BEFORE, NUMBER_FIRST_COUNT_BEFORE, RANGE_NEXT, type EventRule } from './events.ts';
import { textLines, type TextField } from './text-parts.ts';
import type { SymptomInput } from './types.ts';

export type CandidateNet = 'event-id' | 'event' | 'id' | 'number';

export interface EventCandidate {
  net: CandidateNet;
  field: TextField;
  line: number;
  /** Offset of the number's first digit in the line. */
  column: number;
  /** The number as written, with whatever is glued to it (`9215A`, `10.67`, `000001A4`). */
  token: string;
  /** The cited article when the line quotes a citation's title. */
  cites: string | null;
  context: string;
}

/**
 * Why a candidate is not an event, each rule counted by `measure.ts`:
 * - `glued-name`:   the number is part of a name (`EVENT1.BAS`, `Event32.dll`, `event539.txt`, `Event1(`, `Win32`);
 * - `hex-or-code`:  letters glued after the digits (`event 000001A4`, `Internal ID 10c009b`);
 * - `over-65535`:   too big for an event ID (`events 214992`, `Event ID: 100003`, `Event IDs 94086`);
 * - `decimal`:      a decimal or version number (`event 10.67`, `NT 4.0 event`, `2.2.6  Event ID 4057`);
 * - `date-or-size`: part of a date, a time or a thousands-separated size (`Date: 10/25/93  Event ID`, `111,466
 *                   EVENTS.SCT`);
 * - `range`:        either end of a range (`Event IDs 2000 Through 9999`, `Events 5050-7504`, `Event 1-5`);
 * - `negative`:     a negative error number after the label (`an Event ID. -1032`);
 * - `placeholder`:  `event id %5%`;
 * - `prefixed`:     an id with a product prefix (`Event ID LMU-6086`, `L=ID-00000075`);
 * - `footnote`:     one digit in brackets (`Unable to set event (1)`);
 * - `table-column`: a number in a column of a table row (`EVENT              1      DB   Posting event`);
 * - `numbering`:    a list or table number at the start of a line (`1. Event Viewer Application Log`);
 * - `version-or-setting`: a number after a product or setting word, before "event" (`Windows 2000 Event Viewer`,
 *                   `VB 4.0 Events`, `severity 16 event`, `INT 8 events`, `Qualifier 0005 event`);
 * - `count`:        a count of events (`3 events are defined`, `Reported 0 events`, `at least 120 events per second`);
 * - `qualified-id`: `ID` qualified by another noun (`Message ID: 1-4E2E`, `Thread ID: 317`, `Attribute ID: 55`,
 *                   `Internal ID`, `Error ID: 7024`, `resource ID 101`, `Event Message ID:5002`, and `… Attribute` /
 *                   `ID: 11.` where the noun ends the line before);
 * - `sms-status-message`: SMS status message ids (`STATMSG: ID=679 SEV=E … SOURCE="SMS Server"`);
 * - `assignment`:   `ID = 1` in MIF, INI or code text, SMS component status `ID=3400:`;
 * - `bare-id`:      a bare `ID N` with nothing that makes it an event: no `Source` label in its block, no entry label
 *                   on its line, no "…event log:" introduction, no `Event` ending the line before;
 * - `event-log-id`: `Event log ID(s)` names the log's numbering, not one event (`All Event log ID's = 0`; its
 *                   ranges, `WINS Event Log IDs 4096 - 4134`, count as `range`);
 * - `not-adjacent`: the number is not the label's value (`select Event ID, and type "23"`, `Event ID in … 2000`).
 */
export type ExclusionRule =
  | 'glued-name' | 'hex-or-code' | 'over-65535' | 'decimal' | 'date-or-size' | 'range' | 'negative' | 'placeholder'
  | 'prefixed' | 'footnote' | 'table-column' | 'numbering' | 'version-or-setting' | 'count' | 'qualified-id' | 'sms-status-message'
  | 'assignment' | 'bare-id' | 'event-log-id' | 'not-adjacent';

export type CandidateOutcome =
  | { kind: 'extracted'; rule: EventRule; via: boolean }
  | { kind: 'excluded'; rule: ExclusionRule }
  | { kind: 'unclassified' };

export interface ClassifiedCandidate extends EventCandidate {
  outcome: CandidateOutcome;
}

const TOKEN = String.raw`(\d[\w.]*)`;
const NET_EVENT_ID = new RegExp(String.raw`\bevent[\s_-]*(?:log\s*)?ids?(?:'s)?\b[^\d\n]{0,25}?${TOKEN}`, 'gid');
const NET_EVENT = new RegExp(String.raw`\bevents?(?:[^\w\n]{0,20}(?:(?:number|no|error)\b\.?[^\w\n]{0,3})?)?${TOKEN}`, 'gid');
const NET_ID = new RegExp(String.raw`(?<![\w-])ID[^\w\n]{0,4}${TOKEN}`, 'gid');
const NET_NUMBER = /(?<![\w.])\d[\w.]*(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*\/\s*)\d[\w.]*)*\s*events?\b/gi;
/** The numbers of a list or range after a candidate: `, 685, and 686`, ` through 9999`, `-7504`. */
const NET_MORE = new RegExp(String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*(?:-|–|\/)\s*|\s+(?:through|thru|to)\s+)${TOKEN}`, 'yd');

/** Every candidate of the net, one per number position, in text order. */
export function findEventCandidates(input: SymptomInput): EventCandidate[] {
  const out: EventCandidate[] = [];
  const lines = textLines(input);
  const blocksWithSource = new Set<string>();
  for (const l of lines) if (/source/i.test(l.text)) blocksWithSource.add(`${l.field}:${l.block}`);
  lines.forEach((l, i) => {
    if (!/event|\bID\b/i.test(l.text)) return;
    const seen = new Set<number>();
    const add = (net: CandidateNet, column: number, token: string) => {
      if (seen.has(column)) return;
      seen.add(column);
      out.push({ net, field: l.field, line: l.line, column, token, cites: l.cites, context: l.text.trim() });
    };
    const withList = (net: CandidateNet, re: RegExp) => {
      re.lastIndex = 0;
      for (let m = re.exec(l.text); m; m = re.exec(l.text)) {
        add(net, m.indices![1]![0], m[1]!);
        NET_MORE.lastIndex = m.index + m[0].length;
        for (let more = NET_MORE.exec(l.text); more; more = NET_MORE.exec(l.text)) add(net, more.indices![1]![0], more[1]!);
      }
    };
    withList('event-id', NET_EVENT_ID);
    withList('event', NET_EVENT);
    const previous = lines[i - 1];
    const afterEvent = previous !== undefined && previous.field === l.field && previous.block === l.block && /\bEvent\s*$/i.test(previous.text);
    if (afterEvent || blocksWithSource.has(`${l.field}:${l.block}`) || /^\s*(?:[-*]\s+)?ID\b/.test(l.text)) withList('id', NET_ID);
    for (const m of l.text.matchAll(NET_NUMBER)) {
      const eventWord = m[0].search(/\s*events?\b[^]*$/i);
      for (const n of m[0].slice(0, eventWord).matchAll(/\d[\w.]*/g)) add('number', m.index + n.index, n[0]);
    }
  });
  const order: Record<TextField, number> = { title: 0, body: 1, query: 2 };
  out.sort((a, b) => order[a.field] - order[b.field] || a.line - b.line || a.column - b.column);
  return out;
}

/** The first exclusion rule that explains why the candidate is no event, or null. */
export function exclusionOf(c: EventCandidate, text: string, previousLine: string | null = null): ExclusionRule | null {
  const before = text.slice(Math.max(0, c.column - 60), c.column);
  const after = text.slice(c.column + c.token.length, c.column + c.token.length + 40);
  const digits = /^\d+/.exec(c.token)![0];
  const rest = c.token.slice(digits.length);
  // The number glued to a word before it (`EVENT1`, `Win32`) or to a file extension after it (`539.txt`).
  if (/[A-Za-z_]$/.test(before) || /^\.[A-Za-z]/.test(rest) || (c.net === 'number' && /^\s*events?\.\w/i.test(after))) return 'glued-name';
  if (/^[A-Za-z]/.test(rest.replace(/^s$/, ''))) return 'hex-or-code';
  if (c.net === 'id' && /[{(]\s*[\d,]*$/.test(before) && /\b(?:Operation|Logon|Handle|Process)\s+ID/i.test(before)) return 'qualified-id';
  if (/^\.\d/.test(rest) || /\d\.$/.test(before)) return 'decimal';
  // The run of digits, slashes, colons and commas around the number: a date, a time or a thousands-separated size.
  const run = `${/[\d/:,]*$/.exec(before)![0]}${c.token}${/^[\d/:,]*/.exec(after)![0]}`.replace(/,$/, '');
  if (/^\d{1,4}\/\d{1,2}\/\d{1,4}$|\d:\d\d|^\d{1,3}(?:,\d{3})+$/.test(run)) return 'date-or-size';
  if (/^\s*(?:[-*]\s*)?$/.test(before) && /^[.)]?\s/.test(rest + after) && c.net === 'number') return 'numbering';
  if (Number(digits) > MAX_EVENT_ID) return 'over-65535';
  if (c.net === 'id') {
    // What stands before the `ID` label itself.
    const label = before.slice(0, before.search(/ID[^\w]*$/i));
    if (/[A-Z]*MSG:\s*$/i.test(label)) return 'sms-status-message';
    if (/[A-Za-z]\s?$/.test(label) && !/\bevent[\s_-]*$/i.test(label)) return 'qualified-id';
    // `… Attribute` / `ID: 11.`: the noun that qualifies the ID ends the line before.
    if (label.trim() === '' && previousLine !== null && /[A-Za-z]$/.test(previousLine) && !/\bEvent\s*$/i.test(previousLine) && !/^\s*(?:[-*]\s+)?[A-Za-z][\w ()/-]{0,24}:/.test(previousLine)) return 'qualified-id';
  }
  if (RANGE_NEXT.test(after) || /\d\s*(?:-|–|through|thru|to)\s*$/i.test(before)) return 'range';
  if (/\.\s*-$/.test(before.trimEnd())) return 'negative';
  if (/%\s*$/.test(before) || /^\s*%/.test(after)) return 'placeholder';
  if (/[A-Z]{2,}-$/.test(before)) return 'prefixed';
  if (/\(\s*$/.test(before) && digits.length === 1 && /^\s*\)/.test(after)) return 'footnote';
  if (c.net === 'event' && /events?\s{3,}$/i.test(before) && /^\s{2,}\S/.test(after)) return 'table-column';
  if (c.net === 'number') {
    // The words before the first number of the list.
    const lead = before.replace(/(?:\d[\w.]*\s*(?:,|and|or|&|\/)\s*)+$/i, '');
    if (NUMBER_FIRST_BEFORE.test(lead)) return 'version-or-setting';
    const tail = after.replace(/^s?\s*events?(?:\s*ID(?:'?s)?)?/i, '');
    if (digits.length < 2 || NUMBER_FIRST_COUNT_BEFORE.test(lead) || NUMBER_FIRST_AFTER.test(tail)) return 'count';
  }
  if (c.net === 'id' && /\bID\s*=\s*$/i.test(before)) return 'assignment';
  if (c.net === 'id') return 'bare-id';
  // The gap between the label and the number holds a word: the number is not the label's value.
  if (c.net === 'event-id' && /event\s*log\s*id/i.test(before)) return 'event-log-id';
  const label = c.net === 'event-id' ? /event[\s_-]*ids?(?:'s)?\b([^\d\n]*)$/i : c.net === 'event' ? /events?\b([^\d\n]*)$/i : null;
  const gap = label?.exec(before)?.[1];
  if (gap !== undefined && /[A-Za-z]{2,}/.test(gap.replace(/\b(?:number|no|error|is|are|was|of|will|still|be)\b/gi, ''))) return 'not-adjacent';
  return null;
}

/** Every candidate with its outcome: extracted (the hit at the same place), excluded (a named rule) or neither. */
export function classifyEventCandidates(input: SymptomInput): ClassifiedCandidate[] {
  const hits = new Map<string, { rule: EventRule; via: boolean }>();
  for (const h of findEvents(input)) hits.set(`${h.field}:${h.line}:${h.column}`, { rule: h.rule, via: h.via !== undefined });
  const lines = textLines(input);
  const byLine = new Map(lines.map((l) => [`${l.field}:${l.line}`, l]));
  // The line before in the same block (`textLines` drops blank lines, so check the block).
  const previousOf = new Map<string, string>();
  lines.forEach((l, i) => {
    const p = lines[i - 1];
    if (p && p.field === l.field && p.block === l.block) previousOf.set(`${l.field}:${l.line}`, p.text);
  });
  return findEventCandidates(input).map((c) => {
    const hit = hits.get(`${c.field}:${c.line}:${c.column}`);
    if (hit) return { ...c, outcome: { kind: 'extracted', rule: hit.rule, via: hit.via } };
    const line = byLine.get(`${c.field}:${c.line}`)!;
    const rule = exclusionOf(c, line.text, previousOf.get(`${c.field}:${c.line}`) ?? null);
    return { ...c, outcome: rule ? { kind: 'excluded', rule } : { kind: 'unclassified' } };
  });
}
