/**
 * Diagnostics, aggregated the way Pagefind does it: counts by rule, the first few named in the log,
 * the full list in a report file. Nothing is lost silently.
 */
import type { Diagnostic } from '../types.ts';
import { formatCount, plural } from './progress.ts';

export interface DiagnosticSummary {
  warnings: number;
  rejected: number;
  byRule: Record<string, number>;
}

export function summariseDiagnostics(diagnostics: Diagnostic[]): DiagnosticSummary {
  const byRule: Record<string, number> = {};
  let warnings = 0;
  let rejected = 0;
  for (const d of diagnostics) {
    byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
    if (d.severity === 'rejected') rejected++;
    else warnings++;
  }
  return { warnings, rejected, byRule: Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => a.localeCompare(b))) };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  return `${where}: ${d.message} [${d.rule}]`;
}

/** Lines for the closing summary: every rejected file (up to `limit`), then warnings by rule with examples. */
export function describeDiagnostics(diagnostics: Diagnostic[], limit = 20): string[] {
  const lines: string[] = [];
  const rejected = diagnostics.filter((d) => d.severity === 'rejected');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (rejected.length > 0) {
    lines.push(`${plural(new Set(rejected.map((d) => d.file)).size, 'file')} rejected:`);
    for (const d of rejected.slice(0, limit)) lines.push(`  ✗ ${formatDiagnostic(d)}`);
    if (rejected.length > limit) lines.push(`  … and ${formatCount(rejected.length - limit)} more (see the report file)`);
  }
  if (warnings.length > 0) {
    lines.push(`${plural(warnings.length, 'warning')}:`);
    const byRule = new Map<string, Diagnostic[]>();
    for (const d of warnings) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
    for (const [rule, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${rule}: ${formatCount(list.length)}`);
      for (const d of list.slice(0, 3)) lines.push(`    ! ${formatDiagnostic(d)}`);
      if (list.length > 3) lines.push(`    … and ${formatCount(list.length - 3)} more`);
    }
  }
  return lines;
}
