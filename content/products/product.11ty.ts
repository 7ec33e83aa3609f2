/**
 * `/products/<family>/`: a product family's articles, paginated, and on its first page the ways to narrow them
 * by year, article type and version (each a sub-listing written by facet.11ty.ts).
 */
import { html } from '../../layouts/lib/html.ts';
import { groupTemplate, countList } from '../../layouts/group-pages.ts';
import { typeLabel } from '../../layouts/lib/labels.ts';
import type { SiteData } from '../../layouts/lib/site.ts';
import { facetPath } from './facet.11ty.ts';

function narrowBy(kb: SiteData, family: string) {
  const f = kb.listings.productFacets.find((p) => p.key === family);
  if (!f) return '';
  const section = (id: string, heading: string, list: { key: string; name: string; articles: string[] }[], kind: 'years' | 'types' | 'versions', name = (n: string) => n) =>
    list.length === 0
      ? ''
      : html`<section class="facet" aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>
${countList(kb.site, list.map((g) => ({ name: name(g.name), path: facetPath(family, kind, g.key), count: g.articles.length })), `counts facet-${kind}`)}</section>`;
  return html`<div class="facets">
${section('by-year', 'By year', f.years, 'years')}
${section('by-type', 'By article type', f.types, 'types', typeLabel)}
${section('by-version', 'By version', f.versions, 'versions')}
</div>`;
}

const t = groupTemplate({
  listing: (kb) => kb.listings.families,
  pathOf: (key) => `/products/${key}/`,
  heading: (name) => name,
  section: { label: 'Products', path: '/products/' },
  lead: (g, kb) => narrowBy(kb, g.key),
});
export const data = t.data;
export const render = t.render;
