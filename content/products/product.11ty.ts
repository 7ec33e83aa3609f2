import { groupTemplate } from '../../layouts/group-pages.ts';
const t = groupTemplate({
  listing: (kb) => kb.listings.families,
  pathOf: (key) => `/products/${key}/`,
  heading: (name) => name,
  section: { label: 'Products', path: '/products/' },
});
export const data = t.data;
export const render = t.render;
