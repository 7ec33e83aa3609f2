/**
 * One article through the per-article stages: read → parse → normalise (+ symptoms).
 * Pure apart from reading the one file, so it runs the same in the main thread and in workers.
 */
import { readSourceFile, type ReadLimits } from '../read/index.ts';
import { parseArticle } from '../parse/index.ts';
import { buildRecord, normaliseSymptoms } from '../normalise/index.ts';
import { extractSymptoms } from '../symptoms/index.ts';
import { articleTerms, type ArticleTerms } from '../index/full-text/article-terms.ts';
import { parsedPageInputs, type ParsedPageInputs } from '../render/article-inputs.ts';
import type { ArticleRecord, Diagnostic, RuleCounts } from '../types.ts';
import type { StatKey } from './cache.ts';

/** What the per-article stages hand to the whole-archive stages. */
export interface ProcessedArticle {
  /** Path relative to --source. */
  path: string;
  /** The record, or null when the file was rejected (see diagnostics). */
  record: ArticleRecord | null;
  /** The rendered body; `<a data-kbref>` placeholders are resolved by the link stage. */
  bodyHtml: string;
  /** The article's plain text (the original, de-indented), published beside the page for fidelity. */
  plainText: string;
  /** What the article gives the full-text index (index/full-text/article-terms.ts); null without a record. */
  searchTerms: ArticleTerms | null;
  /** What of this parse the article's page is made from, digested (render/article-inputs.ts). */
  pageInputs: ParsedPageInputs;
  diagnostics: Diagnostic[];
  rules: RuleCounts;
  /** True when the result came from the per-article cache (cache.ts) rather than a parse. */
  cached?: boolean;
  /** Set by a worker that stored the result in the cache: the file's metadata, taken before it was read, its key,
   *  for the stat index (cache.ts), so the first rebuild after a cold build need not hash every file, and the pack
   *  that holds it, for the pack index. */
  stored?: { stat: StatKey; key: string; pack: string };
  /** Set on an article read from the cache without its text — `bodyHtml`, `plainText` and `searchTerms`, empty until
   *  `loadArticleText` (cache.ts) reads them: a rebuild needs them only for the few articles it renders or indexes. */
  unloaded?: { folder: string; pack: string; key: string };
}

/**
 * Time spent in each per-article stage, summed over the articles one thread processed: elapsed time on that thread
 * (`performance.now` laps, so it includes the thread's share of garbage collection and being scheduled out), not CPU
 * time, which Node does not measure per thread. The read, parse and normalise stages run interleaved, article
 * by article, on the workers: the build reports their sums (build.ts, the parsing stage's line) so the bench can print
 * each stage's share of the time.
 */
export interface ArticleStageTimes {
  /** Reading the file, hashing it for the cache's key, decoding it. */
  read: number;
  /** Front matter, the KB recogniser, the body to HTML. */
  parse: number;
  /** The record and the symptoms (events, error codes, citations). */
  normalise: number;
  /** The full-text index's terms and the digest a rebuild compares (page inputs). */
  digest: number;
  /** Storing the results in the per-article cache (pipeline/worker.ts). */
  store: number;
}

export const noStageTimes = (): ArticleStageTimes => ({ read: 0, parse: 0, normalise: 0, digest: 0, store: 0 });

const STAGES = Object.keys(noStageTimes()) as (keyof ArticleStageTimes)[];

export function addStageTimes(into: ArticleStageTimes, more: ArticleStageTimes): ArticleStageTimes {
  for (const stage of STAGES) into[stage] += more[stage];
  return into;
}

/** The stages and their times, in the order above. */
export const stageEntries = (times: ArticleStageTimes): [keyof ArticleStageTimes, number][] => STAGES.map((stage) => [stage, times[stage]]);

/** Each stage's time through `f` (milliseconds to seconds, say). */
export function mapStageTimes(times: ArticleStageTimes, f: (t: number) => number): ArticleStageTimes {
  const out = noStageTimes();
  for (const stage of STAGES) out[stage] = f(times[stage]);
  return out;
}

/** `onBytes` sees the file's bytes as read (readSourceFile), for the cache's key; `times`, if given, gains the time
 *  each stage took. */
export async function processArticle(root: string, path: string, limits?: Partial<ReadLimits>, onBytes?: (bytes: Uint8Array) => void, times?: ArticleStageTimes): Promise<ProcessedArticle> {
  let lap = performance.now();
  const clock = (stage: keyof ArticleStageTimes) => {
    const now = performance.now();
    if (times) times[stage] += now - lap;
    lap = now;
  };
  const read = await readSourceFile(root, path, limits, onBytes);
  clock('read');
  const diagnostics = [...read.diagnostics];
  if (!read.file) return rejectedArticle(path, diagnostics, {});

  const parsed = parseArticle(read.file);
  clock('parse');
  diagnostics.push(...parsed.diagnostics);
  if (diagnostics.some((d) => d.severity === 'rejected')) {
    return rejectedArticle(path, diagnostics, parsed.rules);
  }

  const built = buildRecord(parsed, { events: [], eventMessages: [], errorCodes: [], errorMessages: [], references: [] });
  diagnostics.push(...built.diagnostics);
  const record = built.record;
  if (record) {
    const symptoms = normaliseSymptoms(extractSymptoms({
      id: record.id,
      title: record.title,
      bodyText: parsed.bodyText,
      queryWords: parsed.raw.queryWords,
      product: record.product,
    }), record.id);
    Object.assign(record, symptoms);
  }
  clock('normalise');
  const digested = {
    searchTerms: record ? articleTerms(record, parsed.bodyText) : null,
    pageInputs: parsedPageInputs(record, parsed.bodyHtml, parsed.plainText),
  };
  clock('digest');
  return { path, record, bodyHtml: parsed.bodyHtml, plainText: parsed.plainText, ...digested, diagnostics, rules: parsed.rules };
}

/** A file that gave no article: its diagnostics say why. */
export function rejectedArticle(path: string, diagnostics: Diagnostic[], rules: RuleCounts): ProcessedArticle {
  return { path, record: null, bodyHtml: '', plainText: '', searchTerms: null, pageInputs: parsedPageInputs(null, '', ''), diagnostics, rules };
}
