/**
 * Footer fields: `Issue type`, `Solution Type`, `Technology` (FORMAT §5).
 *
 * Issue type (shared corpus): kbbug 12,835, kbprb 10,289, kbinfo 5,399, kbhowto 3,995; 259 pages list two
 * or more (`kbhowto kbinfo` 132, `kbbug kbprb` 45 …); a few carry a product keyword (`kbhostintegserv2000`,
 * 6) or a junk test token (`kbchackingthereallylong…`, 3). The record keeps one value: the first known
 * issue type as written, since the writers put the main one first (`kbhowto kbinfo`: a how-to). Unknown
 * tokens are skipped; a value with no known type at all gives null and a warning.
 * Solution Type: kbfix 8,702, kbpending 2,329, kbnofix 1,085, 23 multi-valued: same rule.
 */
import { quote, silentReport, type NormaliseReport } from './report.ts';

const ISSUE_TYPES = new Set(['kbbug', 'kbprb', 'kbinfo', 'kbhowto']);
const SOLUTION_TYPES = new Set(['kbfix', 'kbpending', 'kbnofix']);

function firstKnown(
  field: string,
  value: string | undefined,
  known: ReadonlySet<string>,
  report: NormaliseReport,
): string | null {
  const tokens = (value ?? '').split(/[\s,;|]+/).filter((t) => t !== '');
  if (tokens.length === 0) return null;
  const found = tokens.filter((t) => known.has(t.toLowerCase()));
  if (found.length > 1) report.note(`kb:${field}-multiple`);
  if (found.length < tokens.length) report.note(`kb:${field}-unknown-token`, tokens.length - found.length);
  const first = found[0];
  if (first === undefined) {
    report.warn(`kb:${field}-unknown`, `${field === 'issue-type' ? 'Issue type' : 'Solution Type'}: ${quote(value)} names no known type (${[...known].join(', ')}); it is null.`);
    return null;
  }
  return first.toLowerCase();
}

/** Footer `Issue type :` → `kbprb`, or null when absent/empty. */
export function normaliseIssueType(value: string | undefined, report: NormaliseReport = silentReport): string | null {
  return firstKnown('issue-type', value, ISSUE_TYPES, report);
}

/** Footer `Solution Type :` → `kbfix`, or null when absent/empty. */
export function normaliseSolutionType(value: string | undefined, report: NormaliseReport = silentReport): string | null {
  return firstKnown('solution-type', value, SOLUTION_TYPES, report);
}

/** Footer `Technology :` → its items (whitespace-separated tokens, duplicates dropped case-insensitively). */
export function normaliseTechnology(value: string | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const token of (value ?? '').split(/[\s,|]+/)) {
    if (token === '' || seen.has(token.toLowerCase())) continue;
    seen.add(token.toLowerCase());
    out.push(token);
  }
  return out;
}
