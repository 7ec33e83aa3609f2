/**
 * How a normaliser reports what it did without throwing: problems become warnings (Diagnostics,
 * with a stable rule id), repairs that the reader never needs to hear about become rule counts
 * (the `RuleCounts` of types.ts, summed by scripts/normalise/measure.ts).
 */
import type { Diagnostic, RuleCounts } from '../types.ts';

export interface NormaliseReport {
  /** A bad value: the field falls back to null/[] (or a safe default) and this becomes a warning. */
  warn(rule: string, message: string): void;
  /** A rule that fired without losing anything (a repair, a chosen source): counted, not shown. */
  note(rule: string, times?: number): void;
}

/** A report that drops everything: the default, so every normaliser can be called with just its values. */
export const silentReport: NormaliseReport = {
  warn() {},
  note() {},
};

/** A report that collects warnings as Diagnostics for one file, and counts notes and warnings by rule. */
export interface CollectingReport extends NormaliseReport {
  readonly diagnostics: Diagnostic[];
  readonly rules: RuleCounts;
}

export function collectingReport(file: string): CollectingReport {
  const diagnostics: Diagnostic[] = [];
  const rules: RuleCounts = {};
  const count = (rule: string, times: number) => {
    rules[rule] = (rules[rule] ?? 0) + times;
  };
  return {
    diagnostics,
    rules,
    warn(rule, message) {
      diagnostics.push({ file, severity: 'warning', rule, message });
      count(rule, 1);
    },
    note(rule, times = 1) {
      if (times > 0) count(rule, times);
    },
  };
}

/** Quote a value for a message, shortened so one bad field cannot flood the build summary. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(short);
}
