import { groupTemplate } from '../../layouts/group-pages.ts';
const t = groupTemplate({
  listing: (kb) => kb.listings.keywords,
  pathOf: (key) => `/keywords/${key}/`,
  heading: (name) => `Keyword ${name}`,
  section: { label: 'Keywords', path: '/keywords/' },
});
export const data = t.data;
export const render = t.render;
