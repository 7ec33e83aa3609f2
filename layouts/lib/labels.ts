/** Words for the codes the records use, shared by article, listing and index pages. */

/** `articleType` → what readers call it. */
export const typeLabels: Record<string, string> = {
  bug: 'Bug', fix: 'Fix', prb: 'Problem', info: 'Information', howto: 'How-to', doc: 'Documentation',
  sample: 'Sample', errmsg: 'Error message', other: 'Article',
};

/** `ErrorCodeRef.kind` → what readers call it. */
export const kindLabels: Record<string, string> = {
  hresult: 'HRESULT', ntstatus: 'NTSTATUS', stop: 'STOP (bug check) code', win32: 'Error number', tool: 'Compiler/tool error',
  hex: 'Hex code', runtime: 'Run-time error', net: 'System message',
};

export const typeLabel = (type: string): string => typeLabels[type] ?? type;
export const kindLabel = (kind: string): string => kindLabels[kind] ?? kind;

/** `1 article`, `2,345 articles`. */
export function count(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : nouns}`;
}
