import { groupTemplate } from '../../layouts/group-pages.ts';
const t = groupTemplate({
  listing: (kb) => kb.listings.folders,
  pathOf: (key) => `/kb/${key}/`,
  heading: (name) => `Articles in ${name}`,
  section: { label: 'All articles', path: '/kb/' },
});
export const data = t.data;
export const render = t.render;
