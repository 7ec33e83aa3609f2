/**
 * What a search query asks for, before any full-text search: an article number, an event ID (with its source),
 * error codes. Pure and browser-safe: `assets/search.ts` bundles this module, and the build uses the same
 * shard functions to write the lookup tables the browser then fetches, so the two can never disagree.
 *
 * Error codes are read by the symptom extractor itself (`findErrorCodes`, scripts/symptoms/error-codes.ts), the
 * query treated as a title: `0x80004005`, `-2147467259` (its signed decimal), `STOP 0x0000000A`, `error 2140`,
 * `C2065` get exactly the keys the articles were indexed under.
 */
import { findErrorCodes } from '../symptoms/error-codes.ts';
import { eventSourceKey } from '../symptoms/event-sources.ts';
import { permalinkOf } from '../link/citations.ts';
import { fnv1a } from './full-text/format.ts';

export interface ParsedQuery {
  /** The query as typed, trimmed, spaces collapsed. */
  text: string;
  /** An article the query names (`Q182346`, `182346`, `KB182346`, `kb 182346`), as `Q<number>`. */
  article: string | null;
  /** An event ID the query may mean (`4087`, `event 4087`, `Event ID 4087`, `MSExchangeIMC 4087`). */
  event: { id: number; sourceKey: string | null; source: string | null } | null;
  /** Error-code keys (`0x80004005`, `stop-0x0000000a`, `error-2140`), most specific first. */
  errorCodes: string[];
}

const ARTICLE = /^(?:(?:q|kb|kbq|article)\s*#?\s*)?(\d{5,6})$/i;
/** `[source] [event] [id] [:#] N`: the source is any words before, when the query ends in the number. */
const EVENT = /^(?:(.+?)\s+)?(?:event(?:\s*id)?\s*[:#]?\s*)?(\d{1,5})$/i;
const EVENT_WORDS = /^(?:event(?:\s*id)?|id)$/i;

export function parseQuery(input: string): ParsedQuery {
  const text = input.replace(/\s+/g, ' ').trim();
  const article = ARTICLE.exec(text);
  const event = parseEvent(text);
  return {
    text,
    article: article ? `Q${Number(article[1])}` : null,
    event,
    errorCodes: errorCodesOf(text, event !== null),
  };
}

function parseEvent(text: string): ParsedQuery['event'] {
  const m = EVENT.exec(text);
  if (!m) return null;
  const id = Number(m[2]);
  if (id < 1 || id > 65535) return null;
  // `Event ID 4087` leaves `Event` as the "source" when the regex takes the shortest prefix: strip such words.
  const source = (m[1] ?? '').replace(/\b(?:event(?:\s*id)?|id)\s*[:#]?\s*$/i, '').trim();
  if (source === '' || EVENT_WORDS.test(source)) return { id, sourceKey: null, source: null };
  // `Q182346`-like and number-like prefixes are not sources.
  if (/^\d/.test(source) || /^(?:q|kb|error|err|stop)$/i.test(source)) return null;
  return { id, sourceKey: eventSourceKey(source), source };
}

function errorCodesOf(text: string, isEvent: boolean): string[] {
  const keys: string[] = [];
  const add = (t: string) => {
    for (const hit of findErrorCodes({ id: '', title: t, bodyText: '', queryWords: null, product: null })) {
      if (!keys.includes(hit.code)) keys.push(hit.code);
    }
  };
  add(text);
  // Forms the extractor only trusts in prose context: bare 8 hex digits (`80004005`), short `0x` values that are
  // STOP codes when typed alone (`0xA`, `0x0000000A`), and a bare number that may be a Win32 error (`2140`).
  const bareHex = /^(?:0x)?([0-9a-f]{8})$/i.exec(text);
  if (bareHex) add(`error 0x${bareHex[1]}`);
  const shortHex = /^0x([0-9a-f]{1,8})$/i.exec(text);
  if (shortHex) add(`STOP 0x${shortHex[1]}`);
  if (isEvent && /^\d{1,5}$/.test(text)) add(`error ${text}`);
  return keys;
}

/** How many files each sharded lookup table is split into; the build and the browser share these. */
// Sized so a shard is a few KiB (the largest entries, 0xC0000005's 500 articles, make their own shard large), with
// the full-text index's files within the index's budget of 5,000.
export const LOOKUP_SHARDS = { errors: 256, events: 128 } as const;

/** The shard of a lookup key, as a file name. */
export function shardOf(key: string, shards: number): string {
  return (fnv1a(key) % shards).toString(16).padStart(2, '0');
}

/** Site paths of the lookup files (without the --base prefix). */
export const lookupPaths = {
  /** An event ID's sources and articles. */
  eventShard: (id: number) => `/search/lookup/events/${shardOf(String(id), LOOKUP_SHARDS.events)}.json`,
  errorShard: (code: string) => `/search/lookup/errors/${shardOf(code, LOOKUP_SHARDS.errors)}.json`,
};

export { permalinkOf };

/** An events shard: id → its article count and its sources (key `''` for "no source named"), each with its articles. */
export interface EventShard {
  [id: string]: { count: number; sources: Array<[key: string, name: string | null, articles: Array<[id: string, title: string]>]> };
}
/** An errors shard: code → display, kind, its article count and at most `LOOKUP_ARTICLES` of its articles. */
export interface ErrorShard {
  [code: string]: { display: string; kind: string; count: number; articles: Array<[id: string, title: string]> };
}

/**
 * Articles an error code's lookup lists at most, those naming the code in their title first: its page lists them all,
 * and a code held by hundreds (`0xC0000005`: 500) would otherwise cost every query for it ~35 KB.
 */
export const LOOKUP_ARTICLES = 100;
