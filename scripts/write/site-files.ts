/**
 * Stage 7 (write), the site-wide files of issue #5: the sitemap index, old-link redirects and the data export.
 * The article records and originals are `articles.ts`; Eleventy writes every page, feed.xml, opensearch.xml and
 * robots.txt (content/).
 */
import type { ArticlePage, SiteInfo } from '../../layouts/lib/site.ts';
import type { RenderedFile } from '../render/eleventy.ts';
import { recordsExport, recordsExportPath } from './data-export.ts';
import type { OutputFolder } from './output.ts';
import { oldPaths, redirectPage, redirectRules } from './redirects.ts';
import { sitemapFiles } from './sitemap.ts';

/** Which rendered files go in the sitemap: pages (not feeds or text), unless they ask not to be indexed. */
const isIndexablePage = (f: RenderedFile) => /(\/|\.html)$/.test(f.url) && !f.noindex;

/**
 * Writes the site-wide files. `exportBytes` is the data export, started by the caller while pages render
 * (compressing it is CPU work for the second core); when absent it is made here.
 */
export async function writeSiteFiles(
  output: OutputFolder,
  site: SiteInfo,
  articles: readonly ArticlePage[],
  rendered: readonly RenderedFile[],
  exportBytes?: Promise<Buffer>,
): Promise<{ files: number; sitemapUrls: number }> {
  const lastmod = new Map(articles.map((a) => [a.permalink, a.lastModified]));
  const pages = rendered.filter(isIndexablePage).map((f) => ({ path: f.url, lastmod: lastmod.get(f.url) ?? null }));
  const sitemaps = sitemapFiles(site, pages);

  const redirects: [string, string][] = [];
  for (const a of articles) {
    const page = redirectPage(site, a.id, a.permalink);
    for (const path of oldPaths(a.id)) redirects.push([path, page]);
  }
  await output.writeAll([...sitemaps, ...redirects, ['/_redirects', redirectRules(site, articles)]]);
  await output.write(recordsExportPath, await (exportBytes ?? recordsExport(articles)));
  return { files: sitemaps.size + redirects.length + 2, sitemapUrls: pages.length };
}
