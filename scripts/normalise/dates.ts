/**
 * `Last Modified:` → ISO date. The corpus writes `DD-MON-YYYY` with an upper-case English month
 * (KB 1997–2002; MSPL 1988–1991, 762 of them with a 1-digit day such as `9-AUG-1989`, FORMAT §2).
 * Nothing else occurs, so anything else is reported rather than guessed.
 */
import { quote, silentReport, type NormaliseReport } from './report.ts';

const MONTHS: Record<string, number> = {
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12,
};

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC, so no time-zone surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `07-SEP-2001` → `2001-09-07`; `9-AUG-1989` → `1989-08-09`; anything invalid → null and a warning. */
export function normaliseDate(value: string | undefined, report: NormaliseReport = silentReport): string | null {
  const text = value?.trim() ?? '';
  if (text === '') {
    report.warn('kb:date-missing', 'Last Modified: the header has no date; lastModified is null and the article is listed under "date unknown". Add a `Last Modified: DD-MON-YYYY` line to the header.');
    return null;
  }
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(text);
  const month = m?.[2] === undefined ? undefined : MONTHS[m[2].toUpperCase()];
  if (!m || month === undefined) {
    report.warn('kb:date-invalid', `Last Modified: ${quote(text)} is not a DD-MON-YYYY date (e.g. 07-SEP-2001); lastModified is null.`);
    return null;
  }
  const day = Number(m[1]);
  const year = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    report.warn('kb:date-invalid', `Last Modified: ${quote(text)} names a day the month does not have; lastModified is null. Correct the date.`);
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The year of an ISO date, or null. */
export function yearOf(isoDate: string | null): number | null {
  return isoDate === null ? null : Number(isoDate.slice(0, 4));
}
