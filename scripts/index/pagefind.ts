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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { escapeHtml } from '../../layouts/lib/html.ts';
import { eventSourceKey } from '../symptoms/event-sources.ts';
import type { LinkedArticle } from '../types.ts';

export interface PagefindOptions {
  /** Folder where each part's index files are kept by the hash of its input, so a rebuild re-indexes only the
   *  parts whose articles changed (Pagefind cannot update an index). None: every part is indexed. */
  cacheDir?: string | null;
  /** Articles per index part; each part's Rust child is closed before the next starts. Default: 10,000 (~0.7 GiB:
   *  15,000 measured 1.1 GiB in the child, which with the build's own 2.6 GiB at 59k articles passed the 4 GiB budget). */
  partSize?: number;
  /** Characters of body text indexed per article, cut at a word boundary. Default: 2,000. */
  bodyChars?: number;
  /** `addHTMLFile` calls in flight: the child parses while Node prepares the next. Default: 16. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Writes one file of the site (`/search/pagefind/1/pagefind.js`); the build's OutputFolder, which claims it.
 *  `fingerprint` names what the file was made from, when that is not just its bytes. */
export type WriteSiteFile = (sitePath: string, content: string | Uint8Array, fingerprint?: string) => Promise<void>;

/** The build's output folder as the indexer uses it (scripts/write/output.ts). */
export interface SiteWriter {
  write: WriteSiteFile;
  /** Keeps a folder's files as the last build wrote them, if they were made from `fingerprint`. */
  keepGroup(prefix: string, fingerprint: string): boolean;
}

export interface SearchDocument {
  article: LinkedArticle;
  bodyText: string;
}

export interface PagefindResult {
  /** Site paths of the parts' bundles (`/search/pagefind/1/`), the first one primary. */
  parts: string[];
  /** Parts taken unchanged from the cache. */
  reused: number;
  pages: number;
}

/** Pagefind's own UIs and the language-less wasm: we ship our own UI and force English. */
const UNUSED = /^(?:pagefind-(?:component-|modular-)?ui\.(?:js|css)|pagefind-highlight\.js|wasm\.unknown\.pagefind)$/;

export async function writePagefindIndexes(output: SiteWriter, docs: SearchDocument[], options: PagefindOptions = {}): Promise<PagefindResult> {
  const partSize = options.partSize ?? 10_000;
  const bodyChars = options.bodyChars ?? 2_000;
  const concurrency = options.concurrency ?? 16;
  const partCount = Math.max(1, Math.ceil(docs.length / partSize));
  // Even parts: 59,132 articles make 6 parts of ~9,900, not 5 full ones and a stub.
  const perPart = Math.ceil(docs.length / partCount);
  const parts: string[] = [];
  const usedKeys = new Set<string>();
  let done = 0;
  let reused = 0;
  for (let p = 0; p < partCount; p++) {
    const path = `/search/pagefind/${p + 1}/`;
    const slice = docs.slice(p * perPart, (p + 1) * perPart);
    const pages = slice.map((doc) => ({ url: doc.article.permalink, content: searchHtml(doc, bodyChars) }));
    const key = partKey(pages);
    usedKeys.add(key);
    // The part's files already in the output, from the same input: nothing to index, read or write.
    const unchanged = output.keepGroup(path, `part:${key}`);
    const cached = unchanged || !options.cacheDir ? null : readPart(partFile(options.cacheDir, key));
    if (unchanged || cached) {
      for (const file of cached ?? []) await output.write(`${path}${file.path}`, file.content, `part:${key}`);
      reused++;
      done += slice.length;
      options.onProgress?.(done, docs.length);
      parts.push(path);
      continue;
    }
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      let next = 0;
      const worker = async () => {
        while (next < pages.length) {
          const page = pages[next++]!;
          const added = await index.addHTMLFile(page);
          if (added.errors.length > 0) throw new Error(`Pagefind rejected ${page.url}: ${added.errors.join('; ')}`);
          options.onProgress?.(++done, docs.length);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      // Through the build's writer rather than `writeFiles`, so the output folder knows these files are this
      // build's and removes the previous build's (content-hashed names change with the content).
      const { files, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length > 0) throw new Error(`Pagefind could not produce ${path}: ${fileErrors.join('; ')}`);
      const kept = files.filter((file) => !UNUSED.test(file.path));
      for (const file of kept) await output.write(`${path}${file.path}`, file.content, `part:${key}`);
      if (options.cacheDir) storePart(partFile(options.cacheDir, key), kept);
    } finally {
      // Ends the child process, returning its memory before the next part starts.
      await pagefind.close();
    }
    parts.push(path);
  }
  if (options.cacheDir) pruneParts(options.cacheDir, usedKeys);
  return { parts, reused, pages: docs.length };
}

/** The cache key of a part: everything Pagefind is given for it, and Pagefind's own version. */
function partKey(pages: { url: string; content: string }[]): string {
  const hash = createHash('sha256').update(pagefindVersion);
  for (const page of pages) hash.update(page.url).update('\0').update(page.content).update('\0');
  return hash.digest('hex').slice(0, 24);
}

const pagefindVersion: string = (() => {
  try {
    return JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/pagefind/package.json', import.meta.url)), 'utf8')).version;
  } catch {
    return 'unknown';
  }
})();

interface PartFile {
  path: string;
  content: Uint8Array;
}

/**
 * A part is cached as one file (v8-serialised list of its files): a part of 10k articles has ~10k files, and
 * storing, reading and pruning them one by one cost seconds on every rebuild that changed the part.
 */
const partFile = (cacheDir: string, key: string) => join(cacheDir, `${key}.part`);

function readPart(file: string): PartFile[] | null {
  try {
    const files = deserialize(readFileSync(file)) as PartFile[];
    return Array.isArray(files) ? files : null;
  } catch {
    return null; // Missing, or cut short: index the part again.
  }
}

/** Written under a temporary name and renamed, so a crash never leaves a half part that looks complete. */
function storePart(file: string, files: PartFile[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(files));
  renameSync(temporary, file);
}

/** Parts no longer produced by this build are removed, so the cache holds one index's worth of parts. */
function pruneParts(cacheDir: string, used: Set<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) if (!used.has(name.replace(/\.part$/, ''))) rmSync(join(cacheDir, name), { recursive: true, force: true });
}

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
