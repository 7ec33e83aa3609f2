/**
 * The event as logged: the record's `eventMessages`, one per Event Viewer entry an article quotes with its
 * description (`event-entries.ts` reads the labels and layouts). The source is the entry's `Source:` label, or, when
 * the entry has none, the source the event patterns found for its id line (`Event Id 5711 - Source: NETLOGON`,
 * `Event id 2078 from MSExchangeIS Private`, `Event 5012, Source MSExchangeSA,`).
 */
import type { EventMessage } from '../types.ts';
import { findEventEntries } from './event-entries.ts';
import { eventSourceKey } from './event-sources.ts';
import { findEvents } from './events.ts';
import type { SymptomInput } from './types.ts';

export { joinMessage, MAX_MESSAGE_LENGTH } from './event-entries.ts';

/** Every quoted entry with a description, in text order (duplicates kept; `extractEventMessages` is the sorted set). */
export function findEventMessages(input: SymptomInput): EventMessage[] {
  const entries = findEventEntries(input).filter((e) => e.message !== null);
  if (entries.length === 0) return [];
  const lineSource = new Map<string, string>();
  for (const hit of findEvents(input)) {
    // Only a source named on the id line itself: the entry parser has read the block's labels already.
    if (hit.field === 'body' && hit.via === undefined && hit.source !== null && (hit.sourceFrom === 'line' || hit.sourceFrom === 'before')) {
      lineSource.set(`${hit.line}:${hit.id}`, hit.source);
    }
  }
  return entries.map((e) => ({ source: e.source ?? lineSource.get(`${e.idLine}:${e.id}`) ?? null, id: e.id, type: e.type, message: e.message! }));
}

/** By id, then source (null first, case-blind), then type, then message: the record's order. */
export function compareEventMessages(a: EventMessage, b: EventMessage): number {
  if (a.id !== b.id) return a.id - b.id;
  const ka = a.source === null ? '' : `\u0001${eventSourceKey(a.source)}`;
  const kb = b.source === null ? '' : `\u0001${eventSourceKey(b.source)}`;
  if (ka !== kb) return ka < kb ? -1 : 1;
  const ta = a.type ?? '';
  const tb = b.type ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** The article's quoted event-log entries: unique, sorted by id then source (null first). Never throws. */
export function extractEventMessages(input: SymptomInput): EventMessage[] {
  try {
    const unique = new Map<string, EventMessage>();
    for (const m of findEventMessages(input)) {
      const key = `${m.id}\u0000${m.source === null ? '' : eventSourceKey(m.source)}\u0000${m.type ?? ''}\u0000${m.message}`;
      if (!unique.has(key)) unique.set(key, m);
    }
    return [...unique.values()].sort(compareEventMessages);
  } catch {
    return [];
  }
}
