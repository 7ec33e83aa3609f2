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
  /** What each article gets besides its page: see `Publishing`. */
  publishing: Publishing;
}

/**
 * Where an article's record and original text are published besides its page. The defaults keep the full archive
 * within the hosting budget of PRODUCT.md (700 MB, 100,000 files); the rest are options, each with its cost in the
 * README.
 */
export interface Publishing {
  /**
   * Records besides the export `/data/kb-records.jsonl.gz` (which always has them all): `folder` — one JSON Lines
   * file per `/kb/<NNN>/` folder, beside its folder page (308 files, 60 MB on the full archive); `article` — an
   * `index.json` beside every page (one file per article); `none`.
   */
  records: 'folder' | 'article' | 'none';
  /** The original plain text written beside every page as `Q<number>.txt` (one file per article). */
  originals: boolean;
  /** Where the source files are published, prefixed to each `sourcePath` for the "original text" link. */
  sourceUrl: string | null;
}

export const defaultPublishing: Publishing = { records: 'none', originals: false, sourceUrl: null };

/** Site path of the records file of an article number's `/kb/<NNN>/` folder. */
export const folderRecordsPath = (permalink: string): string => `${permalink.replace(/Q\d+\/$/, '')}records.jsonl`;

/** Site path of the record that describes an article, or null when records are published only in the export. */
export function recordPathOf(site: SiteInfo, article: { permalink: string }): string | null {
  const { records } = site.publishing;
  return records === 'article' ? `${article.permalink}index.json` : records === 'folder' ? folderRecordsPath(article.permalink) : null;
}

/** The link to an article's original text: beside the page, at its source, or none. */
export function originalHrefOf(site: SiteInfo, article: { id: string; permalink: string; sourcePath: string }): string | null {
  if (site.publishing.originals) return url(site, `${article.permalink}${article.id}.txt`);
  if (site.publishing.sourceUrl) return site.publishing.sourceUrl + article.sourcePath.split('/').map(encodeURIComponent).join('/');
  return null;
}

/** One article page's data: the linked record plus its rendered body. */
export interface ArticlePage extends LinkedArticle {
  bodyHtml: string;
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
  /** The search script bundled with the index's figures (scripts/index/index.ts), for the search page to hold inline;
   *  absent when the build writes no search index. */
  searchScript?: Promise<string>;
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
