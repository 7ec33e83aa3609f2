/**
 * `/opensearch.xml`: an OpenSearch 1.1 description, so browsers offer the archive as an address-bar search engine
 * (the base layout links it with `rel="search"`). Browsers want absolute templates: build with `--site-url`.
 * Spec: https://github.com/dewitt/opensearch/blob/master/opensearch-1-1-draft-6.md
 */
import { escapeHtml as escapeXml } from '../layouts/lib/html.ts';
import { absoluteUrl, type SiteData } from '../layouts/lib/site.ts';

export const data = { permalink: '/opensearch.xml', eleventyExcludeFromCollections: true };

export function render({ kb }: { kb: SiteData }): string {
  const { site } = kb;
  // ShortName: at most 16 characters (spec).
  return `<?xml version="1.0" encoding="utf-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${escapeXml(site.title.slice(0, 16))}</ShortName>
  <Description>Search archived Microsoft Knowledge Base articles by event ID, error code, article number or words.</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Url type="text/html" method="get" template="${escapeXml(absoluteUrl(site, '/search/'))}?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(absoluteUrl(site, '/opensearch.xml'))}"/>
</OpenSearchDescription>
`;
}
