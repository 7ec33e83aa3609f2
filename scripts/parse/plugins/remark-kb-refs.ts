/** Turns KB citations in body text into `kbRef` nodes (`<a data-kbref="Q…">`); a citation of the article
 *  itself (93 pages cite themselves) stays text. */
import type { PhrasingContent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { findCitations } from '../kbrefs.ts';
import { countRule, kbData } from '../rules.ts';
import { visitText } from '../walk.ts';

export const remarkKbRefs: Plugin<[], Root> = function () {
  return (tree, file) => {
    const self = kbData(file).selfId;
    visitText(tree, (node) => {
      const citations = findCitations(node.value);
      if (citations.length === 0) return undefined;
      const out: PhrasingContent[] = [];
      let at = 0;
      for (const citation of citations) {
        if (citation.id === self) {
          countRule(file, 'kbref.self');
          continue;
        }
        if (citation.index > at) out.push({ type: 'text', value: node.value.slice(at, citation.index) });
        out.push({
          type: 'kbRef',
          id: citation.id,
          children: [{ type: 'text', value: citation.text }],
          data: { hName: 'a', hProperties: { dataKbref: citation.id } },
        });
        at = citation.index + citation.text.length;
        countRule(file, citation.text.startsWith('/') ? 'kbref.url' : 'kbref');
      }
      if (at === 0) return undefined;
      if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
      return out;
    });
  };
};
