/** `/events/by-articles/`: the events index, the events most articles name first. */
import type { SiteData } from '../../layouts/lib/site.ts';
import { eventsIndex } from './index.11ty.ts';

export const data = {
  layout: 'base.11ty.ts',
  title: 'Event IDs by number of articles',
  permalink: '/events/by-articles/index.html',
  breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Event IDs', path: '/events/' }, { label: 'By number of articles' }],
};

export function render({ kb }: { kb: SiteData }): string {
  return eventsIndex(kb, 'articles').value;
}
