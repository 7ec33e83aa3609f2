/**
 * Stylesheets and scripts under content-hashed names (`/assets/site.3f9a2c1b7e.css`): the name changes only
 * when the bytes do, so a host can cache them for a year (`Cache-Control: immutable`) and every page still gets
 * the current file. The hash is of the file alone, so it is stable from one build to the next.
 * content/hashed-assets.11ty.ts writes the files; templates link them with `assetPath()`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const assetsDir = join(projectRoot, 'content/assets');

/** The assets served under hashed names: files of content/assets, and scripts bundled from assets/ (`bundled`). */
export const hashedAssets = ['site.css', 'old-links.js'] as const;

/** Scripts bundled by esbuild into one classic script each: asset name → entry point. */
const bundled: Partial<Record<(typeof hashedAssets)[number], string>> = { 'old-links.js': 'assets/old-link-page.ts' };

function contentOf(name: (typeof hashedAssets)[number]): string {
  const entry = bundled[name];
  if (!entry) return readFileSync(join(assetsDir, name), 'utf8');
  const built = buildSync({ entryPoints: [join(projectRoot, entry)], bundle: true, format: 'iife', target: 'es2020', minify: true, write: false, logLevel: 'silent' });
  return built.outputFiles[0]!.text;
}
export type HashedAsset = (typeof hashedAssets)[number];

export interface AssetFile {
  name: HashedAsset;
  /** Site path of the hashed copy: `/assets/site.3f9a2c1b7e.css`. */
  path: string;
  content: string;
}

const cache = new Map<HashedAsset, AssetFile>();

export function assetFile(name: HashedAsset): AssetFile {
  let file = cache.get(name);
  if (!file) {
    const content = contentOf(name);
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
    file = { name, path: `/assets/${name.replace(/(\.[a-z]+)$/, `.${hash}$1`)}`, content };
    cache.set(name, file);
  }
  return file;
}

/** The site path of an asset's hashed copy; put it through `url(site, …)` for the --base prefix. */
export const assetPath = (name: HashedAsset): string => assetFile(name).path;
