import { groupTemplate } from '../../layouts/group-pages.ts';
import { typeLabel } from '../../layouts/lib/labels.ts';
const t = groupTemplate({
  listing: (kb) => kb.listings.types.map((g) => ({ ...g, name: typeLabel(g.key) })),
  pathOf: (key) => `/types/${key}/`,
  heading: (name) => `${name} articles`,
  section: { label: 'Article types', path: '/types/' },
});
export const data = t.data;
export const render = t.render;
