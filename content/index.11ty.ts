/** The home page: what the archive holds (by product, type and year, with counts) and the ways in. */
import { html, type SafeHtml } from '../layouts/lib/html.ts';
import { url, type SiteData } from '../layouts/lib/site.ts';
import { count, typeLabel } from '../layouts/lib/labels.ts';
import { oldLinkScript } from '../layouts/lib/old-link-script.ts';

export const data = { layout: 'base.11ty.ts', title: 'Microsoft Knowledge Base archive', permalink: '/index.html' };

/** How many products the home page names before "all products". */
const topProducts = 15;

interface Bar {
  name: string;
  path: string;
  count: number;
}

/** Counts as a list of links with a bar each; the bar is decoration, the number is the text. */
function bars(site: SiteData['site'], items: Bar[]): SafeHtml {
  const max = Math.max(1, ...items.map((i) => i.count));
  return html`<ul class="bars">${items.map(
    (i) => html`<li><a href="${url(site, i.path)}">${i.name}</a> <span class="count">${i.count.toLocaleString('en-US')}</span><span class="bar" aria-hidden="true" style="--share:${((100 * i.count) / max).toFixed(1)}%"></span></li>`,
  )}</ul>`;
}

export function render({ kb }: { kb: SiteData }): string {
  const { site, listings } = kb;
  const families = [...listings.families].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
  const types = [...listings.types].sort((a, b) => b.articles.length - a.articles.length);
  const years = listings.years.filter((y) => y.key !== 'unknown');
  const ways: { path: string; name: string; detail: string }[] = [
    { path: '/events/', name: 'Event IDs', detail: `${count(listings.events.length, 'event ID')} from ${count(listings.sources.length, 'source')}` },
    { path: '/errors/', name: 'Error codes', detail: `${count(listings.errors.length, 'code')}: HRESULTs, STOP codes, error numbers` },
    { path: '/products/', name: 'Products', detail: count(listings.families.length, 'product family', 'product families') },
    { path: '/types/', name: 'Article types', detail: 'Problems, bugs, fixes, how-tos…' },
    { path: '/keywords/', name: 'Keywords', detail: count(listings.keywords.length, 'keyword') },
    { path: '/kb/', name: 'By article number', detail: count(listings.folders.length, 'folder') },
  ];
  return html`<h1>Microsoft Knowledge Base archive</h1>
<p class="lead">${count(site.articleCount, 'archived Knowledge Base article')}, cross-linked by the symptoms they describe.</p>
<p id="old-link" class="notice" role="status" hidden></p>${oldLinkScript(site)}
<form class="hero-search" role="search" aria-label="Search the archive" action="${url(site, '/search/')}" method="get">
  <label for="home-q">Search by event ID (<code>4087</code>, <code>MSExchangeIMC 4087</code>), error code (<code>0x80004005</code>), article number (<code>Q182346</code>) or words</label>
  <input id="home-q" name="q" type="search">
  <button type="submit">Search</button>
</form>
<nav aria-labelledby="ways-in"><h2 id="ways-in">Ways in</h2>
<ul class="ways">${ways.map((w) => html`<li><a href="${url(site, w.path)}">${w.name}</a><span>${w.detail}</span></li>`)}</ul></nav>
<h2 id="holdings">What the archive holds</h2>
<div class="home-grid">
<section aria-labelledby="by-product"><h3 id="by-product">By product</h3>
${bars(site, families.slice(0, topProducts).map((f) => ({ name: f.name, path: `/products/${f.key}/`, count: f.articles.length })))}
${families.length > topProducts ? html`<p><a href="${url(site, '/products/')}">All ${count(families.length, 'product family', 'product families')}</a></p>` : ''}</section>
<section aria-labelledby="by-type"><h3 id="by-type">By article type</h3>
${bars(site, types.map((t) => ({ name: typeLabel(t.key), path: `/types/${t.key}/`, count: t.articles.length })))}</section>
<section aria-labelledby="by-year"><h3 id="by-year">By year last modified</h3>
${bars(site, years.map((y) => ({ name: y.key, path: `/years/${y.key}/`, count: y.articles.length })))}</section>
</div>`.value;
}
