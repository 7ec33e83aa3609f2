/**
 * The part of an article's body that the full-text index holds (pagefind.ts): its first characters, flattened.
 * Cut in the per-article stage (pipeline/article.ts), on the worker threads, so the build keeps and caches ~2 KB
 * per article instead of the whole body text, and the index stage does no text work of its own.
 */

/** Characters of body text indexed per article, cut at a word boundary: SYMPTOMS and CAUSE come first in KB articles. */
export const SEARCH_BODY_CHARS = 2_000;

const flatten = (text: string) => text.replace(/[=_-]{3,}/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The first `max` characters of the text, heading underlines dropped, whitespace collapsed, cut at a word boundary.
 * Only a prefix is flattened (the regular expressions over every whole body cost seconds at full size): the
 * flattening is local, so a prefix that flattens to comfortably more than `max` gives the same start as the whole.
 */
export function leadText(text: string, max: number): string {
  const prefixLength = 2 * max + 64;
  let flat = flatten(text.length > prefixLength ? text.slice(0, prefixLength) : text);
  if (text.length > prefixLength && flat.length <= max + 16) flat = flatten(text);
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return flat.slice(0, cut > max * 0.8 ? cut : max);
}
