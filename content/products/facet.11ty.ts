/**
 * A product family narrowed by one facet: `/products/exchange/years/1999/`, `/products/exchange/types/prb/`,
 * `/products/windows-nt/versions/winnt-4.0/` (paginated like every listing).
 */
import { groupTemplate } from '../../layouts/group-pages.ts';
import { typeLabel } from '../../layouts/lib/labels.ts';
import type { GroupListing } from '../../scripts/link/index.ts';

type Facet = 'years' | 'types' | 'versions';

export const facetPath = (family: string, facet: Facet, key: string): string => `/products/${family}/${facet}/${key}/`;

const headings: Record<Facet, (family: string, value: string) => string> = {
  years: (family, year) => `${family} articles last modified in ${year}`,
  types: (family, type) => `${family}: ${type} articles`,
  versions: (family, version) => `${family}, version ${version}`,
};

/** Keys are `<family>/<facet>/<value>`; names are the value as shown. */
const parts = (key: string) => {
  const [family = '', facet = 'years', value = ''] = key.split('/');
  return { family, facet: facet as Facet, value };
};

const t = groupTemplate({
  listing: (kb) =>
    kb.listings.productFacets.flatMap((f) => {
      const of = (facet: Facet, list: GroupListing[], name = (n: string) => n) =>
        list.map((g) => ({ key: `${f.key}/${facet}/${g.key}`, name: name(g.name), articles: g.articles }));
      return [...of('years', f.years), ...of('types', f.types, typeLabel), ...of('versions', f.versions)];
    }),
  pathOf: (key) => {
    const { family, facet, value } = parts(key);
    return facetPath(family, facet, value);
  },
  heading: (name, g, kb) => {
    const { family, facet } = parts(g.key);
    return headings[facet](kb.families.get(family)?.name ?? family, name);
  },
  section: (g, kb) => {
    const { family } = parts(g.key);
    return [{ label: 'Products', path: '/products/' }, { label: kb.families.get(family)?.name ?? family, path: `/products/${family}/` }];
  },
});

export const data = t.data;
export const render = t.render;
