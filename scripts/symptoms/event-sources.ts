/**
 * Event sources: one key per source however the articles spell it, and the canonical spelling of the common ones.
 *
 * Corpus measure (labels `Source:` / `Event Source:` across 59,132 articles): ~250 distinct sources, spelled
 * inconsistently — `MSExchangeMTA`, `MSexchangeDS`, `MsExchangeMTA`, `MSEXchangeMTA`, `NETLOGON`/`Netlogon`,
 * `Srv`/`SRV`, `ESE97`/`Ese97`, `DHCPSERVER`/`DhcpServer`, `MS Exchange MTA`. Comparing case- and space-blind
 * merges them.
 */

/** The key: lower-case letters and digits only, so `MS Exchange MTA`, `MSExchangeMTA`, `MsExchangeMTA` are one. */
export function eventSourceKey(source: string): string {
  const key = source.toLowerCase().replace(/[^a-z0-9]+/g, '');
  // A source with no ASCII letter or digit (never seen in the corpus) still needs a non-empty, stable key.
  return key !== '' ? key : encodeURIComponent(source.trim().toLowerCase()).toLowerCase() || 'unknown';
}

/** URL-safe slug for `/events/sources/<slug>/`: the key itself, so every spelling of a source shares one page. */
export function eventSourceSlug(source: string): string {
  return eventSourceKey(source).replace(/%/g, '').replace(/[^a-z0-9-]/g, '') || 'unknown';
}

/**
 * Canonical spellings of the sources that label at least ~4 event blocks in the corpus (counts are `Source:` label
 * lines, case-blind). Used for two things: to print one spelling per source (`MSexchangeDS` → `MSExchangeDS`), and
 * as the only names trusted when a source is named in prose (`MSExchangeMTA Event ID 248`, `NETLOGON event 5719`):
 * prose has no label, so an unknown word before "event" is not taken as a source (a wrong source is worse than none).
 * Ambiguous English words that are also sources (`Server` 4, `Security` 10, `Print` 4, `Browser` 4) are marked
 * `labelOnly`: they are accepted only from a `Source:` label.
 */
const KNOWN: ReadonlyArray<readonly [name: string, labelOnly?: boolean]> = [
  ['MSExchangeMTA'], // 212
  ['Service Control Manager'], // 144
  ['SNA Server'], // 106
  ['MSExchangeIS'], // 85
  ['MSExchangeIMC'], // 80
  ['MSExchangeDS'], // 74
  ['MSExchangeIS Private'], // 66
  ['ESE97'], // 63
  ['MSExchangeMig'], // 52
  ['NETLOGON'], // 27
  ['MSExchangeSA'], // 27
  ['MSExchangeIS Public'], // 27
  ['MSExchangeMSMI'], // 25
  ['DNS'], // 25
  ['Router'], // 24
  ['DrWatson'], // 24
  ['W3SVC'], // 21
  ['Srv'], // 21
  ['MSExchangeES'], // 19
  ['WINS'], // 18
  ['RemoteAccess'], // 18
  ['EDB'], // 18
  ['COMTI'], // 18
  ['ClusSvc'], // 17
  ['WLBS'], // 16
  ['TN3270 Server'], // 16
  ['SNA Host Security'], // 16
  ['Perflib'], // 15
  ['MSExchangeDX'], // 15
  ['SNA Base Service'], // 14
  ['MSExchangeDSImp'], // 13
  ['Replicator'], // 12
  ['Serial', true], // 11
  ['DhcpServer'], // 11
  ['Security', true], // 10
  ['MSExchangeCCMC'], // 10
  ['MSExchangeKMS'], // 9
  ['DCOM'], // 9
  ['MSExchangePOP3'], // 8
  ['MSExchangeFB'], // 8
  ['MSExchange IMAP4'], // 8
  ['Transaction Server'], // 7
  ['NetBT'], // 7
  ['SNA TN5250 Server'], // 6
  ['MSExchangeDSAccess'], // 6
  ['MSExchangeCalCon'], // 6
  ['Userenv'], // 5
  ['MSExchangeGWRtr'], // 5
  ['MSExchangeGWISE'], // 5
  ['MSExchangeNOTES'], // 5
  ['MSExchange NNTP'], // 5
  ['Server', true], // 4
  ['Print', true], // 4
  ['Browser', true], // 4
  ['DHCP'], // 4
  ['LicenseService'], // 4
  ['MSExchangeMCA'], // 4
  ['MSExchangeDSExp'], // 4
  ['MSExchangeMIGDS'], // 4
  ['Perfctrs'], // 4
  ['Workstation', true], // 3
  ['TermServLicensing'], // 3
  ['MacFile'], // 3
  ['MSExchangeAdmin'], // 3
  ['MSADC'], // 3
  ['CertSvc'], // 3
  ['Rdr'], // 3
  ['FTDISK'], // 3
  ['Autochk'], // 2
  ['Schannel'], // 2
  ['MSDTC'], // 2
  ['TermService'], // 2
  ['SnaBase'], // 2
  ['MsiInstaller'],
  ['EventLog'],
  ['Application Popup'],
  ['Active Server Pages'],
];

const CANONICAL = new Map<string, string>(KNOWN.map(([name]) => [eventSourceKey(name), name]));
const PROSE_TRUSTED = new Set<string>(KNOWN.filter(([, labelOnly]) => !labelOnly).map(([name]) => eventSourceKey(name)));

/** The canonical spelling when the source is a known one, else the text as written (trimmed). */
export function canonicalEventSource(source: string): string {
  return CANONICAL.get(eventSourceKey(source)) ?? source.trim();
}

/** True when `word` names a source trusted in prose (no label): a known non-ambiguous source or any `MSExchange…`. */
export function isProseEventSource(word: string): boolean {
  const key = eventSourceKey(word);
  return PROSE_TRUSTED.has(key) || /^msexchange[a-z0-9]+$/.test(key);
}

/**
 * The multi-word and single-word names trusted in prose, longest first, as a regex alternation (for "X Event ID N").
 * `MSExchange\w+` covers the ~40 Exchange sources not listed individually.
 */
export const PROSE_SOURCE_PATTERN: string = [
  ...KNOWN.filter(([, labelOnly]) => !labelOnly)
    .map(([name]) => name)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')),
  'MSExchange\\w+',
].join('|');

/** Event IDs are 16-bit (the low word of the event code): anything above is not an ID (`events 214992`). */
export const MAX_EVENT_ID = 65535;

/** Where a labelled source value ends: a column gap, a comma, a bracket or the next label on the line. */
const VALUE_END = /\s{2,}|\t|[,;(]|\s+(?:Event\s*ID|Event\s+Type|Event\s+Category|Event|Type|Category|Description|Date|Time|User|Computer|ID|Error|Warning|Information|Details)\s*[:=]|\.(?:\s|$)/i;
/** Trailing event type glued onto a one-line source (`Source: Service Control Manager Error`: 4 lines). */
const TRAILING_TYPE = /\s+(?:Error|Warning|Information)\s*$/i;

/** Cleans a labelled source value; null when it does not look like a source name (placeholder, sentence, empty). */
export function cleanSource(raw: string): string | null {
  // `Dr. Watson` (DrWatson, 26 sources) would otherwise end at its full stop.
  // A source name is at most 40 characters; a longer value is refused below, so 200 is plenty and keeps a
  // damaged line of megabytes from being scanned again for every match on it.
  // `Source:NetLogonType: Error`: the next label glued on where a column layout lost its spaces.
  let value = raw.slice(0, 200).replace(/\bDr\.\s?Watson/i, 'DrWatson').replace(/(?<=[a-z])(?:Type|Category|Description)\s*:.*$/, '').split(VALUE_END)[0]!.trim().replace(/^["'[]+|["'\]:.]+$/g, '').trim();
  const withoutType = value.replace(TRAILING_TYPE, '');
  if (withoutType !== value && withoutType !== '') value = withoutType;
  // `<Protocol>` placeholders, sentences (`IPXRIP logs with the following`) and junk are not names.
  if (value === '' || /[<>]/.test(value) || value.length > 40 || value.split(/\s+/).length > 4) return null;
  if (!/^[A-Za-z_]/.test(value) || /^(?:the|a|an|this|that|is|none|n\/a)\b/i.test(value)) return null;
  return canonicalEventSource(value);
}
