/** A minimal text-node visitor for the transformer plugins (no extra dependency). */
import type { Nodes, Parent, PhrasingContent, Text } from 'mdast';

/** What a visitor may return: nothing (keep), or the nodes that replace the text node. */
export type TextVisitor = (node: Text, parent: Parent) => PhrasingContent[] | undefined;

/** Calls `visit` on every text node under `tree`, except inside KB citations (already final). */
export function visitText(tree: Nodes, visit: TextVisitor): void {
  if (!('children' in tree) || tree.type === 'kbRef') return;
  const children = tree.children as Nodes[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === 'text') {
      const replacement = visit(child, tree);
      if (replacement) {
        children.splice(index, 1, ...(replacement as Nodes[]));
        index += replacement.length - 1;
      }
    } else visitText(child, visit);
  }
}

/** The text content of a node (for section names). */
export function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (!('children' in node)) return '';
  let out = '';
  for (const child of node.children as Nodes[]) out += textOf(child);
  return out;
}
