/**
 * Sitemaps (https://www.sitemaps.org/protocol.html): `/sitemap.xml` is a sitemap index over `/sitemap-<n>.xml`
 * files of at most 50,000 URLs each (the protocol's limit; the archive has ~60k articles plus its listings).
 * The files sit at the base root because a sitemap may only list URLs at or below its own folder.
 * `<loc>` must be absolute: build with `--site-url`; without it the paths are written site-absolute.
 */
import { escapeHtml as escapeXml } from '../../layouts/lib/html.ts';
import { absoluteUrl, type SiteInfo } from '../../layouts/lib/site.ts';

/** The protocol's limit per file. */
export const maxUrlsPerSitemap = 50_000;

export interface SitemapEntry {
  /** Site path, without the base prefix: `/kb/182/Q182346/`. */
  path: string;
  /** ISO date, when known. */
  lastmod?: string | null;
}

/** Every sitemap file as site path → XML: the index at `/sitemap.xml` first. Entries are sorted by path. */
export function sitemapFiles(site: SiteInfo, entries: readonly SitemapEntry[], perFile = maxUrlsPerSitemap): Map<string, string> {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chunks: SitemapEntry[][] = [];
  for (let i = 0; i < sorted.length; i += perFile) chunks.push(sorted.slice(i, i + perFile));
  if (chunks.length === 0) chunks.push([]);
  const files = new Map<string, string>();
  const index: string[] = [];
  chunks.forEach((chunk, i) => {
    const path = `/sitemap-${i + 1}.xml`;
    const lastmod = chunk.reduce<string | null>((max, e) => (e.lastmod && (!max || e.lastmod > max) ? e.lastmod : max), null);
    index.push(`  <sitemap><loc>${escapeXml(absoluteUrl(site, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`);
    const urls = chunk.map((e) => `  <url><loc>${escapeXml(absoluteUrl(site, e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`);
    files.set(path, `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
  });
  return new Map([['/sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('\n')}\n</sitemapindex>\n`], ...files]);
}
