/** The home page: what the archive holds and the ways in. */
import { html } from '../layouts/lib/html.ts';
import { url, type SiteData } from '../layouts/lib/site.ts';
import { typeLabels } from '../layouts/article.ts';

export const data = { layout: 'base.11ty.ts', title: 'Microsoft Knowledge Base archive', permalink: '/index.html' };

export function render({ kb }: { kb: SiteData }): string {
  const { site, listings } = kb;
  const families = [...listings.families].sort((a, b) => b.articles.length - a.articles.length);
  const years = listings.years.filter((y) => y.key !== 'unknown');
  return html`<h1>Microsoft Knowledge Base archive</h1>
<p class="lead">${site.articleCount.toLocaleString('en-US')} archived Knowledge Base articles, searchable by event ID, error code, article number and words.</p>
<form class="hero-search" role="search" action="${url(site, '/search/')}" method="get">
  <label for="home-q">Search by event ID (<code>4087</code>, <code>MSExchangeIMC 4087</code>), error code (<code>0x80004005</code>), article number (<code>Q182346</code>) or words</label>
  <input id="home-q" name="q" type="search">
  <button type="submit">Search</button>
</form>
<div class="home-grid">
<section aria-labelledby="by-product"><h2 id="by-product">By product</h2>
<ul class="counts">${families.map((f) => html`<li><a href="${url(site, `/products/${f.key}/`)}">${f.name}</a> <span class="count">${f.articles.length.toLocaleString('en-US')}</span></li>`)}</ul></section>
<section aria-labelledby="by-type"><h2 id="by-type">By article type</h2>
<ul class="counts">${listings.types.map((t) => html`<li><a href="${url(site, `/types/${t.key}/`)}">${typeLabels[t.key] ?? t.key}</a> <span class="count">${t.articles.length.toLocaleString('en-US')}</span></li>`)}</ul></section>
<section aria-labelledby="by-year"><h2 id="by-year">By year last modified</h2>
<ul class="counts">${years.map((y) => html`<li><a href="${url(site, `/years/${y.key}/`)}">${y.key}</a> <span class="count">${y.articles.length.toLocaleString('en-US')}</span></li>`)}</ul></section>
<section aria-labelledby="by-symptom"><h2 id="by-symptom">By symptom</h2>
<ul class="counts">
  <li><a href="${url(site, '/events/')}">Event IDs</a> <span class="count">${listings.events.length.toLocaleString('en-US')}</span></li>
  <li><a href="${url(site, '/events/sources/')}">Event sources</a> <span class="count">${listings.sources.length.toLocaleString('en-US')}</span></li>
  <li><a href="${url(site, '/errors/')}">Error codes</a> <span class="count">${listings.errors.length.toLocaleString('en-US')}</span></li>
  <li><a href="${url(site, '/kb/')}">All articles by number</a></li>
</ul></section>
</div>`.value;
}
