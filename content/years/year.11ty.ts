import { groupTemplate } from '../../layouts/group-pages.ts';
const t = groupTemplate({
  listing: (kb) => kb.listings.years,
  pathOf: (key) => `/years/${key}/`,
  heading: (name) => `Articles last modified in ${name}`,
  section: { label: 'Years', path: '/years/' },
});
export const data = t.data;
export const render = t.render;
