/**
 * `/feed.xml`: an Atom feed (RFC 4287) of the most recently modified articles. Ordered by `lastModified`, newest
 * first, ties by article number, and dated by the newest article rather than the build's clock, so two builds of
 * the same input write the same bytes (issue #5).
 */
import { escapeHtml as escapeXml } from '../layouts/lib/html.ts';
import { absoluteUrl, type ArticlePage, type SiteData } from '../layouts/lib/site.ts';

/** How many entries the feed carries: feed readers poll often, so keep it small. */
export const feedSize = 50;

export const data = { permalink: '/feed.xml', eleventyExcludeFromCollections: true };

/** The `count` articles modified last; articles without a date never make the feed. */
export function recentArticles(articles: readonly ArticlePage[], count = feedSize): ArticlePage[] {
  return articles
    .filter((a) => a.lastModified !== null)
    .sort((a, b) => (a.lastModified === b.lastModified ? a.number - b.number : a.lastModified! < b.lastModified! ? 1 : -1))
    .slice(0, count);
}

/** Atom ids must be stable and absolute: the page URL when the site URL is known, else a tag URI (RFC 4151). */
const entryId = (kb: SiteData, path: string, id: string) => (kb.site.siteUrl ? absoluteUrl(kb.site, path) : `tag:kb-archive,2000:${id}`);

export function render({ kb }: { kb: SiteData }): string {
  const { site } = kb;
  const recent = recentArticles(kb.articles);
  const updated = `${recent[0]?.lastModified ?? '1970-01-01'}T00:00:00Z`;
  const entries = recent.map((a) => `  <entry>
    <title>${escapeXml(`${a.id}: ${a.title}`)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site, a.permalink))}"/>
    <id>${escapeXml(entryId(kb, a.permalink, a.id))}</id>
    <updated>${a.lastModified}T00:00:00Z</updated>
    <summary>${escapeXml([a.product, a.articleType.toUpperCase(), a.keywords.slice(0, 8).join(' ')].filter(Boolean).join(' · '))}</summary>
  </entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(site.title)}: recently modified articles</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(site, '/feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site, '/'))}"/>
  <id>${escapeXml(site.siteUrl ? absoluteUrl(site, '/') : 'tag:kb-archive,2000:feed')}</id>
  <updated>${updated}</updated>
  <author><name>Microsoft Corporation</name></author>
  <generator version="${escapeXml(site.version)}">kb-archive-ssg</generator>
${entries.join('\n')}
</feed>
`;
}
