/**
 * Old links to Microsoft's KB site and to kbarchive, read back into an article of this archive.
 *
 * Bundled into the not-found page (an old URL that reached a host pointed at the archive) and the home page
 * (`?kbid=`), so it must stay browser-safe: no node: imports, no DOM access; the caller passes `location`'s parts.
 * Its answer is used as a redirect target, so it is strict by design: every form is matched whole, against
 * ASCII only, without percent-decoding (except `%3B` in `scid`), and the path is rebuilt from the parsed number,
 * never copied from the input. Whatever the input, the result is null or `base + kb/NNN/Q<n>/`.
 */
import { permalinkOf } from '../scripts/link/citations.ts';
import { eventSourceKey } from '../scripts/symptoms/event-sources.ts';

/**
 * An article (Microsoft's and kbarchive's links), or an event (old Event Viewer's "more information" link,
 * `events.asp?EvtSrc=MSExchangeIMC&EvtID=4087`): `path` is where it lives on this site, under the base.
 */
export type OldLink =
  | { kind: 'article'; number: number; path: string }
  | {
      kind: 'event';
      id: number;
      /** `EvtSrc` as the link gave it, decoded: data to show as text, never markup. Null when absent. */
      source: string | null;
      path: string;
      /** The id of the source's section on the event page (`src-msexchangeimc`), or null. */
      anchor: string | null;
    };

/** Anything longer is no link a person followed; not reading it keeps the work bounded. */
const MAX_LENGTH = 2000;
/** KB numbers never went past 7 digits; more would be a different (or hostile) thing. */
const MAX_NUMBER = 9_999_999;

// Every pattern is anchored and free of nested quantifiers (no catastrophic backtracking), uses [0-9] (never
// \d with a `u` flag, nor Unicode digits) and has no `u` flag, so `i` folds ASCII letters only (the Kelvin sign
// is not a `k`).
/** `Q182346`, `kb/Q182346`, each with an optional trailing slash. */
const Q_FORM = /^(?:kb\/)?q([0-9]{1,7})\/?$/i;
/** `kb/182346`, `kb/182346/`, `kb/182346/en-us`, `kb/182346/en-us/`. */
const KB_FORM = /^kb\/([0-9]{1,7})(?:\/|\/[a-z-]{1,10}\/?)?$/i;
/** `default.aspx` at the base root, as support.microsoft.com served it. */
const DEFAULT_ASPX = /^default\.aspx$/i;
/** `scid=kb;en-us;182346` (after `%3B` → `;`). */
const SCID_VALUE = /^kb;[a-z-]{1,10};q?([0-9]{1,7})$/i;
/** `events.asp` at the base root, or `fwlink/events.asp` as Event Viewer's help link named it on go.microsoft.com. */
const EVENTS_ASP = /^(?:fwlink\/)?events\.asp$/i;
/** `EvtID=4087`: an event ID is 16-bit. */
const EVTID_VALUE = /^([0-9]{1,5})$/;
/** Longest `EvtSrc` read: source names are short; anything longer is not one. */
const MAX_SOURCE_LENGTH = 100;
/** `kbid=182346`, `kbid=Q182346`, `kbid=KB182346`. */
const KBID_VALUE = /^(?:q|kb)?([0-9]{1,7})$/i;
/** A base the build could have made: `/` or `/a/b/`; never `//host/` (protocol-relative) nor with `\`, `?`, `#`, `.` or `..` segments. */
const SAFE_BASE = /^\/(?:(?!\.\.?\/)[^/\\?#]+\/)*$/;

/**
 * Reads an old URL's path and query and names the article it meant, so the not-found and home pages can send
 * the visitor there instead of a dead end.
 * base: the site's URL prefix, '/' or '/kb/' (always starts and ends with '/'). pathname and search as in `location`.
 * The pathname is read relative to the base when it starts with it, and (when that names nothing) relative to the
 * site root too, since an operator may point a whole old host at the archive: under base `/kb/`, `/kb/kb/182346`
 * and `/kb/182346` both name 182346.
 */
export function resolveOldLink(pathname: string, search: string, base: string): OldLink | null {
  if (typeof pathname !== 'string' || typeof search !== 'string' || typeof base !== 'string') return null;
  if (!SAFE_BASE.test(base)) return null;
  if (pathname.length > MAX_LENGTH || !pathname.startsWith('/')) return null;
  // An over-long query is ignored rather than fatal: the path alone may still name an article.
  const query = search.length > MAX_LENGTH ? '' : search.startsWith('?') ? search.slice(1) : search;

  const fromBase = pathname.startsWith(base) ? readPath(pathname.slice(base.length), query, base) : null;
  return fromBase ?? (base === '/' ? null : readPath(pathname.slice(1), query, base));
}

/** One reading of the path (relative to the base or to the root). */
function readPath(rest: string, query: string, base: string): OldLink | null {
  if (EVENTS_ASP.test(rest)) return eventOf(query, base);
  const number = numberOf(rest, query);
  return number === null ? null : { kind: 'article', number, path: base + permalinkOf(`Q${number}`).slice(1) };
}

/**
 * `events.asp?EvtSrc=…&EvtID=…` (with `EvtType`, `CoName`, `ProdName`, `FileName`… ignored): the event's page, and
 * its source's section there. The ID is the whole of the target; the source is only shown and turned into a section
 * id of letters and digits.
 */
function eventOf(query: string, base: string): OldLink | null {
  const match = EVTID_VALUE.exec(param(query, 'evtid') ?? '');
  const id = match ? Number.parseInt(match[1]!, 10) : NaN;
  if (!(id >= 0 && id <= 65535)) return null;
  const source = decodeParam(param(query, 'evtsrc'));
  const key = source === null ? '' : eventSourceKey(source);
  return { kind: 'event', id, source, path: `${base}events/${id}/`, anchor: /^[a-z0-9]{1,100}$/.test(key) ? `src-${key}` : null };
}

/** A query value as text (`+` is a space), or null when absent, empty, too long or not valid percent-encoding. */
function decodeParam(raw: string | null): string | null {
  if (raw === null || raw === '') return null;
  try {
    const text = decodeURIComponent(raw.replace(/\+/g, ' ')).trim();
    return text === '' || text.length > MAX_SOURCE_LENGTH ? null : text;
  } catch {
    return null;
  }
}

/** The article number a path names, if any. */
function numberOf(rest: string, query: string): number | null {
  const pathForm = Q_FORM.exec(rest) ?? KB_FORM.exec(rest);
  if (pathForm) return parseNumber(pathForm[1]);
  if (DEFAULT_ASPX.test(rest)) {
    // Only `;` is decoded: `%2F` and the rest stay as they are, and the pattern admits neither `/` nor `%`.
    const scid = param(query, 'scid');
    const match = scid === null ? null : SCID_VALUE.exec(scid.replace(/%3b/gi, ';'));
    return match ? parseNumber(match[1]) : null;
  }
  if (rest === '' || rest === 'index.html') {
    const kbid = param(query, 'kbid');
    const match = kbid === null ? null : KBID_VALUE.exec(kbid);
    return match ? parseNumber(match[1]) : null;
  }
  return null;
}

/**
 * The raw (undecoded) value of a query parameter, the first one named so, as `URLSearchParams.get` would pick;
 * the name is matched in ASCII case only, so old links that wrote `KBID=` or `SCID=` still work.
 */
function param(query: string, name: 'scid' | 'kbid' | 'evtid' | 'evtsrc'): string | null {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    // ASCII case folding only: `toLowerCase` would fold the Kelvin sign into `k`.
    if (key.length === name.length && key.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32)) === name) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return null;
}

/** Leading zeros are allowed (old links padded), but the number is decimal and 0 names no article. */
function parseNumber(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const number = Number.parseInt(digits, 10);
  return Number.isSafeInteger(number) && number >= 1 && number <= MAX_NUMBER ? number : null;
}
