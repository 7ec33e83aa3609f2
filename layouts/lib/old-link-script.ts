/**
 * The old-link script (assets/old-link-page.ts, served as a hashed asset) for the not-found and home pages. Its
 * path is absolute under the base, so it loads from whatever path the host served the not-found page at.
 */
import { html, type SafeHtml } from './html.ts';
import { assetPath } from './assets.ts';
import { url, type SiteInfo } from './site.ts';

/** `<script src="/kb/assets/old-links.<hash>.js" data-base="/kb/">`: the script reads the site's prefix from its own element. */
export const oldLinkScript = (site: SiteInfo): SafeHtml => html`<script src="${url(site, assetPath('old-links.js'))}" data-base="${site.base}" defer></script>`;
