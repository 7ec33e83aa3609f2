/** Rule counting: every recogniser decision increments a named counter on `file.data.kb.rules`. */
import type { VFile } from 'vfile';
import type { KbFileData } from './kb-nodes.ts';

/** Returns the file's KB data, creating an empty record the first time. */
export function kbData(file: VFile): KbFileData {
  let data = file.data.kb;
  if (!data) {
    data = {
      selfId: file.data.kbFolderId ?? null,
      raw: { header: {}, footer: {}, appliesTo: [], queryWords: null },
      sections: [],
      bodyText: '',
      rules: {},
    };
    file.data.kb = data;
  }
  return data;
}

/** Counts one firing of `rule` (`heading.equals`, `pre.table`, …). */
export function countRule(file: VFile, rule: string, by = 1): void {
  const rules = kbData(file).rules;
  rules[rule] = (rules[rule] ?? 0) + by;
}
