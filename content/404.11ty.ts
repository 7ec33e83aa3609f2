import { html } from '../layouts/lib/html.ts';
import { url, type SiteData } from '../layouts/lib/site.ts';

export const data = { layout: 'base.11ty.ts', title: 'Page not found', permalink: '/404.html', noindex: true };

export function render({ kb }: { kb: SiteData }): string {
  return html`<h1>Page not found</h1>
<p>This archive has no page at this address. Try <a href="${url(kb.site, '/search/')}">searching</a> for the article number, event ID or error code, or <a href="${url(kb.site, '/')}">browse from the home page</a>.</p>`.value;
}
