/** Gives every heading a unique `id` anchor and records the section names, in order, on `file.data.kb.sections`. */
import type { Heading, Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { kbData } from '../rules.ts';
import { slugger } from '../slug.ts';
import { textOf } from '../walk.ts';

export const remarkKbHeadings: Plugin<[], Root> = function () {
  return (tree, file) => {
    const data = kbData(file);
    const slug = slugger();
    const visit = (node: Nodes): void => {
      if (node.type === 'heading') {
        const text = textOf(node);
        data.sections.push(text);
        const heading: Heading = node;
        heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: slug(text) } };
        return;
      }
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(tree);
  };
};
