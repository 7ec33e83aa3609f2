/**
 * The article body, made navigable for every reader:
 * - each heading gets a copyable "§" link to itself (no JavaScript), and levels are repaired so the page's
 *   outline never skips one (axe `heading-order`: a body can open with a `-`-underlined h3 before any
 *   `=`-underlined h2); the list of headings feeds the "On this page" contents;
 * - each preformatted block can take keyboard focus, because a wide table scrolls inside its own box and a
 *   keyboard user must be able to scroll it too (axe `scrollable-region-focusable`).
 *
 * The body is HTML our own serializer wrote (scripts/parse): headings are exactly `<hN id="slug">…</hN>`, their
 * text already escaped, so a pattern over them is exact.
 */
import { raw, type SafeHtml } from './html.ts';

export interface BodyHeading {
  id: string;
  level: number;
  /** The heading's content without tags (still HTML-escaped, as the serializer wrote it). */
  label: SafeHtml;
}

const heading = /<h([2-6]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;

/**
 * @param html the article body as the serializer wrote it
 * @param parentLevel the level of the heading the body sits under on the page (1: the article's `h1`)
 */
export function layoutBody(html: string, parentLevel = 1): { html: string; headings: BodyHeading[] } {
  const headings: BodyHeading[] = [];
  let last = parentLevel;
  const out = html.replace(heading, (_, written: string, id: string, inner: string) => {
    const level = Math.min(Number(written), last + 1);
    last = level;
    headings.push({ id, level, label: raw(inner.replace(/<[^>]*>/g, '')) });
    return `<h${level} id="${id}">${inner}<a class="anchor" href="#${id}" aria-label="Link to this section">§</a></h${level}>`;
  });
  return { html: out.replace(/<pre(?=[\s>])/g, '<pre tabindex="0"'), headings };
}
