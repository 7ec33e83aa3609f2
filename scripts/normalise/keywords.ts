/**
 * Keywords: header `Keyword(s):` ∪ footer `Keywords :`, split on whitespace, `,` and `|`, deduplicated
 * case-insensitively keeping the first spelling, in order of first appearance (PRODUCT.md).
 *
 * The header was built from a source line cut at 87 characters, and lost spaces on the way: in the shared
 * corpus 1,385 headers end in a cut token (`… kbWndwMsg kb`), 2,349 have glued tokens (`kbusagekbfaq`,
 * footer `kbusage kbfaq`) and 31 have both; the footer is always complete (52,087 headers equal it).
 * A header token the footer does not have is therefore read as footer tokens glued together, the last
 * one possibly cut (only for the header's last token, where the cut happens); a token that cannot be
 * read so is kept as written (never happens in the corpus, but a keyword is never invented or lost).
 *
 * MSPL keywords (`ENDUSER | SR# S891010-116 B_QuickBas | mspl13_basic`: audience | tags | source, FORMAT
 * §2) are split the same way; every token is a keyword (`ENDUSER`, `B_QuickBas`, `mspl13_basic`, which
 * the product family needs) except support-request ids, which name a customer call, not a topic:
 * `SR#` with the id after it (682 pages) and `TAR55548`-style tracking numbers (45 pages).
 */
import { silentReport, type NormaliseReport } from './report.ts';

const SEPARATORS = /[\s,|]+/;
const TRACKING_ID = /^TAR\d+$/i;

/** Split a keyword value into tokens, dropping support-request ids (`SR# S891010-116`, `TAR55548`). */
export function splitKeywords(value: string | undefined): string[] {
  const tokens = (value ?? '').split(SEPARATORS).filter((t) => t !== '');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (/^SR#/i.test(token)) {
      // `SR#` alone is followed by the id; `SR#S891010-116` (glued) carries it.
      if (token.length <= 3 && /\d/.test(tokens[i + 1] ?? '')) i++;
      continue;
    }
    if (TRACKING_ID.test(token)) continue;
    out.push(token);
  }
  return out;
}

/** Append unless already present case-insensitively (the first spelling wins). */
function addUnique(out: string[], seen: Set<string>, token: string): void {
  const key = token.toLowerCase();
  if (seen.has(key)) return;
  seen.add(key);
  out.push(token);
}

/** One keyword found inside a glued or cut header token. */
interface Piece {
  /** A lower-case footer key, or the cut prefix of one. */
  key: string;
  cut: boolean;
}

/**
 * Read `token` as footer keywords glued together; the last piece may be a cut prefix when `allowCut`.
 * Returns the fewest pieces, or null when it cannot be read so.
 */
function segment(token: string, footerKeys: ReadonlySet<string>, allowCut: boolean): Piece[] | null {
  const text = token.toLowerCase();
  const n = text.length;
  // A piece is never longer than the longest footer keyword: only those lengths are tried, and each position keeps
  // its best split as a count and a link, not a copied array. Both made a damaged 8,000-character header token
  // take half a minute (issue #6); this is linear in the token for a given footer.
  let longest = 0;
  for (const key of footerKeys) longest = Math.max(longest, key.length);
  // count[i]: the fewest pieces that spell text.slice(i) (Infinity: none); next[i]: where the first piece ends.
  const count = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  const cut = new Array<boolean>(n + 1).fill(false);
  count[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= Math.min(n, i + longest); j++) {
      if (count[j]! + 1 < count[i]! && footerKeys.has(text.slice(i, j))) {
        count[i] = count[j]! + 1;
        next[i] = j;
      }
    }
    if (allowCut && count[i] === Infinity && n - i <= longest) {
      const piece = text.slice(i);
      for (const key of footerKeys) {
        if (key.startsWith(piece)) {
          count[i] = 1;
          next[i] = n;
          cut[i] = true;
          break;
        }
      }
    }
  }
  if (count[0] === Infinity) return null;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i = next[i]!) pieces.push({ key: text.slice(i, next[i]!), cut: cut[i]! });
  return pieces;
}

/** Union of header and footer keywords, with cut and glued header tokens repaired from the footer. */
export function normaliseKeywords(
  header: string | undefined,
  footer: string | undefined,
  report: NormaliseReport = silentReport,
): string[] {
  const headerTokens = splitKeywords(header);
  const footerTokens = splitKeywords(footer);
  const footerByKey = new Map<string, string>();
  for (const token of footerTokens) if (!footerByKey.has(token.toLowerCase())) footerByKey.set(token.toLowerCase(), token);
  const footerKeys = new Set(footerByKey.keys());

  const out: string[] = [];
  const seen = new Set<string>();
  headerTokens.forEach((token, index) => {
    if (footerKeys.size === 0 || footerKeys.has(token.toLowerCase())) {
      addUnique(out, seen, token);
      return;
    }
    const pieces = segment(token, footerKeys, index === headerTokens.length - 1);
    if (pieces === null) {
      report.note('kb:keyword-header-only');
      addUnique(out, seen, token);
      return;
    }
    report.note(pieces.some((p) => p.cut) ? 'kb:keyword-cut-repaired' : 'kb:keyword-glued-repaired');
    for (const piece of pieces) {
      if (piece.cut) {
        // A cut prefix: complete it to the next footer keyword with that prefix not yet listed
        // (header and footer list keywords in the same order, so this is the one that was cut).
        const prefix = piece.key;
        const match = footerTokens.find((t) => t.toLowerCase().startsWith(prefix) && !seen.has(t.toLowerCase()));
        if (match !== undefined) addUnique(out, seen, match);
      } else {
        addUnique(out, seen, footerByKey.get(piece.key) ?? piece.key);
      }
    }
  });
  for (const token of footerTokens) addUnique(out, seen, token);
  return out;
}
