/**
 * What every template receives about the site, and the URL helper that puts the --base prefix on every link.
 */
import type { ArticleSummary, Listings } from '../../scripts/link/index.ts';
import type { LinkedArticle } from '../../scripts/types.ts';
import type { PageSelector } from '../../scripts/render/incremental.ts';

export interface SiteInfo {
  /** URL prefix the site is hosted under, always starting and ending with `/` (`/`, `/kb/`). */
  base: string;
  /** Absolute origin for canonical URLs and sitemaps (`https://example.org`), or null. */
  siteUrl: string | null;
  title: string;
  articleCount: number;
  version: string;
}

/** One article page's data: the linked record plus its rendered body. */
export interface ArticlePage extends LinkedArticle {
  bodyHtml: string;
  /** Name of the published plain-text original beside the page (`Q182346.txt`). */
  originalFile: string;
  previous: string | null;
  next: string | null;
}

export interface FamilyInfo {
  slug: string;
  name: string;
}

/** The global data Eleventy gets as `kb`. */
export interface SiteData {
  site: SiteInfo;
  articles: ArticlePage[];
  summaries: Map<string, ArticleSummary>;
  listings: Listings;
  families: Map<string, FamilyInfo>;
  /** Which pages from data to render (a rebuild skips those whose inputs did not change): `before` in each pagination. */
  pages: PageSelector;
}

/** The site path of an article's page (`/kb/182/Q182346/index.html`), as its template writes it. */
export const articlePagePath = (article: ArticlePage): string => `${article.permalink}index.html`;

/** A site-relative path (`/events/4087/`) as a link under the base prefix (`/kb/events/4087/`). */
export function url(site: SiteInfo, path: string): string {
  return site.base + path.replace(/^\//, '');
}

/** The absolute URL, when a site URL is known; else the prefixed path. */
export function absoluteUrl(site: SiteInfo, path: string): string {
  return site.siteUrl ? site.siteUrl.replace(/\/$/, '') + url(site, path) : url(site, path);
}
