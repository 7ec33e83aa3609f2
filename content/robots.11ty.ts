/**
 * `/robots.txt`: everything may be crawled; the sitemap index is named when the site URL is known (the
 * `Sitemap:` line must be absolute). Crawlers only read robots.txt at a host's root: under `--base /kb/` copy
 * it there, or merge its lines into the root's own.
 */
import { absoluteUrl, type SiteData } from '../layouts/lib/site.ts';

export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true };

export function render({ kb }: { kb: SiteData }): string {
  const { site } = kb;
  return [
    'User-agent: *',
    `Allow: ${site.base}`,
    site.siteUrl ? `Sitemap: ${absoluteUrl(site, '/sitemap.xml')}` : `# Sitemap: build with --site-url to name ${site.base}sitemap.xml here (the line must be absolute).`,
    '',
  ].join('\n');
}
