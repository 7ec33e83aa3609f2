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

const assetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../content/assets');

/** The assets served under hashed names, relative to content/assets. */
export const hashedAssets = ['site.css'] as const;
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
    const content = readFileSync(join(assetsDir, name), 'utf8');
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
    file = { name, path: `/assets/${name.replace(/(\.[a-z]+)$/, `.${hash}$1`)}`, content };
    cache.set(name, file);
  }
  return file;
}

/** The site path of an asset's hashed copy; put it through `url(site, …)` for the --base prefix. */
export const assetPath = (name: HashedAsset): string => assetFile(name).path;
