/**
 * The files of content/assets (the icon, the stylesheets), published as they are under /assets/. A template, not a
 * passthrough copy: the build renders in memory (Eleventy's `toJSON`, which copies nothing) and writes every file
 * through its output folder (scripts/render/eleventy.ts). Text files only, read as UTF-8.
 */
import { readdirSync, readFileSync } from 'node:fs';

const folder = new URL('./assets/', import.meta.url);
const textFile = /\.(css|svg|js|txt|json|xml|html)$/;

interface StaticAsset {
  name: string;
  content: string;
}

function staticAssets(): StaticAsset[] {
  return readdirSync(folder).sort().map((name) => {
    if (!textFile.test(name)) throw new Error(`content/assets/${name}: only text files (${textFile.source}) are published from content/assets`);
    return { name, content: readFileSync(new URL(name, folder), 'utf8') };
  });
}

export const data = {
  pagination: { data: 'files', size: 1, alias: 'file', addAllPagesToCollections: false },
  files: staticAssets(),
  eleventyExcludeFromCollections: true,
  permalink: (d: { file: StaticAsset }) => `/assets/${d.file.name}`,
};

export const render = ({ file }: { file: StaticAsset }): string => file.content;
