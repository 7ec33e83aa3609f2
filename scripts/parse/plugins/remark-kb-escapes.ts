/** Decodes the generator's `<A0>`-style escapes in displayed text (see `escapes.ts` for which and why). */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { decodeEscapes, hasEscapes } from '../escapes.ts';
import { countRule } from '../rules.ts';
import { visitText } from '../walk.ts';

export const remarkKbEscapes: Plugin<[], Root> = function () {
  return (tree, file) => {
    // 175 of 59,132 articles have any: one scan of the document saves a tree walk in the rest.
    if (!hasEscapes(String(file.value))) return;
    visitText(tree, (node) => {
      const { text, count } = decodeEscapes(node.value);
      if (count > 0) {
        node.value = text;
        countRule(file, 'escape.decoded', count);
      }
      return undefined;
    });
  };
};
