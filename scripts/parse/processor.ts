/**
 * The one frozen unified processor every article goes through: the KB parser, small transformers
 * (one job each), then remark-rehype and rehype-stringify. Frozen once and reused: building a processor
 * per article would cost more than parsing it.
 *
 * No `allowDangerousHtml`: article text only ever becomes text nodes, so `<script>` or `<!--` in an article
 * is shown, escaped, never run.
 */
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { kbHastHandlers } from './plugins/hast-handlers.ts';
import { remarkKbEscapes } from './plugins/remark-kb-escapes.ts';
import { remarkKbMergePre } from './plugins/remark-kb-merge-pre.ts';
import { remarkKbHeadings } from './plugins/remark-kb-headings.ts';
import { remarkKbParse } from './plugins/remark-kb-parse.ts';
import { remarkKbRefs } from './plugins/remark-kb-refs.ts';

export const kbProcessor = unified()
  .use(remarkKbParse)
  .use(remarkKbMergePre)
  .use(remarkKbEscapes)
  .use(remarkKbRefs)
  .use(remarkKbHeadings)
  .use(remarkRehype, { handlers: kbHastHandlers })
  .use(rehypeStringify)
  .freeze();
