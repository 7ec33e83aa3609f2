/**
 * The build, stage by stage: read → parse → normalise → link → render → index → write.
 * Each stage is a module under scripts/; this file only runs them in order, times them and accounts for
 * every input file (read = pages written + rejected).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { once } from 'node:events';
import { resolveReadLimits, defaultReadLimits, type ArticleFiles } from './read/index.ts';
import { findArticleFilesAgain } from './read/folder-index.ts';
import { processAll } from './pipeline/pool.ts';
import { runOnThread } from './pipeline/thread-module.ts';
import { codeVersion, loadArticleText, openCacheFolder, openPackStore, readStatIndex, sourcesUnchanged, statsReadOf, withText, type ArticleCache, type PackStore, type StatsAhead, type StatsRead } from './pipeline/cache.ts';
import type { SourcesFound, SourcesTask } from './read/sources-worker.ts';
import { mapStageTimes, type ArticleStageTimes, type ProcessedArticle } from './pipeline/article.ts';
import { linkArchive, resolveBodyLinks, compareIds, folderOf, listingInputsOf, relatedInputsOf, type LinkedArchive, type Listings } from './link/index.ts';
import { familyOf } from './normalise/index.ts';
import { renderSite, type RenderedPage } from './render/eleventy.ts';
import { renderVersion, selectPages, type PageSelection, type SummaryDigests } from './render/incremental.ts';
import { articlePageInputs } from './render/article-inputs.ts';
import { writeArticleFiles } from './write/articles.ts';
import { recordLinesOf, recordsExport, type ExportPart } from './write/data-export.ts';
import { assertOwnedOutput, OutputFolder } from './write/output.ts';
import { buildInputs, lastBuildFileOf, saveLastBuild, sourcesDigest, takeLastBuild, type LastBuild, type LastLinks } from './write/last-build.ts';
import { writeSiteFiles } from './write/site-files.ts';
import type { LastIndex } from './index/full-text/index-worker.ts';
import { MAX_PATCHED_ARTICLES } from './index/full-text/patch-index.ts';
import { bundleSearchScript, changesSince, startFullTextIndex, writeSearchIndex, type ArticleToIndex, type SearchIndexResult, type SearchState } from './index/index.ts';
import { createProgress, formatCount, plural, type Progress, type StageTiming } from './report/progress.ts';
import { threadTimeRemark } from './report/stage-line.ts';
import { describeFootprint, footprintOfPaths, type Footprint } from './report/host-limits.ts';
import { describeDiagnostics, summariseDiagnostics, type DiagnosticSummary } from './report/diagnostics.ts';
import { articlePagePath, defaultPublishing, url, type ArticlePage, type FamilyInfo, type Publishing, type SiteData } from '../layouts/lib/site.ts';
import type { Diagnostic, RuleCounts } from './types.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const version: string = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version;

/** Options of `npm run build`; see `resolveBuildOptions` for the defaults. */
export interface BuildOptions {
  /** Folder holding `kb/<NNN>/Q<number>/README.md`. Default: the bundled sample, `content/sample`. */
  source?: string;
  /** Output folder. Default: `_site`. */
  out?: string;
  /** URL prefix the site is hosted under (`/kb/`). Default: `/`. */
  base?: string;
  /** Absolute site URL for canonical links, sitemaps and feeds (`https://example.org`). Default: none. */
  siteUrl?: string | null;
  /** Exit non-zero on any warning or rejected file. Default: false. */
  strict?: boolean;
  /** Worker threads for parsing; 0 parses in the main thread. Default: one per core. */
  workers?: number;
  /** Largest input file accepted, in bytes. Default: 4 MiB. */
  maxFileSize?: number;
  /** Where the full diagnostics report is written. Default: `<out>/../<out-name>-report.json`… see resolve. */
  report?: string | null;
  /** No progress output (tests). */
  quiet?: boolean;
  /**
   * Folder of the per-article cache, or null for none (every article parsed). Safe to delete.
   * Default: `.cache/kb-archive` beside the output folder (`_site` → `.cache/kb-archive`).
   */
  cacheDir?: string | null;
  /** Build the search index and lookup tables (`/search/` needs them). Default: true. */
  search?: boolean;
  /** Where records are published besides the export (`Publishing.records`). Default: `none`. */
  records?: Publishing['records'];
  /** Write each article's original plain text beside its page. Default: false. */
  originals?: boolean;
  /** Where the source files are published, for each article's "original text" link (`https://github.com/jeffpar/kbarchive/blob/master/`). Default: none. */
  sourceUrl?: string | null;
  /** Write `_redirects` with a 301 for every old path of every article (Netlify). Default: false. */
  redirectsFile?: boolean;
  /**
   * Article pages per Eleventy run (scripts/render/eleventy.ts): Eleventy holds what it renders until its run ends.
   * Only memory and speed depend on it, not the output. Default: 6,000 (on the full corpus, ten runs of article
   * pages after one of the 12.7k other pages): full renders of the corpus from a warm cache took 31.0-33.0 s with runs
   * of 6,000, 32.9-43.6 s with 12,000, 34.6-40.5 s with 4,000 (docs/benchmarks.md); Eleventy's work per page grows
   * with the pages of its run.
   */
  articlesPerRenderRun?: number;
}

export interface ResolvedBuildOptions {
  source: string;
  out: string;
  base: string;
  siteUrl: string | null;
  strict: boolean;
  workers: number | undefined;
  maxFileSize: number;
  report: string | null;
  quiet: boolean;
  cacheDir: string | null;
  search: boolean;
  publishing: Publishing;
  redirectsFile: boolean;
  articlesPerRenderRun: number;
}

export interface BuildResult {
  articlesRead: number;
  articlesBuilt: number;
  /** Files parsed this time; the others came unchanged from the per-article cache. */
  articlesParsed: number;
  /** Seconds each per-article stage took in the parsing stage, summed over the parse threads (`ArticleStageTimes`);
   *  null when that stage parsed nothing (every article from the cache). */
  articleStageSeconds: ArticleStageTimes | null;
  /** The search index as written (null with --no-search, or when nothing changed: `unchanged`). */
  search: SearchIndexResult | null;
  pagesWritten: number;
  /** Pages rendered this time; the others' inputs had not changed since the last build into this folder. */
  pagesRendered: number;
  rejected: number;
  warnings: number;
  diagnostics: Diagnostic[];
  summary: DiagnosticSummary;
  rules: Record<string, { articles: number; occurrences: number }>;
  timings: StageTiming[];
  seconds: number;
  /** True when --strict and there was any warning or rejection. */
  failed: boolean;
  /** What the output folder holds, counted from the files this build wrote or kept (the hosting budget's figures). */
  footprint: Footprint;
  /**
   * True when nothing had changed since the last build into this folder (sources, code, options, and every file
   * it wrote still there), so the folder was kept as it was and the last build's findings reported again.
   */
  unchanged: boolean;
}

export const defaultSource = join(projectRoot, 'content/sample');

/** Resolves every option once, with defaults; bad configuration throws a message naming the value. */
export function resolveBuildOptions(options: BuildOptions): ResolvedBuildOptions {
  let base = options.base ?? '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  if (/[\s"'<>\\?#]/.test(base)) throw new Error(`--base must be a URL path such as /kb/; got ${JSON.stringify(options.base)}`);
  const siteUrl = options.siteUrl ?? null;
  if (siteUrl !== null && !/^https?:\/\/[^\s/]+\/?$/.test(siteUrl)) {
    // The path part belongs in --base: a site URL with a path would be doubled in every absolute URL.
    throw new Error(`--site-url must be the site's origin, such as https://example.org (put a path like /kb/ in --base); got ${JSON.stringify(siteUrl)}`);
  }
  const perRun = options.articlesPerRenderRun;
  if (perRun !== undefined && (!Number.isInteger(perRun) || perRun < 1)) {
    throw new Error(`articlesPerRenderRun must be a whole number of at least 1; got ${perRun}`);
  }
  const workers = options.workers;
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) {
    throw new Error(`--workers must be a whole number from 0 to 64; got ${workers}`);
  }
  const records = options.records ?? defaultPublishing.records;
  if (!['folder', 'article', 'none'].includes(records)) throw new Error(`--records must be folder, article or none; got ${JSON.stringify(records)}`);
  let sourceUrl = options.sourceUrl ?? null;
  if (sourceUrl !== null) {
    if (!/^https?:\/\/[^\s"'<>]+$/.test(sourceUrl)) throw new Error(`--source-url must be an http(s) URL such as https://github.com/jeffpar/kbarchive/blob/master/; got ${JSON.stringify(sourceUrl)}`);
    if (!sourceUrl.endsWith('/')) sourceUrl = `${sourceUrl}/`;
  }
  const out = resolve(options.out ?? '_site');
  return {
    source: resolve(options.source ?? defaultSource),
    out,
    base,
    siteUrl: siteUrl?.replace(/\/$/, '') ?? null,
    strict: options.strict ?? false,
    workers,
    maxFileSize: resolveReadLimits({ maxBytes: options.maxFileSize ?? defaultReadLimits.maxBytes }).maxBytes,
    report: options.report === undefined ? `${out.replace(/\/$/, '')}-report.json` : options.report,
    quiet: options.quiet ?? false,
    cacheDir: options.cacheDir === null ? null : resolve(options.cacheDir ?? join(dirname(out), '.cache', 'kb-archive')),
    search: options.search ?? true,
    publishing: { records, originals: options.originals ?? defaultPublishing.originals, sourceUrl },
    redirectsFile: options.redirectsFile ?? false,
    articlesPerRenderRun: perRun ?? 6_000,
  };
}

/** Picks one file per article id: the file at the id's canonical folder wins, else the first path (sorted). */
export function deduplicate(processed: ProcessedArticle[], diagnostics: Diagnostic[]): ProcessedArticle[] {
  const byId = new Map<string, ProcessedArticle[]>();
  for (const p of processed) {
    if (!p.record) continue;
    const list = byId.get(p.record.id);
    if (list) list.push(p);
    else byId.set(p.record.id, [p]);
  }
  const kept: ProcessedArticle[] = [];
  for (const [id, list] of byId) {
    if (list.length === 1) {
      kept.push(list[0]!);
      continue;
    }
    const canonical = `kb/${folderOf(id)}/${id}/README.md`;
    // By code point, not locale: which file wins must not depend on the machine's LANG.
    const sorted = [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const winner = sorted.find((p) => p.path === canonical) ?? sorted[0]!;
    for (const loser of sorted) {
      if (loser === winner) continue;
      loser.record = null;
      diagnostics.push({
        file: loser.path,
        severity: 'rejected',
        rule: 'kb:duplicate-id',
        message: `Article ${id} is also in ${winner.path}; that file is used (the file in the id's own folder wins, else the first by path). Remove or renumber one of them.`,
      });
    }
    kept.push(winner);
  }
  return kept;
}

/**
 * Where the manifest of the output folder `out` is kept in the cache (write/output.ts). One name whatever its format
 * (v8 now, JSON before): each build deletes the manifest it opens, and a manifest under a second name would outlive
 * the folder it describes when versions alternate — a build of the other version reads the other format as none.
 */
export function manifestFileOf(cacheDir: string, out: string): string {
  return join(cacheDir, 'outputs', `${createHash('sha256').update(out).digest('hex').slice(0, 16)}.json`);
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const o = resolveBuildOptions(options);
  const started = performance.now();
  // Without a manifest, files older than this and not written by this build are stale: see OutputFolder.finish.
  const startedAt = Date.now();
  assertOwnedOutput(o.out);
  const manifestFile = o.cacheDir ? manifestFileOf(o.cacheDir, o.out) : null;
  const lastBuildFile = manifestFile ? lastBuildFileOf(manifestFile) : null;
  // A rebuild finds the article files on a thread of its own, started before anything else (its start-up is ~0.3 s).
  const finding = lastBuildFile && existsSync(lastBuildFile) ? findSourcesOnThread(o.source, o.cacheDir) : null;
  const output = new OutputFolder(o.out, manifestFile);
  const last = lastBuildFile ? takeLastBuild(lastBuildFile) : null;
  const progress: Progress = createProgress({ quiet: o.quiet });
  progress.log(`kb-archive ${version}: building ${relative(process.cwd(), o.source) || '.'} → ${relative(process.cwd(), o.out) || '.'}${o.base !== '/' ? ` (base ${o.base})` : ''}`);

  const limits = { maxBytes: o.maxFileSize };
  const cache = o.cacheDir ? openCacheFolder(o.cacheDir, codeVersion()) : null;
  const articleCache = cache ? { folder: cache.folder, salt: JSON.stringify(limits) } : undefined;
  // Meanwhile this thread reads the cached articles the last build read (a cold build has none).
  const packs = finding && articleCache && last && existsSync(articleCache.folder) ? openPackStore(articleCache.folder) : undefined;

  progress.stage('Finding articles');
  const { found, ahead, preloaded } = finding ? await finding.answer(articleCache, packs) : { found: await findSourcesHere(o.source, o.cacheDir), ahead: undefined, preloaded: 0 };
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  progress.done(`${plural(found.paths.length, 'article file')}${preloaded > 0 ? ` (${plural(preloaded, 'pack')} of the cache read meanwhile)` : ''}`);

  const code = renderVersion(null);
  // The runtime's libraries shape bytes too: zlib the export's, ICU's collation the listings' order.
  const runtime = `node ${process.versions.node} zlib ${process.versions.zlib} icu ${process.versions.icu ?? '-'}`;
  const inputs = buildInputs([version, code, runtime], outputShaping(o), found.paths, found.diagnostics);
  // What the search index, the links and the export depend on besides the articles: a rebuild takes the last build's
  // (patched, or as they were where nothing they are made from changed) only when they match.
  const searchInputs = buildInputs([version, code, runtime], outputShaping(o), [], []);
  let statsRead: StatsRead | undefined;
  if (last?.inputs === inputs && articleCache) {
    progress.stage('Checking for changes');
    const check = sourcesUnchanged(articleCache, o.source, found.paths, ahead);
    const sourcesAsBefore = check.keys !== null && sourcesDigest(found.paths, (path) => check.keys!.get(path)) === last.sources;
    if (sourcesAsBefore && (await output.allAsLeft())) {
      // The folder holds what this build would write (write/last-build.ts): keep it, and report what was found.
      output.keepAll();
      progress.done(`nothing changed since the last build into this folder: its ${plural(last.pagesWritten, 'page')} and every other file kept as they are`);
      return finishBuild(o, progress, output, { started, startedAt, lastBuildFile, inputs, sources: last.sources, pruned: cache?.pruned, next: { search: last.search, export: last.export, summaries: last.summaries, links: last.links } }, {
        articlesRead: last.articlesRead, articlesBuilt: last.articlesBuilt, articlesParsed: 0, articleStageSeconds: null,
        search: null, pagesWritten: last.pagesWritten, pagesRendered: 0, unchanged: true,
        diagnostics: last.diagnostics, rules: last.rules,
      });
    }
    statsRead = check.read;
    progress.done(sourcesAsBefore ? 'files of the output changed or gone since the last build' : `${plural(check.changed?.length ?? 0, 'article file')} changed since the last build`);
  }

  statsRead ??= ahead && statsReadOf(ahead, found.paths);
  const parsed = await parseArticles(o, progress, found.paths, diagnostics, { cache: articleCache, statsRead, limits, packs });
  const byId = new Map(parsed.kept.map((p) => [p.record!.id, p]));
  // Articles as the last build read them, from the cache under the keys its index recorded: those changed since (from
  // the pack store parsing read, when it was opened ahead).
  const lastArticles = articleCache ? lastArticleReader(articleCache.folder, packs) : null;
  const lastSearch = last?.search?.inputs === searchInputs && lastArticles ? { state: last.search, articles: lastArticles } : null;
  // The data export's parts are gzip's bytes for their text: kept while the code, the options and the runtime are the same.
  const lastExport = last?.export?.inputs === searchInputs ? last.export.parts : [];
  const lastLinks = lastSearch && last?.links?.inputs === searchInputs ? linksAsLast(last.links, lastSearch.state, parsed.kept, parsed.keyOf, lastSearch.articles) : null;
  const made = await linkRenderAndWrite(o, output, progress, parsed.kept, byId, { keyOf: parsed.keyOf, inputs: searchInputs, last: lastSearch }, { export: lastExport, summaries: last?.summaries ?? null, links: lastLinks });
  lastArticles?.release();
  const { processed, kept, sources, stageSeconds, fromCache } = parsed;
  const rules = tallyRules(processed.map((p) => p.rules));

  const next: NextBuildState = {
    search: made.searchState ?? undefined,
    export: { inputs: searchInputs, parts: made.exportParts },
    summaries: made.summaryDigests,
    links: { inputs: searchInputs, ...made.links },
  };
  return finishBuild(o, progress, output, { started, startedAt, lastBuildFile, inputs, sources, pruned: cache?.pruned, next }, {
    // Articles read: every file found, plus article folders rejected before a file could be read (no README.md).
    articlesRead: new Set([...found.paths, ...diagnostics.filter((d) => d.severity === 'rejected').map((d) => d.file)]).size,
    articlesBuilt: kept.length,
    articlesParsed: processed.length - fromCache,
    articleStageSeconds: stageSeconds,
    pagesRendered: made.pagesRendered,
    pagesWritten: made.pagesWritten,
    search: made.search,
    unchanged: false,
    diagnostics,
    rules,
  });
}

/** Stage 2–3: every article file parsed and normalised (or taken from the cache), deduplicated, in id order. */
async function parseArticles(
  o: ResolvedBuildOptions,
  progress: Progress,
  paths: string[],
  diagnostics: Diagnostic[],
  options: { cache: ArticleCache | undefined; statsRead: StatsRead | undefined; limits: { maxBytes: number }; packs: PackStore | undefined },
): Promise<{ processed: ProcessedArticle[]; kept: ProcessedArticle[]; sources: string; stageSeconds: ArticleStageTimes | null; fromCache: number; keyOf: (path: string) => string | undefined }> {
  progress.stage('Parsing articles', paths.length);
  let sources = '';
  let keyOf: (path: string) => string | undefined = () => undefined;
  let stageSeconds: ArticleStageTimes | null = null;
  const processed = await processAll(o.source, paths, {
    workers: o.workers,
    ...options,
    onKeys: (keys) => {
      keyOf = keys;
      sources = sourcesDigest(paths, keys);
    },
    onProgress: (done, total) => progress.tick(done, total),
    onStageTimes: (ms) => (stageSeconds = mapStageTimes(ms, (t) => t / 1000)),
  });
  for (const p of processed) diagnostics.push(...p.diagnostics);
  const kept = deduplicate(processed, diagnostics).sort((a, b) => compareIds(a.record!.id, b.record!.id));
  const fromCache = processed.filter((p) => p.cached).length;
  const counts = fromCache > 0 ? `${formatCount(processed.length - fromCache)} parsed, ${formatCount(fromCache)} unchanged from the cache` : '';
  // The per-article stages run interleaved on the workers: their summed times say where parsing goes (the bench prints them).
  const split = stageSeconds === null ? '' : threadTimeRemark(stageSeconds);
  const remark = [counts, split].filter(Boolean).join('; ');
  progress.done(`${plural(kept.length, 'article')}${remark ? ` (${remark})` : ''}`);
  return { processed, kept, sources, stageSeconds, fromCache, keyOf };
}

/**
 * The options that may change what a build writes: all but those known to change only how fast it runs, how much it
 * prints, where its report and cache go, and its exit status (so an option added later counts until listed here).
 */
function outputShaping(o: ResolvedBuildOptions): object {
  const { strict: _strict, workers: _workers, report: _report, quiet: _quiet, cacheDir: _cacheDir, articlesPerRenderRun: _perRun, ...shaping } = o;
  return shaping;
}

/**
 * The end of every build: removes stale files (saving the manifest), records the build for the next one
 * (write/last-build.ts), writes the report and prints the diagnostics and the summary.
 */
async function finishBuild(
  o: ResolvedBuildOptions,
  progress: Progress,
  output: OutputFolder,
  run: { started: number; startedAt: number; lastBuildFile: string | null; inputs: string; sources: string; pruned: Promise<void> | undefined; next: NextBuildState },
  facts: Omit<BuildResult, 'rejected' | 'warnings' | 'summary' | 'timings' | 'seconds' | 'failed' | 'footprint'>,
): Promise<BuildResult> {
  progress.stage('Removing stale files');
  const stale = await output.finish(run.startedAt);
  await run.pruned;
  progress.done(plural(stale, 'stale file'));
  const footprint = footprintOfPaths(output.files());
  const { diagnostics, rules } = facts;
  if (run.lastBuildFile && run.sources) {
    saveLastBuild(run.lastBuildFile, {
      inputs: run.inputs, sources: run.sources, articlesRead: facts.articlesRead, articlesBuilt: facts.articlesBuilt, pagesWritten: facts.pagesWritten, diagnostics, rules,
      ...run.next,
    });
  }

  const summary = summariseDiagnostics(diagnostics);
  const seconds = (performance.now() - run.started) / 1000;
  const result: BuildResult = {
    ...facts,
    footprint,
    rejected: summary.rejected,
    warnings: summary.warnings,
    summary,
    timings: progress.timings,
    seconds,
    failed: o.strict && (summary.rejected > 0 || summary.warnings > 0),
  };

  if (o.report) {
    await mkdir(dirname(o.report), { recursive: true });
    await writeFile(o.report, `${JSON.stringify({ version, options: o, articlesRead: result.articlesRead, articlesBuilt: result.articlesBuilt, pagesWritten: result.pagesWritten, summary, rules, diagnostics }, null, 2)}\n`);
  }

  for (const line of describeDiagnostics(diagnostics)) progress.log(line);
  const rejectedFiles = countRejectedFiles(diagnostics);
  const accounted = result.articlesBuilt + rejectedFiles === result.articlesRead;
  progress.log(
    `Read ${plural(result.articlesRead, 'article')}: ${formatCount(result.articlesBuilt)} built, ${formatCount(rejectedFiles)} rejected` +
      ` (${accounted ? 'every file accounted for' : 'ACCOUNTING MISMATCH: please report this'}); ` +
      `${plural(result.pagesWritten, 'page')} ${result.unchanged ? 'kept as they were' : 'written'}; ${plural(summary.warnings, 'warning')} in ${seconds.toFixed(1)}s` +
      (o.report ? `. Full report: ${relative(process.cwd(), o.report)}` : ''),
  );
  progress.log(`Output: ${describeFootprint(footprint)}`);
  if (!accounted) result.failed = true;
  return result;
}

interface MadeSite {
  pagesRendered: number;
  pagesWritten: number;
  search: SearchIndexResult | null;
  /** For the next build to patch the search index from (null: it builds the whole index). */
  searchState: SearchState | null;
  /** The data export's gzip members, for the next build to take those whose records did not change. */
  exportParts: ExportPart[];
  /** Each article's summary digest, for the next build to tell which pages name a changed article (render/incremental.ts). */
  summaryDigests: SummaryDigests;
  /** What it linked (`LastLinks`). */
  links: Omit<LastLinks, 'inputs'>;
}

/**
 * Stage 4 over the parsed articles (deduplicated, in id order): links them, and makes the data the templates render —
 * with the pages whose inputs are unchanged since the last build into `output` left out (`pages`).
 */
export function linkSite(o: ResolvedBuildOptions, output: OutputFolder, kept: ProcessedArticle[], byId: Map<string, ProcessedArticle>, last: { summaries: SummaryDigests | null; links: LinksAsLast | null }): { linked: LinkedArchive; data: SiteData; pages: PageSelection; resolveBody: (page: ArticlePage) => void } {
  const linked = linkArchive(kept.map((p) => p.record!), (slug) => familyOf(slug).name, { related: last.links?.related, listings: last.links?.listings ?? undefined });
  const families = new Map<string, FamilyInfo>(linked.listings.families.map((f) => [f.key, { slug: f.key, name: f.name }]));
  const site = { base: o.base, siteUrl: o.siteUrl, title: 'KB Archive', articleCount: kept.length, version, publishing: o.publishing };
  const exists = (id: string) => byId.has(id);
  const hrefOf = (id: string) => url(site, linked.summaries.get(id)!.permalink);
  // Linking's articles become the pages, completed in place: a copy of each of 59k records cost a rebuild ~0.4 s.
  const articles: ArticlePage[] = linked.articles.map((a) => {
    const neighbours = linked.neighbours.get(a.id);
    return Object.assign(a, {
      // Filled for the pages rendered (`resolveBody`), from the parse with its citations resolved; a page is made
      // again when an article its body names changes its summary (render/incremental.ts).
      bodyHtml: '',
      previous: neighbours?.previous ?? null,
      next: neighbours?.next ?? null,
    });
  });
  // An article's page is fingerprinted from its parse's digest (made once, on the parse workers) and what linking
  // added: not its whole item, which would serialise every record and hash every body again.
  const parsedOf = new WeakMap<object, ProcessedArticle>(articles.map((page) => [page, byId.get(page.id)!]));
  const pageVersion = renderVersion({ site, families: [...families] });
  // With the links and the page version as the last build's, an unchanged article's page has that build's inputs.
  const asLast = last.links?.version === pageVersion ? last.links : null;
  const inputsOf = (item: unknown) => {
    const parsed = typeof item === 'object' && item !== null ? parsedOf.get(item) : undefined;
    if (!parsed) return undefined;
    const inputs = articlePageInputs(item as ArticlePage, parsed.record!, parsed.pageInputs);
    return asLast && !asLast.changed.has(parsed.record!.id) ? { ...inputs, asLast: true } : inputs;
  };
  const pages = selectPages(output, pageVersion, linked.summaries, inputsOf, last.summaries, last.links?.changed ?? null);
  const data: SiteData = { site, articles, summaries: linked.summaries, listings: linked.listings, families, pages };
  return { linked, data, pages, resolveBody: (page) => (page.bodyHtml = resolveBodyLinks(byId.get(page.id)!.bodyHtml, exists, hrefOf)) };
}

/** Stages 4–7 over the parsed articles: link, render, write the records and site files, then the search index. */
async function linkRenderAndWrite(
  o: ResolvedBuildOptions,
  output: OutputFolder,
  progress: Progress,
  kept: ProcessedArticle[],
  byId: Map<string, ProcessedArticle>,
  indexing: { keyOf: (path: string) => string | undefined; inputs: string; last: { state: SearchState; articles: LastArticles } | null },
  last: { export: readonly ExportPart[]; summaries: SummaryDigests | null; links: LinksAsLast | null },
): Promise<MadeSite> {
  // The full-text index needs only the parsed articles: it is built on a thread of its own while the main thread
  // links and renders, and written after the pages; or patched from the last build's, when only a few articles changed.
  const toIndex: ArticleToIndex[] = kept.map((p) => ({ record: p.record!, terms: () => withText(p).searchTerms!, path: p.path, key: indexing.keyOf(p.path) }));
  const lastIndex = o.search && indexing.last && (await output.allAsLeft()) ? lastIndexOf(indexing.last.state, indexing.last.articles, toIndex, output) : null;
  const fullText = o.search ? startFullTextIndex(toIndex, { inThread: o.workers === 0, last: lastIndex, loadTerms: () => loadArticleText(kept) }) : null;
  // Awaited after rendering: a failure meanwhile must not count as unhandled.
  fullText?.index.catch(() => {});
  const searchScript = fullText?.figures.then(bundleSearchScript);
  searchScript?.catch(() => {});

  // The writer thread loads its code beside linking, on the core linking leaves free.
  output.startWriter();
  progress.stage('Linking');
  const { linked, data, pages, resolveBody } = linkSite(o, output, kept, byId, last);
  if (searchScript) data.searchScript = searchScript;
  const { articles } = data;
  progress.done(`${plural(linked.listings.events.length, 'event ID')}, ${plural(linked.listings.errors.length, 'error code')}, ${formatCount(linked.stats.citationsResolved)} citations resolved, ${formatCount(linked.stats.citationsMissing)} missing${describeFromLast(linked.stats.fromLast)}`);

  progress.stage('Rendering pages');
  const recordLines = recordLinesOf(articles);
  // With the links as the last build's, a folder of unchanged articles has that build's lines.
  const changedFolders = new Set([...(last.links?.changed ?? [])].map(folderOf));
  const exported = recordsExport(articles.map((a) => folderOf(a.id)), recordLines, last.export, (folder) => last.links !== null && !changedFolders.has(folder));
  exported.parts.catch(() => {});
  // The article pages to render are chosen first (by their fingerprints), so that their number decides how many
  // Eleventy runs render them (Eleventy holds every page of a run until it ends): a one-article rebuild renders in one.
  const chosen = pages.select(articles, articlePagePath);
  // A rebuild reads the text of the articles it renders from the cache; the others' pages are kept.
  loadArticleText(chosen.map((page) => byId.get(page.id)!));
  for (const page of chosen) resolveBody(page);
  const articleRuns: ArticlePage[][] = [];
  for (let i = 0; i < chosen.length; i += o.articlesPerRenderRun) articleRuns.push(chosen.slice(i, i + o.articlesPerRenderRun));
  const rendered = await renderSite(data, {
    articleRuns,
    onPages: async (made) => {
      // A page from data is recorded with the fingerprint of its inputs (a rebuild keeps it without rendering it);
      // the others (the home page, the feed) with that of their bytes.
      for (const page of made) await output.write(page.sitePath, page.content, pages.fingerprintOf(page.sitePath), { compareBytes: pages.namesChanged(page.sitePath) });
    },
  });
  // The pages are on disk before anything else is written: a page that cannot be written stops the build here,
  // naming its file, before a search index is written for pages that are not there.
  await output.flush();
  const keptPages: RenderedPage[] = [...pages.kept].map((path) => ({ url: path.replace(/index\.html$/, ''), sitePath: path, noindex: false }));
  const allPages = [...rendered.pages, ...keptPages];
  progress.done(`${plural(allPages.length, 'page')}${keptPages.length > 0 ? ` (${formatCount(rendered.pages.length)} rendered, ${formatCount(keptPages.length)} unchanged)` : ''}`);

  // The rendered bodies are on disk now.
  for (const a of articles) a.bodyHtml = '';
  for (const p of kept) p.bodyHtml = '';

  progress.stage('Writing records');
  const plainTextOf = (id: string) => (byId.has(id) ? withText(byId.get(id)!).plainText : '');
  const articleFiles = await writeArticleFiles(output, data.site, articles, recordLines, plainTextOf, pages.kept);
  const siteFiles = await writeSiteFiles(output, data.site, articles, allPages, exported.bytes, { redirectsFile: o.redirectsFile });
  progress.done(`${plural(articles.length, 'record')} in the data export${articleFiles > 0 ? ` and ${plural(articleFiles, 'file')} beside the pages` : ''}, ${plural(siteFiles.sitemapUrls, 'sitemap URL')}`);
  for (const p of kept) p.plainText = '';

  let search: SearchIndexResult | null = null;
  if (fullText) {
    progress.stage('Indexing search');
    search = await writeSearchIndex((path, content) => output.write(path, content), (path) => output.keepAsIs(path), {
      index: fullText.index,
      titles: new Map(kept.map((p) => [p.record!.id, p.record!.title])),
      listings: linked.listings,
    });
    const where = o.workers === 0 ? '' : ' on its own thread, beside linking and rendering';
    const how = search.patched !== null
      ? `the last build's index patched in ${search.buildSeconds.toFixed(1)}s, ${plural(search.patched, 'file')} of it rewritten`
      : `index built in ${search.buildSeconds.toFixed(1)}s${where}`;
    progress.done(`${plural(search.articles, 'article')}, ${plural(search.terms, 'term')}, ${plural(search.files, 'file')}, ${(search.bytes / 2 ** 20).toFixed(1)} MiB (${how})`);
  }
  // What the next build patches its index from: every article's cache key, by which it tells those that changed.
  const searchState = search && toIndex.every((a) => a.key !== undefined)
    ? { inputs: indexing.inputs, articles: toIndex.map((a): [number, string, string] => [a.record.number, a.path, a.key!]), index: search.state }
    : null;
  return { pagesRendered: rendered.pages.length, pagesWritten: allPages.length, search, searchState, exportParts: await exported.parts, summaryDigests: pages.summaryDigests,
    links: linksToSave(pages.version, linked.listings, articles, last.links),
  };
}

/**
 * The last build's search index to patch, with the articles changed since (each as that build indexed it, read back
 * from the per-article cache) and its files read from the output folder; null when a change cannot be known.
 */
function lastIndexOf(last: SearchState, lastArticles: LastArticles, articles: ArticleToIndex[], output: OutputFolder): LastIndex | null {
  const changes = changesSince(last, articles, (key, path) => {
    const cached = lastArticles.read(key, path);
    const old = cached && withText(cached);
    return old?.record && old.searchTerms ? { record: old.record, terms: old.searchTerms } : null;
  });
  return changes ? { state: last.index, changes, root: output.root } : null;
}

/** Reads articles from the per-article cache, its pack store opened once, when first asked, unless given (`release`
 *  lets it go). */
type LastArticles = Pick<PackStore, 'read' | 'release'>;

function lastArticleReader(cacheFolder: string, opened: PackStore | undefined): LastArticles {
  let packs: PackStore | null = opened ?? null;
  return {
    read: (key, path) => (packs ??= openPackStore(cacheFolder)).read(key, path),
    release: () => {
      packs?.release();
      packs = null;
    },
  };
}

/** Finds the article files on this thread: a build with no last build to compare with has nothing to do meanwhile. */
async function findSourcesHere(root: string, cacheDir: string | null): Promise<ArticleFiles> {
  const { found, keep } = await findArticleFilesAgain(root, cacheDir);
  keep();
  return found;
}

/**
 * Finds the article files and reads their metadata on a thread of its own (read/sources-worker.ts). `answer` reads the
 * stat index and, for as long as it waits, the packs of the articles the last build read: a rebuild needs them after
 * the check, and a build with nothing to do needs none, so no longer. `preloaded`: the packs read.
 */
function findSourcesOnThread(root: string, cacheDir: string | null): { answer: (cache: ArticleCache | undefined, packs: PackStore | undefined) => Promise<{ found: ArticleFiles; ahead: StatsAhead | undefined; preloaded: number }> } {
  const { port1, port2 } = new MessageChannel();
  const { port1: startedIn, port2: startedOut } = new MessageChannel();
  // On a bundle of the thread's entry (pipeline/thread-module.ts): it answers ~0.3 s sooner than through tsx.
  const task = runOnThread<SourcesTask>(new URL('./read/sources-worker.ts', import.meta.url), { root, cacheDir: cacheDir ?? undefined, port: port2, started: startedOut }, [port2, startedOut]);
  task.catch(() => {});
  let answer: SourcesFound | undefined;
  const answered = () => (answer ??= receiveMessageOnPort(port1)?.message as SourcesFound | undefined) !== undefined;
  return {
    async answer(cache, packs) {
      try {
        // The thread starts only as this thread's event loop turns (its bundle, the thread, the task's message), and
        // the reads below hold it for 1-2 s: they wait until the thread is at work, or the walk would follow them.
        await Promise.race([once(startedIn, 'message'), task]);
        const recorded = new Map<string, string>();
        const known = cache ? readStatIndex(cache, root, recorded) : null;
        const preloaded = packs ? packs.preload(recorded.values(), answered) : 0;
        if (!answered()) {
          await task;
          answered();
        }
        if (!answer) throw new Error('the thread finding the article files gave no answer');
        return { found: answer.found, ahead: known ? { startedMs: answer.startedMs, stats: answer.stats, known, recorded } : undefined, preloaded };
      } finally {
        port1.close();
        startedIn.close();
      }
    },
  };
}

/** What a build keeps for the next one besides its findings (write/last-build.ts). */
type NextBuildState = Pick<LastBuild, 'search' | 'export' | 'summaries' | 'links'>;

/** The last build's links, known to be this build's too (`linksAsLast`). */
interface LinksAsLast {
  /** Each article's related articles. */
  related: Map<string, string[]>;
  /** The articles changed since (their file, by its cache key): every other one has the last build's record and links. */
  changed: Set<string>;
  /** The last build's page version (`renderVersion`). */
  version: string;
  /** The last build's listings, when no changed article changed what they are made from (`listingInputsOf`). */
  listings: Listings | null;
  /** The links as the last build saved them: saved again as they are, where they are this build's too. */
  saved: LastLinks;
}

/** The links a build saves for the next (`LastLinks`): the last build's strings where its links were kept. */
function linksToSave(version: string, listings: Listings, articles: readonly ArticlePage[], last: LinksAsLast | null): Omit<LastLinks, 'inputs'> {
  // Kept links have the last build's articles, in the same order, and its related articles.
  return {
    version,
    ids: last?.saved.ids ?? articles.map((a) => a.id).join(' '),
    related: last?.saved.related ?? articles.map((a) => a.related.join(' ')).join('\n'),
    listings: last?.listings ? last.saved.listings : JSON.stringify(listings),
  };
}

/**
 * The last build's links, when they are still right: the same articles, and every one changed since (by its cache key)
 * with the same features and product family as that build read (`relatedInputsOf`: its citations are among them), its
 * record read back from the cache under the key the last build's index recorded. Then every article has the related
 * articles, citations and neighbours it had. Null otherwise: they are computed again.
 */
function linksAsLast(last: LastLinks, lastSearch: SearchState, kept: ProcessedArticle[], keyOf: (path: string) => string | undefined, lastArticles: LastArticles): LinksAsLast | null {
  const ids = kept.map((p) => p.record!.id);
  if (ids.join(' ') !== last.ids || lastSearch.articles.length !== kept.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < kept.length; i++) {
    const [number, path, key] = lastSearch.articles[i]!;
    if (number !== kept[i]!.record!.number) return null;
    if (path !== kept[i]!.path || key !== keyOf(kept[i]!.path)) changed.push(i);
  }
  // As many as the index patches: past that, reading them back costs more than relating every article.
  if (changed.length > MAX_PATCHED_ARTICLES) return null;
  let listingsAsLast = true;
  for (const i of changed) {
    const [, path, key] = lastSearch.articles[i]!;
    const old = lastArticles.read(key, path)?.record;
    const now = kept[i]!.record!;
    if (!old || relatedInputsOf(old) !== relatedInputsOf(now)) return null;
    listingsAsLast &&= listingInputsOf(old) === listingInputsOf(now);
  }
  const lists = last.related.split('\n');
  return {
    related: new Map(ids.map((id, i) => [id, lists[i] ? lists[i]!.split(' ') : []])),
    changed: new Set(changed.map((i) => ids[i]!)),
    version: last.version,
    listings: listingsAsLast ? (JSON.parse(last.listings) as Listings) : null,
    saved: last,
  };
}

function describeFromLast(fromLast: LinkedArchive['stats']['fromLast']): string {
  const kept = [fromLast.related ? 'related articles' : '', fromLast.listings ? 'listings' : ''].filter(Boolean);
  return kept.length > 0 ? `; ${kept.join(' and ')} as the last build made them` : '';
}

/** Files rejected at the article stage (duplicate ids included); tree-level warnings don't count. */
function countRejectedFiles(diagnostics: Diagnostic[]): number {
  return new Set(diagnostics.filter((d) => d.severity === 'rejected').map((d) => d.file)).size;
}

function tallyRules(perArticle: RuleCounts[]): Record<string, { articles: number; occurrences: number }> {
  const out: Record<string, { articles: number; occurrences: number }> = {};
  for (const rules of perArticle) {
    for (const [rule, n] of Object.entries(rules)) {
      if (n <= 0) continue;
      const entry = (out[rule] ??= { articles: 0, occurrences: 0 });
      entry.articles++;
      entry.occurrences += n;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b, 'en')));
}
