/**
 * Stage 5 (render): Eleventy 3 writes every page from the linked archive, passed in as the global data `kb`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { SiteData } from '../../layouts/lib/site.ts';

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
}

export async function renderSite(data: SiteData, out: string, hooks: RenderHooks = {}): Promise<{ pages: number; files: RenderedFile[] }> {
  const previous = process.cwd();
  // Eleventy resolves its input, includes and ignores against the working directory.
  process.chdir(projectRoot);
  try {
    const eleventy = new Eleventy('content', resolve(previous, out), {
      configPath: '.eleventy.js',
      quietMode: true,
      config(eleventyConfig: { addGlobalData: (name: string, value: unknown) => void; on: (event: string, listener: () => void) => void }) {
        eleventyConfig.addGlobalData('kb', data);
        // Fired once pagination has run for every template (so every `before` has chosen its pages), before any
        // page is rendered: TemplateMap.cache in Eleventy 3.
        if (hooks.onPagesChosen) eleventyConfig.on('eleventy.contentMap', hooks.onPagesChosen);
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
