/** Writes each asset of layouts/lib/assets.ts under its content-hashed name, for long caching. */
import { assetFile, hashedAssets, type AssetFile } from '../layouts/lib/assets.ts';

export const data = {
  pagination: { data: 'files', size: 1, alias: 'file', addAllPagesToCollections: false },
  files: hashedAssets.map((name) => assetFile(name)),
  eleventyExcludeFromCollections: true,
  permalink: (d: { file: AssetFile }) => d.file.path,
};

export const render = ({ file }: { file: AssetFile }): string => file.content;
