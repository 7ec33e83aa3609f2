/**
 * remark-rehype handlers for the KB node types. `kbPre` needs its own: the default text handler trims
 * spaces at line ends and starts (`trimLines`), which would flatten every table, box and code sample.
 */
import type { Element, ElementContent } from 'hast';
import type { Handler, Handlers, State } from 'mdast-util-to-hast';
import type { KbPre } from '../kb-nodes.ts';

function kbPre(state: State, node: KbPre): Element {
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'text') children.push({ type: 'text', value: child.value });
    else {
      const result = state.one(child, node);
      if (Array.isArray(result)) children.push(...result);
      else if (result) children.push(result);
    }
  }
  const element: Element = { type: 'element', tagName: 'pre', properties: { dataLayout: node.layout }, children };
  state.patch(node, element);
  return element;
}

export const kbHastHandlers: Partial<Handlers> = { kbPre: kbPre as Handler };
