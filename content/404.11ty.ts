/**
 * The not-found page. Hosts serve it for any missing path, which makes it the place where old links are resolved:
 * its script (assets/old-link-page.ts) sends `/kb/182346/en-us`, `/default.aspx?scid=kb;en-us;182346` or
 * `/Q182346/` on to the article, or says the archive lacks it.
 */
import { html } from '../layouts/lib/html.ts';
import { url, type SiteData } from '../layouts/lib/site.ts';
import { oldLinkScript } from '../layouts/lib/old-link-script.ts';

export const data = { layout: 'base.11ty.ts', title: 'Page not found', permalink: '/404.html', noindex: true };

export function render({ kb }: { kb: SiteData }): string {
  return html`<h1>Page not found</h1>
<p id="old-link" class="notice" role="status" hidden></p>
<p>This archive has no page at this address. Try <a href="${url(kb.site, '/search/')}">searching</a> for the article number, event ID or error code, or <a href="${url(kb.site, '/')}">browse from the home page</a>.</p>
${oldLinkScript(kb.site)}`.value;
}
