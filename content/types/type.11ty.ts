import { groupTemplate } from '../../layouts/group-pages.ts';
import { typeLabels } from '../../layouts/article.ts';
const t = groupTemplate({
  listing: (kb) => kb.listings.types.map((g) => ({ ...g, name: typeLabels[g.key] ?? g.key })),
  pathOf: (key) => `/types/${key}/`,
  heading: (name) => `${name} articles`,
  section: { label: 'Article types', path: '/' },
});
export const data = t.data;
export const render = t.render;
