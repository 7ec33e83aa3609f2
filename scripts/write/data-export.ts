/**
 * The data export (issue #5): every published record as one line of JSON, sorted by article number, gzip-
 * compressed, at `/data/kb-records.jsonl.gz`. For people who want the metadata, not the pages.
 * Deterministic: Node's gzip header carries no file name and mtime 0, so equal input gives equal bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';
import { hash } from 'node:crypto';
import { promisify } from 'node:util';
import type { ArticlePage } from '../../layouts/lib/site.ts';
import type { LinkedArticle } from '../types.ts';
import { publishedRecord } from './articles.ts';

/** Site path of the export. */
export const recordsExportPath = '/data/kb-records.jsonl.gz';

/**
 * What each field of a published record means; `/data/` shows this table. Typed against `LinkedArticle`, so a
 * field added to the record without a line here fails the typecheck.
 */
export const recordFieldDocs: { [K in keyof LinkedArticle]-?: { type: string; about: string } } = {
  id: { type: 'string', about: 'Article number with its Q: "Q182346".' },
  number: { type: 'number', about: 'The article number alone: 182346.' },
  title: { type: 'string', about: 'The title without the leading "Qnnn: ", HTML entities decoded.' },
  permalink: { type: 'string', about: 'Site path of the article page, kbarchive-compatible: "/kb/182/Q182346/" (without any --base prefix).' },
  lastModified: { type: 'string | null', about: '"Last Modified:" as ISO YYYY-MM-DD, or null.' },
  year: { type: 'number | null', about: 'Year of lastModified, or null.' },
  product: { type: 'string | null', about: 'The "Product(s):" line as written, trimmed; null when absent or empty.' },
  productFamily: { type: 'string', about: 'Slug of the product family used for browsing ("windows-nt", "exchange").' },
  versions: { type: 'string[]', about: 'Sorted "platform:version" (platform lower-cased) or bare version strings from "Version(s):".' },
  platforms: { type: 'string[]', about: 'Normalised platform names from Version(s) and Operating System(s) ("Windows NT").' },
  os: { type: 'string[]', about: '"Operating System(s):" values split on , ; |, trimmed.' },
  keywords: { type: 'string[]', about: 'Header and footer keywords, repaired, deduplicated case-insensitively, in order of first appearance.' },
  issueType: { type: 'string | null', about: 'Footer "Issue type :" value ("kbprb"), or null.' },
  solutionType: { type: 'string | null', about: 'Footer "Solution Type :" value ("kbfix"), or null.' },
  technology: { type: 'string[]', about: 'Footer "Technology :" items.' },
  articleType: { type: 'string', about: 'bug, fix, prb, info, howto, doc, sample, errmsg or other (from the title tag and issue type).' },
  titleTags: { type: 'string[]', about: 'Title prefixes as written (["PRB"], ["XFOR"]).' },
  dialect: { type: '"kb" | "mspl"', about: 'kb: genmd page with a footer; mspl: Programmer\'s Library (short header, no footer).' },
  appliesTo: { type: 'string[]', about: 'Items of the "applies to" list.' },
  sections: { type: 'string[]', about: 'Section headings in order, as written.' },
  events: { type: '{source: string | null, id: number, via?: string, viaTitle?: string}[]', about: 'Event-log entries named by number, sorted by id, then source (null first), then via; "via": "Q175964" marks an event named only in that cited article\'s title, and "viaTitle" is that title as the citing article writes it.' },
  eventMessages: { type: '{source: string | null, id: number, type: string | null, message: string}[]', about: 'Event Viewer entries the article quotes: source, id, type (Error, Warning, …) and the description as one line (at most ~600 characters), sorted by id then source.' },
  errorCodes: { type: '{kind, code, display}[]', about: 'Error codes (kind: hresult, ntstatus, stop, win32, tool, hex, runtime, net), sorted by code.' },
  errorMessages: { type: 'string[]', about: '"Err Msg:" texts and quoted error messages.' },
  references: { type: 'string[]', about: 'KB articles cited, unique "Q<number>" in number order, excluding the article itself.' },
  referencesFound: { type: 'string[]', about: 'The references this archive holds.' },
  referencesMissing: { type: 'string[]', about: 'The references this archive does not hold.' },
  citedBy: { type: 'string[]', about: 'Articles of the archive that cite this one, sorted.' },
  related: { type: 'string[]', about: 'Related articles (shared symptoms, then product and keywords), best first, at most 8.' },
  queryWords: { type: 'string[]', about: 'Words of "Additional query words:".' },
  sourcePath: { type: 'string', about: 'Path of the source file, relative to the source folder ("kb/182/Q182346/README.md").' },
};

/** The records of a built site, read back from its export (sorted by number), for the benchmarks and the tests. */
export function readRecordsExport<T = LinkedArticle>(siteDir: string): T[] {
  const text = gunzipSync(readFileSync(join(siteDir, recordsExportPath))).toString('utf8');
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as T);
}

/** Each article's published record as one line of JSON (no newline), by its index in `articles`: made when first asked
 *  for, as a rebuild needs only the lines of the folders whose records changed. */
export function recordLinesOf(articles: readonly ArticlePage[]): (index: number) => string {
  const lines: string[] = [];
  return (index) => (lines[index] ??= JSON.stringify(publishedRecord(articles[index]!)));
}

/** One gzip member of the export: the lines of a run of records of one `/kb/<NNN>/` folder, with the digest of its text. */
export interface ExportPart {
  /** The folder and which of its runs, in number order (`100#0`, `100#1`): a folder's records are not always together
   *  (Q100001 and Q1000001 are both in /kb/100/, far apart by number). */
  run: string;
  digest: string;
  bytes: Uint8Array;
}

/**
 * The export's bytes: one record per line, in the order given (the build passes them sorted by number), as one gzip
 * member per run of records of one `/kb/<NNN>/` folder (`folders`, one per record: a folder is one run unless its
 * numbers have different lengths). A file of several members is one gzip file (RFC 1952): gunzip, zcat, Python's gzip
 * and Node's zlib read it whole. So a rebuild compresses again only the folders whose records changed, taking the
 * others from the last build's `parts` (compressing all 60 MB took ~1 s, which a one-article rebuild spent waiting);
 * the bytes are the same either way. A run's part is taken by the digest of its lines, or, when the caller knows the
 * folder's lines to be the last build's (`asLast`: the same records in the same order), by the run, without making them.
 */
export function recordsExport(
  folders: readonly string[],
  lineOf: (index: number) => string,
  last: readonly ExportPart[] = [],
  asLast: (folder: string) => boolean = () => false,
): { bytes: Promise<Buffer>; parts: Promise<ExportPart[]> } {
  const byDigest = new Map(last.map((part) => [part.digest, part]));
  const byRun = new Map(last.map((part) => [part.run, part]));
  const runsOf = new Map<string, number>();
  const parts: Promise<ExportPart>[] = [];
  for (let start = 0; start < folders.length; ) {
    const folder = folders[start]!;
    let end = start + 1;
    while (end < folders.length && folders[end] === folder) end++;
    const ordinal = runsOf.get(folder) ?? 0;
    runsOf.set(folder, ordinal + 1);
    const run = `${folder}#${ordinal}`;
    const kept = asLast(folder) ? byRun.get(run) : undefined;
    if (kept) {
      parts.push(Promise.resolve(kept));
    } else {
      const lines: string[] = [];
      for (let i = start; i < end; i++) lines.push(lineOf(i));
      const text = Buffer.from(`${lines.join('\n')}\n`);
      const digest = hash('sha1', text, 'base64url');
      const same = byDigest.get(digest);
      // zlib runs on libuv's thread pool, on the second core while pages render; at its default level (level 9 made the
      // full export 2.5 % smaller in 1.5× the time).
      parts.push(same?.run === run ? Promise.resolve(same) : gzipAsync(text).then((bytes) => ({ run, digest, bytes })));
    }
    start = end;
  }
  const all = Promise.all(parts);
  return { bytes: all.then((done) => (done.length > 0 ? Buffer.concat(done.map((part) => part.bytes)) : gzipSync(''))), parts: all };
}

const gzipAsync = promisify(gzip);
