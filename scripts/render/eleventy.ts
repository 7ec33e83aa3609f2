/**
 * Stage 5 (render): Eleventy 3 writes every page from the linked archive, passed in as the global data `kb`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { articlePagePath, type SiteData } from '../../layouts/lib/site.ts';
import type { PageSelector } from './incremental.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One file Eleventy wrote. */
export interface RenderedFile {
  /** Site path without the base prefix (`/kb/182/Q182346/`, `/feed.xml`); empty for a passthrough copy. */
  url: string;
  /** Absolute path of the file written. */
  outputPath: string;
  /** An HTML page that asks not to be indexed (`<meta name="robots" content="noindex">`): kept out of the sitemap. */
  noindex: boolean;
}

const noindexMeta = /<meta name="robots" content="[^"]*noindex/;

function isWriteResult(r: unknown): r is { url: string; outputPath: string; content: unknown } {
  return typeof r === 'object' && r !== null && typeof (r as { url?: unknown }).url === 'string' && typeof (r as { outputPath?: unknown }).outputPath === 'string';
}

export interface RenderHooks {
  /** Every template has chosen its pages (`kb.pages.select`) and none is rendered yet: Eleventy's content map is built. */
  onPagesChosen?: () => void;
  /**
   * The article pages to render, by site path (`articlePagePath`), in the Eleventy runs to render them in (default:
   * those `data.pages.select` chooses, in one run). The caller chooses them before rendering, so that how many there
   * are can decide the runs. Eleventy holds every page it renders until its run ends (its results, each page's
   * content); over 72k pages that took the build from 1.4 to 3.5 GiB, so none of the search index's children could
   * write beside rendering. In runs, what one run held is freed before the next.
   */
  articleRuns?: ReadonlySet<string>[];
  /** Called before each run after the first: the build collects the garbage the last run left (V8 would let the
   *  heap grow first, and the search index's child writes beside rendering). */
  betweenRuns?: () => void;
}

export async function renderSite(data: SiteData, out: string, hooks: RenderHooks = {}): Promise<{ pages: number; files: RenderedFile[] }> {
  const articlePages = new Set(data.articles.map(articlePagePath));
  const articleRuns = hooks.articleRuns ?? [new Set(data.pages.select(data.articles, articlePagePath).map(articlePagePath))];
  // One run: every page. Else run 0: every page but the articles', then one run per slice of the articles. Pages not
  // made from data (the home page, the feed) are rendered by every run, to the same bytes: each is counted once.
  const runs = articleRuns.length <= 1 ? [{ articles: articleRuns[0] ?? new Set<string>(), others: true }] : [{ articles: new Set<string>(), others: true }, ...articleRuns.map((articles) => ({ articles, others: false }))];
  const files = new Map<string, RenderedFile>();
  let pages = 0;
  for (const [n, run] of runs.entries()) {
    const pagesOfRun: PageSelector = {
      select: (items, outputOf) => {
        const articles: typeof items[number][] = [];
        const others: typeof items[number][] = [];
        for (const item of items) {
          const path = outputOf(item);
          if (!articlePages.has(path)) {
            if (run.others) others.push(item);
          } else if (run.articles.has(path)) {
            articles.push(item);
          }
        }
        return others.length > 0 ? [...articles, ...data.pages.select(others, outputOf)] : articles;
      },
    };
    if (n > 0) hooks.betweenRuns?.();
    const result = await renderRun({ ...data, pages: pagesOfRun }, out, n === 0 ? hooks.onPagesChosen : undefined);
    for (const f of result.files) {
      if (files.has(f.outputPath)) continue;
      files.set(f.outputPath, f);
      if (f.url) pages++;
    }
  }
  return { pages, files: [...files.values()] };
}

async function renderRun(data: SiteData, out: string, onPagesChosen: (() => void) | undefined): Promise<{ pages: number; files: RenderedFile[] }> {
  const previous = process.cwd();
  // Eleventy resolves its input, includes and ignores against the working directory.
  process.chdir(projectRoot);
  try {
    const eleventy = new Eleventy('content', resolve(previous, out), {
      configPath: '.eleventy.js',
      quietMode: true,
      config(eleventyConfig: { addGlobalData: (name: string, value: unknown) => void; on: (event: string, listener: () => void) => void }) {
        // Frozen, so Eleventy's pagination hands templates the object itself: its data proxy (ProxyWrap) would
        // otherwise wrap `kb` and its plain-object fields anew on every access of every page (a cold render of the
        // full corpus took 75-76 s frozen, 83-87 s not).
        eleventyConfig.addGlobalData('kb', Object.freeze(data));
        // Fired once pagination has run for every template (so every `before` has chosen its pages), before any
        // page is rendered: TemplateMap.cache in Eleventy 3.
        if (onPagesChosen) eleventyConfig.on('eleventy.contentMap', onPagesChosen);
      },
    });
    // Our progress line reports the stage; Eleventy's own "Wrote N files" would repeat it.
    eleventy.disableLogger();
    const results = (await eleventy.write()) as unknown;
    // write() resolves to [passthrough copies, pages]: each copy with a `map` of source → destination file.
    const [copies, pages] = Array.isArray(results) ? results : [];
    const written = (Array.isArray(pages) ? pages.flat(2) : []).filter(isWriteResult);
    const files: RenderedFile[] = written.map((r) => ({
      url: r.url,
      outputPath: resolve(projectRoot, r.outputPath),
      noindex: /(\/|\.html)$/.test(r.url) && typeof r.content === 'string' && noindexMeta.test(r.content.slice(0, 2000)),
    }));
    const copied = (Array.isArray(copies) ? copies : []).flatMap((c: { map?: Record<string, string> }) => Object.values(c?.map ?? {}));
    for (const dest of copied) files.push({ url: '', outputPath: resolve(projectRoot, dest), noindex: true });
    return { pages: written.length, files };
  } finally {
    process.chdir(previous);
  }
}
