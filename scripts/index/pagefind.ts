/**
 * The full-text index: Pagefind 1.6 through its Node API, built in parts that the browser merges (`mergeIndex`).
 *
 * Why parts, and why not the whole text (shared/bench/README.md): one index over all 60k full texts took 207 s
 * and 8.5 GiB in Pagefind's Rust child, ~47 bytes of RSS per byte of text, all of it held until `writeFiles`.
 * So each part holds at most `partSize` articles and is closed (its child process ends, its memory is returned)
 * before the next starts; and each article contributes what people search by — title, symptoms, error messages,
 * applies-to, query words, keywords, headings — plus the first `bodyChars` characters of its body (SYMPTOMS and
 * CAUSE come first in KB articles), not the whole text.
 */
import * as pagefind from 'pagefind';
import { escapeHtml } from '../../layouts/lib/html.ts';
import { eventSourceKey } from '../symptoms/event-sources.ts';
import type { LinkedArticle } from '../types.ts';

export interface PagefindOptions {
  /** Articles per index part; each part's Rust child is closed before the next starts. Default: 10,000 (~0.7 GiB:
   *  15,000 measured 1.1 GiB in the child, which with the build's own 2.6 GiB at 59k articles passed the 4 GiB budget). */
  partSize?: number;
  /** Characters of body text indexed per article, cut at a word boundary. Default: 2,000. */
  bodyChars?: number;
  /** `addHTMLFile` calls in flight: the child parses while Node prepares the next. Default: 16. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Writes one file of the site (`/search/pagefind/1/pagefind.js`); the build's OutputFolder, which claims it. */
export type WriteSiteFile = (sitePath: string, content: string | Uint8Array) => Promise<void>;

export interface SearchDocument {
  article: LinkedArticle;
  bodyText: string;
}

export interface PagefindResult {
  /** Site paths of the parts' bundles (`/search/pagefind/1/`), the first one primary. */
  parts: string[];
  pages: number;
}

/** Pagefind's own UIs and the language-less wasm: we ship our own UI and force English. */
const UNUSED = /^(?:pagefind-(?:component-|modular-)?ui\.(?:js|css)|pagefind-highlight\.js|wasm\.unknown\.pagefind)$/;

export async function writePagefindIndexes(write: WriteSiteFile, docs: SearchDocument[], options: PagefindOptions = {}): Promise<PagefindResult> {
  const partSize = options.partSize ?? 10_000;
  const bodyChars = options.bodyChars ?? 2_000;
  const concurrency = options.concurrency ?? 16;
  const partCount = Math.max(1, Math.ceil(docs.length / partSize));
  // Even parts: 59,132 articles make 6 parts of ~9,900, not 5 full ones and a stub.
  const perPart = Math.ceil(docs.length / partCount);
  const parts: string[] = [];
  let done = 0;
  for (let p = 0; p < partCount; p++) {
    const path = `/search/pagefind/${p + 1}/`;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      const slice = docs.slice(p * perPart, (p + 1) * perPart);
      let next = 0;
      const worker = async () => {
        while (next < slice.length) {
          const doc = slice[next++]!;
          const added = await index.addHTMLFile({ url: doc.article.permalink, content: searchHtml(doc, bodyChars) });
          if (added.errors.length > 0) throw new Error(`Pagefind rejected ${doc.article.id}: ${added.errors.join('; ')}`);
          options.onProgress?.(++done, docs.length);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      // Through the build's writer rather than `writeFiles`, so the output folder knows these files are this
      // build's and removes the previous build's (content-hashed names change with the content).
      const { files, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length > 0) throw new Error(`Pagefind could not produce ${path}: ${fileErrors.join('; ')}`);
      for (const file of files) if (!UNUSED.test(file.path)) await write(`${path}${file.path}`, file.content);
    } finally {
      // Ends the child process, returning its memory before the next part starts.
      await pagefind.close();
    }
    parts.push(path);
  }
  return { parts, pages: docs.length };
}

/** The first `max` characters of the text, heading underlines dropped, whitespace collapsed, cut at a word boundary. */
export function leadText(text: string, max: number): string {
  const flat = text.replace(/[=_-]{3,}/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return flat.slice(0, cut > max * 0.8 ? cut : max);
}

/**
 * The page Pagefind indexes for one article: not the rendered page (navigation, related lists and the whole body
 * would cost memory and rank noise) but what people search by. The title is the `h1` (Pagefind weights headings),
 * the symptoms line is weighted up and comes after the body, so excerpts open on the text; filters and result metadata ride on `<meta>` elements. All text is escaped:
 * article text is data.
 */
export function searchHtml({ article: a, bodyText }: SearchDocument, bodyChars: number): string {
  const e = escapeHtml;
  const filter = (name: string, value: string) => `<meta data-pagefind-filter="${name}[content]" content="${e(value)}">`;
  const meta = (name: string, value: string) => `<meta data-pagefind-meta="${name}[content]" content="${e(value)}">`;
  const symptoms = [
    a.id,
    `KB${a.number}`,
    ...a.events.map((ev) => `Event ID ${ev.id}${ev.source ? ` ${ev.source}` : ''}`),
    ...a.errorCodes.map((c) => c.display),
  ];
  const sources = [...new Set(a.events.flatMap((ev) => (ev.source ? [eventSourceKey(ev.source)] : [])))];
  return `<html lang="en"><head>${meta('title', a.title)}${meta('id', a.id)}${a.product ? meta('product', a.product) : ''}${a.lastModified ? meta('date', a.lastModified) : ''}</head><body>
${filter('family', a.productFamily)}${filter('type', a.articleType)}${a.year !== null ? filter('year', String(a.year)) : ''}${sources.map((s) => filter('source', s)).join('')}
<h1>${e(a.title)}</h1>
<p>${e(leadText(bodyText, bodyChars))}</p>
${a.errorMessages.length > 0 ? `<p data-pagefind-weight="3">${e(a.errorMessages.join(' · '))}</p>` : ''}
<p data-pagefind-weight="5">${e(symptoms.join(' · '))}</p>
<p data-pagefind-weight="2">${e([...a.sections, ...a.appliesTo, ...a.queryWords, ...a.keywords, a.product ?? ''].join(' · '))}</p>
</body></html>`;
}
