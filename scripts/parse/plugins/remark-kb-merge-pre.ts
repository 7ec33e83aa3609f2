/**
 * Joins a table or code sample that blank lines cut into several blocks (column-0 table rows separated by
 * blank lines, code with blank lines between functions) back into one `<pre>`: adjacent `kbPre` siblings of
 * the same layout and indentation with only blank lines between them. A piece whose second line is a rule is
 * a new table (its own header row), so it stays apart.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { KbPre } from '../kb-nodes.ts';
import { countRule } from '../rules.ts';

const MERGED_LAYOUTS = new Set(['table', 'code']);
/** At most this many blank lines between the pieces. */
const MAX_BLANK_LINES = 2;

export const remarkKbMergePre: Plugin<[], Root> = function () {
  return (tree, file) => {
    const visit = (node: Nodes): void => {
      if (!('children' in node)) return;
      const children = node.children as RootContent[];
      for (let i = children.length - 1; i > 0; i--) {
        const prev = children[i - 1]!;
        const next = children[i]!;
        if (prev.type !== 'kbPre' || next.type !== 'kbPre' || prev.layout !== next.layout) continue;
        if (!MERGED_LAYOUTS.has(prev.layout) || prev.indent !== next.indent || next.opensTable) continue;
        const gap = lineGap(prev, next);
        if (gap < 0 || gap > MAX_BLANK_LINES) continue;
        prev.children.push({ type: 'text', value: '\n'.repeat(gap + 1) }, ...next.children);
        if (prev.position && next.position) prev.position.end = next.position.end;
        children.splice(i, 1);
        countRule(file, `pre.${prev.layout}.merged`);
      }
      for (const child of children) visit(child);
    };
    visit(tree);
  };
};

function lineGap(prev: KbPre, next: KbPre): number {
  if (!prev.position || !next.position) return -1;
  return next.position.start.line - prev.position.end.line - 1;
}
