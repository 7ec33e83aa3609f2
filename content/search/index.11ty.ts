/**
 * `/search/?q=…`: the search page. assets/search.ts runs the query (exact lookups, then the archive's own full-text index);
 * the filter choices are written here from the listings, so no filter index loads before a filter is used; the event
 * sources', a fifth of the page, are in `/search/sources.json` (sources.11ty.ts), which the script loads.
 * The script is inline, in the head ahead of the stylesheet: it starts the query's requests while the page is still
 * loading, in the round of the stylesheet's, where a script file would be fetched first and wait for the stylesheet.
 * Without JavaScript the form still submits and the page offers the browse and symptom indexes.
 */
import { html, raw } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';
import { renderShell } from '../../layouts/base.11ty.ts';
import type { GroupListing } from '../../scripts/link/index.ts';

export const data = { layout: false, permalink: '/search/index.html' };

const typeNames: Record<string, string> = {
  bug: 'Bug (BUG:)', fix: 'Fix (FIX:)', prb: 'Problem (PRB:)', info: 'Information (INFO:)', howto: 'How-to (HOWTO:)', doc: 'Documentation (DOC:)',
  sample: 'Sample (SAMPLE:)', errmsg: 'Error message', other: 'Other',
};

type Option = { value: string; label: string; count: number };

const groupOptions = (groups: GroupListing[], label: (g: GroupListing) => string = (g) => g.name): Option[] =>
  groups.map((g) => ({ value: g.key, label: label(g), count: g.articles.length }));

function filterSelect(name: string, label: string, options: Option[]) {
  return html`<div class="search-filter">
    <label for="search-${name}">${label}</label>
    <select id="search-${name}" name="${name}">
      <option value="">Any</option>
      ${options.map((o) => html`<option value="${o.value}">${o.label} (${o.count.toLocaleString('en-US')})</option>`)}
    </select>
  </div>`;
}

export async function render({ kb }: { kb: SiteData }): Promise<string> {
  const { site, listings } = kb;
  const script = await kb.searchScript;
  const families = groupOptions(listings.families).sort((a, b) => a.label.localeCompare(b.label));
  const types = groupOptions(listings.types, (g) => typeNames[g.key] ?? g.key);
  const years = groupOptions(listings.years.filter((y) => y.key !== 'unknown')).reverse();
  const content = html`<link rel="stylesheet" href="${url(site, '/assets/search.css')}">
<div id="search">
<h1>Search the archive</h1>
<form id="search-form" role="search" action="${url(site, '/search/')}" method="get">
  <div class="search-box">
    <label for="search-q">Event ID, error code, article number or words</label>
    <input id="search-q" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint" aria-controls="search-results">
    <button type="submit">Search</button>
  </div>
  <p id="search-hint" class="search-hint">Try <code>4087</code>, <code>MSExchangeIMC 4087</code>, <code>0x80004005</code>, <code>Q182346</code> or <code>dhcp lease</code>. Arrow keys move through the results.</p>
  <fieldset class="search-filters">
    <legend>Narrow to</legend>
    ${filterSelect('family', 'Product', families)}
    ${filterSelect('type', 'Article type', types)}
    ${filterSelect('year', 'Year', years)}
    ${filterSelect('source', 'Event source', [])}
  </fieldset>
</form>
<p id="search-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
<div id="search-results" class="search-results">
  <ol id="search-exact" class="listing search-exact" aria-label="Exact matches"></ol>
  <ol id="search-fulltext" class="listing" aria-label="Full-text results"></ol>
  <button id="search-more" type="button" hidden>More results</button>
</div>
<noscript><p>Search needs JavaScript. Browse instead: <a href="${url(site, '/events/')}">event IDs</a>, <a href="${url(site, '/errors/')}">error codes</a>, <a href="${url(site, '/products/')}">products</a>, <a href="${url(site, '/kb/')}">all articles by number</a>.</p></noscript>
</div>`;
  return renderShell(kb, {
    content: content.value,
    path: '/search/',
    title: 'Search',
    breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Search' }],
    head: script === undefined ? undefined : html`<script data-base="${site.base}">${raw(script)}</script>\n`,
  });
}
