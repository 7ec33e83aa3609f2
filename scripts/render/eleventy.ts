/**
 * Stage 5 (render): Eleventy 3 writes every page from the linked archive, passed in as the global data `kb`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { SiteData } from '../../layouts/lib/site.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function renderSite(data: SiteData, out: string): Promise<{ pages: number }> {
  const previous = process.cwd();
  // Eleventy resolves its input, includes and ignores against the working directory.
  process.chdir(projectRoot);
  try {
    const eleventy = new Eleventy('content', resolve(previous, out), {
      configPath: '.eleventy.js',
      quietMode: true,
      config(eleventyConfig: { addGlobalData: (name: string, value: unknown) => void }) {
        eleventyConfig.addGlobalData('kb', data);
      },
    });
    // Our progress line reports the stage; Eleventy's own "Wrote N files" would repeat it.
    eleventy.disableLogger();
    const results = (await eleventy.write()) as unknown;
    const written = Array.isArray(results) ? results.flat(2).filter((r) => r && typeof r === 'object' && 'outputPath' in r) : [];
    return { pages: written.length };
  } finally {
    process.chdir(previous);
  }
}
