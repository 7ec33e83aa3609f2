/**
 * Pages for a browse listing (product family, article type, year, keyword, /kb/<NNN>/ folder), paginated at
 * `pageSize` articles: `/products/exchange/`, `/products/exchange/page/2/`, …
 */
import { html } from './lib/html.ts';
import { url, type SiteData } from './lib/site.ts';
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
      path: i === 0 ? pathOf(g.key) : `${pathOf(g.key)}page/${i + 1}/`,
    }));
  });
}

/** An Eleventy template (data + render) over one listing family. */
export function groupTemplate(options: {
  listing: (kb: SiteData) => GroupListing[];
  pathOf: (key: string) => string;
  heading: (name: string) => string;
  section: Crumb;
  intro?: (g: GroupPage, kb: SiteData) => string;
}) {
  return {
    data: {
      layout: 'base.11ty.ts',
      pagination: {
        data: 'kb',
        size: 1,
        alias: 'group',
        addAllPagesToCollections: false,
        before: (_: unknown, d: { kb: SiteData }) => groupPages(options.listing(d.kb), options.pathOf),
      },
      permalink: (d: { group: GroupPage }) => `${d.group.path}index.html`,
      eleventyComputed: {
        title: (d: { group: GroupPage }) => options.heading(d.group.name) + (d.group.page > 1 ? ` (page ${d.group.page})` : ''),
        canonical: (d: { group: GroupPage }) => d.group.path,
        breadcrumbs: (d: { group: GroupPage }) => [{ label: 'Home', path: '/' }, options.section, { label: d.group.name }],
      },
    },
    render({ kb, group }: { kb: SiteData; group: GroupPage }): string {
      const site = kb.site;
      const first = (group.page - 1) * pageSize + 1;
      return html`<h1>${options.heading(group.name)}</h1>
<p>${group.total.toLocaleString('en-US')} ${group.total === 1 ? 'article' : 'articles'}${group.pages > 1 ? `; showing ${first}–${first + group.ids.length - 1}` : ''}.${options.intro ? ` ${options.intro(group, kb)}` : ''}</p>
${articleList(kb, group.ids)}
${group.pages > 1 ? html`<nav class="pager" aria-label="Pages"><ul>${Array.from({ length: group.pages }, (_, i) => {
        const path = i === 0 ? options.pathOf(group.key) : `${options.pathOf(group.key)}page/${i + 1}/`;
        return i + 1 === group.page ? html`<li><span aria-current="page">${i + 1}</span></li>` : html`<li><a href="${url(site, path)}">${i + 1}</a></li>`;
      })}</ul></nav>` : ''}`.value;
    },
  };
}
