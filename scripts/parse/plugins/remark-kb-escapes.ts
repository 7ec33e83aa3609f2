/** Decodes the generator's `<A0>`-style escapes in displayed text (see `escapes.ts` for which and why). */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { decodeEscapes } from '../escapes.ts';
import { countRule } from '../rules.ts';
import { visitText } from '../walk.ts';

export const remarkKbEscapes: Plugin<[], Root> = function () {
  return (tree, file) => {
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
