/**
 * Stage 7 (write), the site-wide files: the sitemap index, the `_redirects` rules for old links and the data export.
 * The article records and originals are `articles.ts`; Eleventy renders every page, feed.xml, opensearch.xml,
 * robots.txt and the not-found page that resolves old links in the browser (content/).
 */
import type { ArticlePage, SiteInfo } from '../../layouts/lib/site.ts';
import type { RenderedPage } from '../render/eleventy.ts';
import { recordsExportPath } from './data-export.ts';
import type { OutputFolder } from './output.ts';
import { redirectRules } from './redirects.ts';
import { sitemapFiles } from './sitemap.ts';

/** Which rendered files go in the sitemap: pages (not feeds or text), unless they ask not to be indexed. */
const isIndexablePage = (f: RenderedPage) => /(\/|\.html)$/.test(f.url) && !f.noindex;

/**
 * Writes the site-wide files. `exportBytes` is the data export, started by the caller while pages render
 * (compressing it is CPU work for the second core).
 */
export async function writeSiteFiles(
  output: OutputFolder,
  site: SiteInfo,
  articles: readonly ArticlePage[],
  rendered: readonly RenderedPage[],
  exportBytes: Promise<Buffer>,
  options: { redirectsFile: boolean },
): Promise<{ files: number; sitemapUrls: number }> {
  const lastmod = new Map(articles.map((a) => [a.permalink, a.lastModified]));
  const pages = rendered.filter(isIndexablePage).map((f) => ({ path: f.url, lastmod: lastmod.get(f.url) ?? null }));
  const sitemaps = sitemapFiles(site, pages);
  await output.writeAll(options.redirectsFile ? [...sitemaps, ['/_redirects', redirectRules(site, articles)]] : sitemaps);
  await output.write(recordsExportPath, await exportBytes);
  return { files: sitemaps.size + 1 + (options.redirectsFile ? 1 : 0), sitemapUrls: pages.length };
}
