/**
 * Stage 5 (render): Eleventy 3 renders every page from the linked archive, passed in as the global data `kb`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { articlePagePath, type ArticlePage, type SiteData } from '../../layouts/lib/site.ts';
import type { PageSelector } from './incremental.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One page Eleventy rendered, as the build writes it (through its output folder) and lists it (sitemap). */
export interface RenderedPage {
  /** Site path without the base prefix (`/kb/182/Q182346/`, `/feed.xml`). */
  url: string;
  /** The file it is written to, as a site path (`/kb/182/Q182346/index.html`). */
  sitePath: string;
  /** An HTML page that asks not to be indexed (`<meta name="robots" content="noindex">`): kept out of the sitemap. */
  noindex: boolean;
}

const noindexMeta = /<meta name="robots" content="[^"]*noindex/;

function isPageResult(r: unknown): r is { url: string; outputPath: string; content: string } {
  if (typeof r !== 'object' || r === null) return false;
  const { url, outputPath, content } = r as { url?: unknown; outputPath?: unknown; content?: unknown };
  // A template with `permalink: false` comes back with no output path: it is not a page.
  return typeof url === 'string' && typeof outputPath === 'string' && typeof content === 'string';
}

export interface RenderOptions {
  /**
   * The article pages to render, in the Eleventy runs to render them in (default: those `data.pages.select` chooses,
   * in one run). Eleventy holds every page of a run until the run ends; in runs, what one run held is freed before
   * the next, and the pages of one run are written while the next renders.
   */
  articleRuns?: readonly (readonly ArticlePage[])[];
  /** Takes each run's pages as soon as the run ends (the build writes them: write/output.ts). */
  onPages: (pages: (RenderedPage & { content: string })[]) => Promise<void>;
}

/** The site path of the file a page's URL names (`/kb/182/Q182346/` → `/kb/182/Q182346/index.html`). */
export const sitePathOf = (url: string): string => (url.endsWith('/') ? `${url}index.html` : url);

/**
 * Renders the site's pages in memory (Eleventy's `toJSON`) and hands them to `onPages` run by run: the build's
 * output folder writes them on a thread of its own, while the main thread renders the next run (Eleventy's own
 * writes are synchronous, on the main thread: ~40 s of the full corpus's rendering went to the kernel's mkdir and
 * write calls).
 */
export async function renderSite(data: SiteData, options: RenderOptions): Promise<{ pages: RenderedPage[] }> {
  const articles = new Set<unknown>(data.articles);
  const articleRuns = options.articleRuns ?? [data.pages.select(data.articles, articlePagePath)];
  // One run: every page. Else run 0: every page but the articles', then one run per slice of the articles. Pages not
  // made from data (the home page, the feed) are rendered by every run, to the same bytes: each is kept once.
  const runs = articleRuns.length <= 1
    ? [{ articles: new Set<unknown>(articleRuns[0] ?? []), others: true }]
    : [{ articles: new Set<unknown>(), others: true }, ...articleRuns.map((run) => ({ articles: new Set<unknown>(run), others: false }))];
  const pages = new Map<string, RenderedPage>();
  for (const run of runs) {
    // Templates choose their pages here (`kb.pages.select`): an article page by whether it is in this run (its
    // fingerprint was compared when the runs were made), any other page in the run that renders the others.
    const pagesOfRun: PageSelector = {
      select: (items, outputOf) => {
        const chosen: typeof items[number][] = [];
        const others: typeof items[number][] = [];
        for (const item of items) {
          if (!articles.has(item)) {
            if (run.others) others.push(item);
          } else if (run.articles.has(item)) {
            chosen.push(item);
          }
        }
        return others.length > 0 ? [...chosen, ...data.pages.select(others, outputOf)] : chosen;
      },
    };
    const rendered = (await renderRun({ ...data, pages: pagesOfRun })).filter((p) => !pages.has(p.sitePath));
    for (const { content: _content, ...page } of rendered) pages.set(page.sitePath, page);
    await options.onPages(rendered);
  }
  return { pages: [...pages.values()] };
}

async function renderRun(data: SiteData): Promise<(RenderedPage & { content: string })[]> {
  const previous = process.cwd();
  // Eleventy resolves its input, includes and ignores against the working directory.
  process.chdir(projectRoot);
  try {
    // The output folder is never written (toJSON): the pages' URLs say where each goes.
    const eleventy = new Eleventy('content', '_site', {
      configPath: '.eleventy.js',
      quietMode: true,
      config(eleventyConfig: { addGlobalData: (name: string, value: unknown) => void }) {
        // Frozen, so Eleventy's pagination hands templates the object itself: its data proxy (ProxyWrap) would
        // otherwise wrap `kb` and its plain-object fields anew on every access of every page (a cold render of the
        // full corpus took 75-76 s frozen, 83-87 s not).
        eleventyConfig.addGlobalData('kb', Object.freeze(data));
      },
    });
    eleventy.disableLogger();
    const results = (await eleventy.toJSON()) as unknown;
    return (Array.isArray(results) ? results : []).filter(isPageResult).map((r) => {
      const sitePath = sitePathOf(r.url);
      // The file is named by the URL (index.html for a folder's): a permalink where the two part is a template bug.
      if (!r.outputPath.endsWith(sitePath)) throw new Error(`${r.url}: Eleventy would write it to ${r.outputPath}, not to ${sitePath}; give the template a permalink that names the file (ending in / or a file name)`);
      return { url: r.url, sitePath, content: r.content, noindex: /(\/|\.html)$/.test(r.url) && noindexMeta.test(r.content.slice(0, 2000)) };
    });
  } finally {
    process.chdir(previous);
  }
}
