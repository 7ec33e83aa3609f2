/**
 * Pages for a browse listing (product family, product × year/type/version, article type, year, keyword,
 * `/kb/<NNN>/` folder), paginated at `pageSize` articles: `/products/exchange/`, `/products/exchange/page/2/`, …
 * The largest family of the full corpus has about 9,000 articles: 45 pages of 200, each a sane size.
 */
import { flat } from './lib/flat.ts';
import { html, raw, type SafeHtml } from './lib/html.ts';
import { url, type SiteData } from './lib/site.ts';
import { count } from './lib/labels.ts';
import { articleList } from './listing.ts';
import type { GroupListing } from '../scripts/link/index.ts';
import type { Crumb } from './base.11ty.ts';

export interface GroupPage {
  key: string;
  name: string;
  ids: string[];
  /** 1-based page number and count. */
  page: number;
  pages: number;
  total: number;
  path: string;
}

export const pageSize = 200;

const pagePath = (first: string, page: number) => (page === 1 ? first : `${first}page/${page}/`);

export function groupPages(groups: GroupListing[], pathOf: (key: string) => string): GroupPage[] {
  return groups.flatMap((g) => {
    const pages = Math.max(1, Math.ceil(g.articles.length / pageSize));
    return Array.from({ length: pages }, (_, i) => ({
      key: g.key,
      name: g.name,
      ids: g.articles.slice(i * pageSize, (i + 1) * pageSize),
      page: i + 1,
      pages,
      total: g.articles.length,
      path: pagePath(pathOf(g.key), i + 1),
    }));
  });
}

/** Links to the pages of a listing, the current one marked. */
export function pager(site: SiteData['site'], first: string, page: number, pages: number): SafeHtml | '' {
  if (pages < 2) return '';
  return html`<nav class="pager" aria-label="Pages"><ul>${Array.from({ length: pages }, (_, i) =>
    i + 1 === page ? html`<li><span aria-current="page">${i + 1}</span></li>` : html`<li><a href="${url(site, pagePath(first, i + 1))}">${i + 1}</a></li>`,
  )}</ul></nav>`;
}

/** A list of groups (years, types, versions…) as links with their article counts. */
export function countList(site: SiteData['site'], groups: { name: string; path: string; count: number }[], className = 'counts'): SafeHtml {
  return html`<ul class="${className}">${groups.map(
    (g) => html`<li><a href="${url(site, g.path)}">${g.name}</a> <span class="count">${g.count.toLocaleString('en-US')}</span></li>`,
  )}</ul>`;
}

/** An Eleventy template (data + render) over one listing family. */
export function groupTemplate(options: {
  listing: (kb: SiteData) => GroupListing[];
  pathOf: (key: string) => string;
  heading: (name: string, g: GroupPage, kb: SiteData) => string;
  /** The trail above the page's own name. */
  section: Crumb | ((g: GroupPage, kb: SiteData) => Crumb[]);
  /** A sentence after the count. */
  intro?: (g: GroupPage, kb: SiteData) => string;
  /** Shown on the first page, between the count and the list (a product's ways to narrow). */
  lead?: (g: GroupPage, kb: SiteData) => SafeHtml | '';
}) {
  const trail = (g: GroupPage, kb: SiteData): Crumb[] => (typeof options.section === 'function' ? options.section(g, kb) : [options.section]);
  return {
    data: {
      layout: 'base.11ty.ts',
      pagination: {
        data: 'kb',
        size: 1,
        alias: 'group',
        addAllPagesToCollections: false,
        before: (_: unknown, d: { kb: SiteData }) => d.kb.pages.select(groupPages(options.listing(d.kb), options.pathOf), (g) => `${g.path}index.html`),
      },
      permalink: (d: { group: GroupPage }) => `${d.group.path}index.html`,
      eleventyComputed: {
        title: (d: { group: GroupPage; kb: SiteData }) => options.heading(d.group.name, d.group, d.kb) + (d.group.page > 1 ? ` (page ${d.group.page})` : ''),
        canonical: (d: { group: GroupPage }) => d.group.path,
        breadcrumbs: (d: { group: GroupPage; kb: SiteData }) => [{ label: 'Home', path: '/' }, ...trail(d.group, d.kb), { label: d.group.name }],
      },
    },
    async render({ kb, group }: { kb: SiteData; group: GroupPage }): Promise<string> {
      const first = (group.page - 1) * pageSize + 1;
      const lead = group.page === 1 && options.lead ? options.lead(group, kb) : '';
      // An entity for the dash: layouts keep to Latin-1 (article.ts, `neighbour`).
      return flat(html`<h1>${options.heading(group.name, group, kb)}</h1>
<p class="lead">${count(group.total, 'article')}${group.pages > 1 ? html`; showing ${first.toLocaleString('en-US')}&ndash;${(first + group.ids.length - 1).toLocaleString('en-US')}` : ''}.${options.intro ? ` ${options.intro(group, kb)}` : ''}</p>
${lead}
${lead ? raw('<h2 id="articles">Articles</h2>') : ''}
${articleList(kb, group.ids)}
${pager(kb.site, options.pathOf(group.key), group.page, group.pages)}`.value);
    },
  };
}
