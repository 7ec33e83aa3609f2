/**
 * Event Viewer entries as articles quote them (FORMAT §6 "Blocks"): NT4 `Event ID:` / `Source:` / `Type:` /
 * `Category:` / `Description:`, Windows 2000 `Event Type:` / `Event Source:` / … / `Date:` / `Time:` / `User:` /
 * `Computer:` / `Description:`, and the one-line forms. This module reads the labels; `event-messages.ts` turns the
 * entries into the record's `eventMessages`, and `events.ts` takes the source of every entry.
 *
 * Layouts met in the corpus (each in a test):
 * - one label per line, the description wrapped over the following lines until a blank line (most entries);
 * - `Description:` alone, its text on the next lines or after one blank line;
 * - labels spread over blank lines (`Event ID: 7026` / `` / `Source: Service Control Manager`, the double-spaced
 *   Windows 2000 layout of Q260835), and `Description:` opening the block after the labels (Q150553, the Event
 *   Viewer columns of Q322829: `Date: …   Event ID: 4116` / `Time: …   Source: MSExchangeIMC`);
 * - several labels on one line (`Event ID: 11 Source: SNA Server Description: The description for …`,
 *   `Event Type:Error Event Source:MSExchangeSA Event Category:General Event` / `ID:1005 Description: …`);
 * - the id line without a colon (`Event ID 2019`, `Event 203: TN3270 server`, `Event Id 5711 - Source: NETLOGON`,
 *   `MSExchangeMSMI Event ID 2380:`) and, after it, `Source SRV` / `Type Error` / `Category …` without colons;
 *   misspelt labels (`Catefory:`, `Catagory:`, `Cat:`) and `Severity:` for the type;
 * - no `Description:` label, the message quoted in the block after the labels (Q200092);
 * - several entries in one block: a label seen twice starts the next entry.
 */
import { cleanSource, MAX_EVENT_ID, PROSE_SOURCE_PATTERN } from './event-sources.ts';
import { textLines } from './text-parts.ts';
import type { SymptomInput } from './types.ts';

/** The longest description kept, in characters (the text is cut at a word and marked with `…`). */
export const MAX_MESSAGE_LENGTH = 600;

/** One labelled event-log entry with an id. */
export interface EventEntry {
  /** The body line that gave the id (`textLines` numbering). */
  idLine: number;
  id: number;
  /** The `Source:` / `Event Source:` value, cleaned (`cleanSource`); null when no label names it. */
  source: string | null;
  /** The `Type:` / `Event Type:` / `Severity:` value as written, or null. */
  type: string | null;
  /** The `Description:` text joined into one line (`joinMessage`), or null when the entry quotes none. */
  message: string | null;
}

type Label = 'id' | 'source' | 'type' | 'category' | 'description' | 'other';

/** Labels, longest first so `Event Type` wins over `Event`. `Event` alone is the NT 3.x / SNA id label (`Event: 4087`). */
const LABELS = String.raw`Event\s+Type|Event\s+Source|Event\s+Category|Event[\s_-]*ID|EventID|Event|Source|Type|Cat[a-z]*|Severity|Description|Date|Time|User|Computer|Data|ID`;
/** Labels that may follow a single space on a label line (`Event ID: 11 Source: SNA Server Description: …`). */
const INNER_LABELS = String.raw`Event\s+Type|Event\s+Source|Event\s+Category|Event[\s_-]*ID|EventID|Event(?=\s*:\s*\d)|Source|Type|Category|Description|Date|Time|User|Computer`;
/** A line that opens with a label: `  Event ID: 2011`, `Source:MSExchangeIS`, `- Type: Error`, `ID : 8009`. */
const LABEL_LINE = new RegExp(String.raw`^\s*(?:[-*]\s+)?(?:${LABELS})\s*:`, 'i');
/**
 * Every label of a label line. `Event` and `ID` alone are generic words: they count only at the start of the line,
 * after a column gap or after a comma (`ID: 4087, Source: …`); the others also after a single space.
 */
const LABEL_AT = new RegExp(String.raw`(?:^\s*(?:[-*]\s+)?|(?<=\S)\s{2,}|\t|,\s*|(?<=\S)\s(?=(?:${INNER_LABELS})\s*:))(${LABELS})\s*:\s*`, 'gi');
/** An id line without the colon: `Event ID 2019`, `Event ID #2625 - (…)`, `Event 203: TN3270 server`, `Event Id 5711 -
 *  Source: NETLOGON`, `MSExchangeMSMI Event ID 2380:` (a known source may come first). */
const ID_LINE = new RegExp(String.raw`^\s*(?:[-*]\s+)?(?:(?:${PROSE_SOURCE_PATTERN})\s+)?(?:Event[\s_-]*ID|EventID|Event)\s*(?:-\s*|#\s*)?(\d{1,5})(?![\w.]\w|\d)\s*:?`, 'i');
/** `Source SRV`, `Type Error`, `Category Internal Processing`: labels without a colon, read only inside an entry. */
const BARE_LABEL = /^\s*(Source|Type|Category)\s+(?=[A-Za-z])/i;
/** Explanations that follow a quoted entry and are not part of its description (`Cause: Generated when …`). */
const AFTER_DESCRIPTION = /^\s*(?:Cause|Explanation|Action|User\s+Action|Recommended\s+Action|Resolution|Solution|Workaround|Note|Reason)\s*:/i;

function labelOf(name: string): Label {
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  if (key === 'eventid' || key === 'event' || key === 'id') return 'id';
  if (key === 'source' || key === 'eventsource') return 'source';
  if (key === 'type' || key === 'eventtype' || key === 'severity') return 'type';
  if (key.startsWith('cat') || key === 'eventcategory') return 'category';
  if (key === 'description') return 'description';
  return 'other';
}

interface Field {
  label: Label;
  value: string;
}

/** The label/value pairs of a label line, in order; the description's value runs to the end of the line. */
function fieldsOf(text: string, from = 0): Field[] {
  const marks: Array<{ label: Label; start: number; end: number }> = [];
  LABEL_AT.lastIndex = from;
  for (let m = LABEL_AT.exec(text); m; m = LABEL_AT.exec(text)) {
    const label = labelOf(m[1]!);
    marks.push({ label, start: m.index, end: m.index + m[0].length });
    if (label === 'description') break;
  }
  return marks.map((mark, i) => ({
    label: mark.label,
    value: text.slice(mark.end, marks[i + 1]?.start ?? text.length).trim().replace(/[,;]$/, '').trim(),
  }));
}

/** The fields of a line that opens an entry or continues one; null for any other line. */
function lineFields(text: string, inEntry: boolean): Field[] | null {
  if (LABEL_LINE.test(text)) return fieldsOf(text);
  const id = ID_LINE.exec(text);
  if (id) {
    // The rest of the line may carry more labels: `Event Id 5711 - Source: NETLOGON`.
    const rest = text.slice(id[0].length);
    return [{ label: 'id', value: id[1]! }, ...fieldsOf(rest).filter((f) => f.label !== 'id')];
  }
  const bare = inEntry ? BARE_LABEL.exec(text) : null;
  if (bare) return [{ label: labelOf(bare[1]!), value: text.slice(bare[0].length).trim().replace(/[,;]$/, '') }];
  return null;
}

/** `4087`, `4087 (0xFF7)`, `( 13 )`, `#12` → the id; a placeholder or anything else → null. */
function idOf(value: string): number | null {
  const m = /^[#([]?\s*(\d{1,5})(?!\w|\.\d)/.exec(value);
  if (!m) return null;
  const id = Number(m[1]);
  return id <= MAX_EVENT_ID ? id : null;
}

/** `Error`, `Warning`, `Information`, `Success Audit`, `error` — as written, without trailing punctuation; null when
 *  empty or not a word (a wrapped layout can leave a label without its value). */
function typeOf(value: string): string | null {
  const v = value.split(/\s{2,}|\t/)[0]!.replace(/[.,;:]+$/, '').trim();
  return /^[A-Za-z][A-Za-z ]{0,30}$/.test(v) ? v : null;
}

/** The description as one line: whitespace collapsed, enclosing quotes dropped, cut at ~600 characters at a word. */
export function joinMessage(parts: readonly string[]): string {
  let text = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (/^"[^"]*"$/.test(text)) text = text.slice(1, -1).trim();
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  const cut = text.lastIndexOf(' ', MAX_MESSAGE_LENGTH - 1);
  return `${text.slice(0, cut > MAX_MESSAGE_LENGTH / 2 ? cut : MAX_MESSAGE_LENGTH - 1).trimEnd()}…`;
}

interface Open {
  idLine: number;
  id: number | null;
  source: string | null;
  type: string | null;
  seen: Set<Label>;
  description: string[] | null;
  /** The block of the entry's last label line. */
  block: number;
}

/** `extractSymptoms` reads the entries twice (events, messages): read them once per input. */
const cache = new WeakMap<SymptomInput, { body: string; entries: readonly EventEntry[] }>();

/** Every quoted event-log entry that has an id, in text order (body only; citation lines never hold one). Shared
 *  between callers for the same input: read them, do not change them. */
export function findEventEntries(input: SymptomInput): readonly EventEntry[] {
  const hit = cache.get(input);
  if (hit && hit.body === input.bodyText) return hit.entries;
  const entries = readEntries(input);
  cache.set(input, { body: input.bodyText, entries });
  return entries;
}

function readEntries(input: SymptomInput): EventEntry[] {
  const out: EventEntry[] = [];
  let entry: Open | null = null;
  /** The description is open: plain lines continue it. */
  let describing = false;
  let lastBlock = -1;
  const close = () => {
    if (entry && entry.id !== null) {
      const message = entry.description ? joinMessage(entry.description) : '';
      out.push({ idLine: entry.idLine, id: entry.id, source: entry.source, type: entry.type, message: message === '' ? null : message });
    }
    entry = null;
    describing = false;
  };
  for (const line of textLines(input)) {
    if (line.field !== 'body' || line.cites !== null) continue;
    const newBlock = line.block !== lastBlock;
    lastBlock = line.block;
    let current = entry as Open | null;
    if (newBlock && current) {
      // A blank line ends a description that has text. Labels still waiting for their description, or
      // `Description:` still waiting for its text, carry over blank lines.
      const waiting = describing ? current.description!.length === 0 : current.description === null;
      if (!waiting) close();
    }
    current = entry as Open | null;
    if (describing && AFTER_DESCRIPTION.test(line.text)) {
      close();
      continue;
    }
    const fields = lineFields(line.text, current !== null && current.description === null);
    if (!fields) {
      if (current && describing) current.description!.push(line.text.trim());
      else if (current && current.description === null && newBlock && line.text.trimStart().startsWith('"')) {
        // No `Description:` label, the message quoted in the next block (Q200092: `ID: 4087, Source: MSExchangeIMC,
        // Type: Error,` / `` / `"Service could not be started. …"`).
        current.description = [line.text.trim()];
        describing = true;
      }
      else if (current && current.description === null && current.block === line.block && line.text.trim().length < 50) {
        // A short unlabelled line among the labels (`MsExchangeIS Private`, `Internal Processing`): skipped.
      } else close();
      continue;
    }
    for (const { label, value } of fields) {
      current = entry as Open | null;
      // A label seen twice, or any label but `Date`/`Data`/… after the description, starts the next entry.
      if (current && label !== 'other' && (current.seen.has(label) || current.description !== null)) {
        close();
        current = null;
      }
      if (!current) {
        current = { idLine: line.line, id: null, source: null, type: null, seen: new Set(), description: null, block: line.block };
        entry = current;
      }
      current.seen.add(label);
      current.block = line.block;
      describing = false;
      if (label === 'id') {
        current.id = idOf(value);
        current.idLine = line.line;
      } else if (label === 'source') current.source = cleanSource(value);
      else if (label === 'type') current.type = typeOf(value);
      else if (label === 'description') {
        current.description = value === '' ? [] : [value];
        describing = true;
      }
    }
  }
  close();
  return out;
}
