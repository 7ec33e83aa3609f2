/**
 * `Version(s):` → sorted `platform:version` / bare version strings (PRODUCT.md, the record table).
 *
 * Which line to read: the header was cut at 87 characters in the source (73 pages in the shared corpus,
 * e.g. `…WINDOWS NT:1.0,2.0,4.`) and drops the leading `:` of an empty platform that the footer keeps
 * (14,828 pages: `:5.0,6.0`). The footer line is always the header line, completed (FORMAT §2, §5;
 * 0 pages where it is anything else), so: read the footer when it extends the header, else the header.
 *
 * How a line reads (the FORMAT §2 variants and what each becomes):
 * - groups split on `;`, with or without a following space (88 pages);
 * - a group is `PLATFORM:items` or just `items`; `:items` (empty platform, 603 later groups and the
 *   footer's leading `:`) and the placeholders `N\A:`/`Platform:` (5 pages) mean no platform → bare items;
 * - `PLATFORM:` with nothing after it (1,443 pages) yields no version (the platform still counts in
 *   `platforms`, see platforms.ts);
 * - platform names are lower-cased with their whitespace tidied: `MS- DOS` → `ms-dos`, `WINDOWS NT` →
 *   `windows nt`; `WINDOWS|MACINTOS:1.0` (7 pages) names two platforms that share the items;
 * - a platform met inside a group (`windows:97, macintosh:1.0`, 15 pages) switches the platform;
 * - items split on `,` and on `|` columns (MSPL per-OS columns, 1,184 pages: kept as bare versions, since
 *   the contract emits a platform only when one is written);
 * - within an item, spaces separate versions (`5.1 6.0 6.0a` → 3 items) but a word stays with the
 *   version before it: `4.0 SP1`, `3.0 (all SP)`, `3.20 and later`, `1991 edition`, `for September 1993`
 *   are one item each. The rule: split only between two version-like tokens (starting with a digit, or one
 *   letter then a digit: `m7.00`).
 */
import { quote, silentReport, type NormaliseReport } from './report.ts';

export interface VersionGroup {
  /** Lower-cased, tidied platform as written (`windows`, `winnt`, `ms-dos`), or null for bare versions. */
  platform: string | null;
  /** The version items of this group, as written (whitespace collapsed). */
  items: string[];
}

/** Platform placeholders that mean "no platform" (`N\A:2.11`, `Platform:4.0`). */
const NO_PLATFORM = new Set(['n\\a', 'n/a', 'platform']);

/** A platform name as written → its key in `platform:version`; null for none/placeholders. */
export function platformKey(raw: string): string | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([-/])\s*/g, '$1');
  return key === '' || NO_PLATFORM.has(key) ? null : key;
}

/** A platform name must start with a letter: `4.0 5.0:Win95` (1 page) is not `PLATFORM:items`. */
const GROUP_PLATFORM = /^([A-Za-z][^:,;]*|)\s*:(.*)$/s;
/** A platform named inside the items: `macintosh:1.0`. */
const INNER_PLATFORM = /^([A-Za-z][A-Za-z0-9./\\-]*):(.*)$/;
const VERSION_LIKE = /^(?:\d|[A-Za-z]\d)/;

/** Split a platform that holds `|` columns (`WINDOWS|MACINTOS`) into its keys. */
function platformKeys(raw: string): (string | null)[] {
  const keys = raw.split('|').map(platformKey);
  return keys.length > 0 ? keys : [null];
}

/** Items of one comma/column piece: split between adjacent version-like tokens only. */
function itemsOfPiece(tokens: readonly string[]): string[] {
  const items: string[] = [];
  let previousWasVersion = false;
  for (const token of tokens) {
    const isVersion = VERSION_LIKE.test(token);
    if (items.length === 0 || (isVersion && previousWasVersion)) items.push(token);
    else items[items.length - 1] += ` ${token}`;
    previousWasVersion = isVersion;
  }
  return items;
}

/** One `;` group → one or more groups (a platform met inside the items starts a new one). */
function parseGroup(text: string): VersionGroup[] {
  const head = GROUP_PLATFORM.exec(text);
  let platforms: (string | null)[] = head?.[1] !== undefined ? platformKeys(head[1]) : [null];
  const rest = head?.[2] !== undefined ? head[2] : text;
  const out: VersionGroup[] = platforms.map((platform) => ({ platform, items: [] }));
  let current = out.slice();
  for (const piece of rest.split(/[,|]/)) {
    const tokens: string[] = [];
    const flush = () => {
      const items = itemsOfPiece(tokens);
      for (const group of current) group.items.push(...items);
      tokens.length = 0;
    };
    for (const token of piece.split(/\s+/).filter((t) => t !== '')) {
      const inner = INNER_PLATFORM.exec(token);
      if (inner?.[1] !== undefined && inner[2] !== undefined && !VERSION_LIKE.test(token)) {
        flush();
        platforms = platformKeys(inner[1]);
        current = platforms.map((platform) => ({ platform, items: [] }));
        out.push(...current);
        if (inner[2] !== '') tokens.push(inner[2]);
      } else {
        tokens.push(token);
      }
    }
    flush();
  }
  return out;
}

/** Parse one `Version(s)` value into its groups, in the order written. */
export function parseVersionGroups(value: string): VersionGroup[] {
  return value
    .split(';')
    .map((group) => group.trim())
    .filter((group) => group !== '')
    .flatMap(parseGroup);
}

/**
 * Choose the line to read: the footer `Version :` when it is the header line completed (or equal up to
 * the footer's leading `:`), otherwise the header.
 */
export function pickVersionsValue(
  header: string | undefined,
  footer: string | undefined,
  report: NormaliseReport = silentReport,
): string {
  const h = header?.trim() ?? '';
  const f = footer?.trim() ?? '';
  if (f === '') return h;
  const hBody = h.replace(/^:\s*/, '');
  const fBody = f.replace(/^:\s*/, '');
  // Equal up to the footer's leading `:` (14,828 pages, and 2,065 where both are empty: footer `:`).
  if (fBody === hBody) return f;
  if (h === '') {
    report.note('kb:versions-from-footer');
    return f;
  }
  if (fBody.startsWith(hBody)) {
    report.note('kb:versions-completed');
    return f;
  }
  report.warn(
    'kb:versions-mismatch',
    `Version(s): the header ${quote(h)} and the footer Version line ${quote(f)} disagree; the header is used. Correct whichever is wrong.`,
  );
  return h;
}

/** Flatten groups into the record's sorted, unique `platform:version` / bare version strings. */
export function versionStrings(groups: readonly VersionGroup[]): string[] {
  const out = new Set<string>();
  for (const { platform, items } of groups) {
    for (const item of items) out.add(platform === null ? item : `${platform}:${item}`);
  }
  // Plain code-unit order: stable across locales, and what PRODUCT.md's example shows.
  return [...out].sort();
}

/** `WINDOWS:97; winnt:4.0` → `["windows:97", "winnt:4.0"]`; a cut header completed from the footer. */
export function normaliseVersions(
  header: string | undefined,
  footer: string | undefined,
  report: NormaliseReport = silentReport,
): string[] {
  return versionStrings(parseVersionGroups(pickVersionsValue(header, footer, report)));
}
