/**
 * Citations across the archive: which cited articles exist, and the exact inverse ("cited by").
 */
import type { ArticleRecord } from '../types.ts';

export interface Citations {
  /** For each article id: the articles that cite it, sorted. */
  citedBy: Map<string, string[]>;
  found: Map<string, string[]>;
  missing: Map<string, string[]>;
  /** Totals for the summary. */
  resolved: number;
  unresolved: number;
}

export function linkCitations(records: ArticleRecord[], exists: (id: string) => boolean): Citations {
  const citedBy = new Map<string, string[]>();
  const found = new Map<string, string[]>();
  const missing = new Map<string, string[]>();
  let resolved = 0;
  let unresolved = 0;
  for (const record of records) {
    const yes: string[] = [];
    const no: string[] = [];
    for (const ref of record.references) {
      if (ref === record.id) continue;
      if (exists(ref)) {
        yes.push(ref);
        const list = citedBy.get(ref);
        if (list) list.push(record.id);
        else citedBy.set(ref, [record.id]);
      } else no.push(ref);
    }
    resolved += yes.length;
    unresolved += no.length;
    found.set(record.id, yes);
    missing.set(record.id, no);
  }
  for (const list of citedBy.values()) list.sort(compareIds);
  return { citedBy, found, missing, resolved, unresolved };
}

/** Article ids sort by number, not as strings (`Q99999` before `Q100000`). */
export function compareIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b, 'en');
}

/** The kbarchive folder of an id: the number zero-padded to 6 digits, first 3 (`Q182346` → `182`, `Q10022` → `010`). */
export function folderOf(id: string): string {
  return id.slice(1).padStart(6, '0').slice(0, 3);
}

/** The kbarchive permalink of an article id: `Q182346` → `/kb/182/Q182346/`. */
export function permalinkOf(id: string): string {
  return `/kb/${folderOf(id)}/${id}/`;
}
