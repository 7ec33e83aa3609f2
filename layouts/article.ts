/**
 * The article page: title, the metadata panel, symptoms with links to their pages, the structured body,
 * citations both ways, related articles, and the plain original.
 */
import { html, raw, type SafeHtml } from './lib/html.ts';
import { url, type ArticlePage, type SiteData } from './lib/site.ts';
import { eventSourceSlug } from '../scripts/symptoms/index.ts';
import { permalinkOf } from '../scripts/link/index.ts';

export function articleLink(kb: SiteData, id: string): SafeHtml {
  const summary = kb.summaries.get(id);
  if (!summary) return html`<span class="kbref-missing" title="${id} is not in this archive">${id}</span>`;
  return html`<a href="${url(kb.site, summary.permalink)}">${id}</a> <span class="listing-title">${summary.title}</span>`;
}

function definition(label: string, value: SafeHtml | string | null | undefined): SafeHtml | '' {
  if (value === null || value === undefined || value === '') return '';
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

export const typeLabels: Record<string, string> = {
  bug: 'Bug', fix: 'Fix', prb: 'Problem', info: 'Information', howto: 'How-to', doc: 'Documentation',
  sample: 'Sample', errmsg: 'Error message', other: 'Article',
};

export function renderArticle(kb: SiteData, a: ArticlePage): SafeHtml {
  const site = kb.site;
  const family = kb.families.get(a.productFamily);
  const symptoms = a.events.length + a.errorCodes.length > 0;
  return html`<article class="kb-article" data-pagefind-body>
<header class="article-header">
  <p class="article-id">${a.id}${a.titleTags.length ? html` · ${a.titleTags.join(' ')}` : ''}</p>
  <h1 data-pagefind-meta="title">${a.title}</h1>
  <dl class="meta-panel">
    ${definition('Product', family ? html`<a href="${url(site, `/products/${family.slug}/`)}">${a.product ?? family.name}</a>` : a.product)}
    ${definition('Type', html`<a href="${url(site, `/types/${a.articleType}/`)}">${typeLabels[a.articleType] ?? a.articleType}</a>`)}
    ${definition('Last modified', a.lastModified ? html`<time datetime="${a.lastModified}">${a.lastModified}</time>` : null)}
    ${definition('Versions', a.versions.length ? a.versions.join(', ') : null)}
    ${definition('Platforms', a.platforms.length ? a.platforms.join(', ') : null)}
    ${definition('Issue type', a.issueType)}
    ${definition('Keywords', a.keywords.length ? html`${a.keywords.map((k, i) => html`${i ? ', ' : ''}<a href="${url(site, `/keywords/${encodeURIComponent(k.toLowerCase())}/`)}">${k}</a>`)}` : null)}
  </dl>
  ${a.appliesTo.length ? html`<details class="applies-to" open><summary>Applies to</summary><ul>${a.appliesTo.map((item) => html`<li>${item}</li>`)}</ul></details>` : ''}
</header>
${symptoms ? html`<section class="symptoms" aria-labelledby="symptoms-heading">
  <h2 id="symptoms-heading">Symptoms named in this article</h2>
  <ul>
    ${a.events.map((e) => html`<li><a href="${url(site, `/events/${e.id}/`)}">Event ID ${e.id}</a>${e.source ? html` from <a href="${url(site, `/events/sources/${eventSourceSlug(e.source)}/`)}">${e.source}</a>` : ''}</li>`)}
    ${a.errorCodes.map((c) => html`<li><a href="${url(site, `/errors/${c.code}/`)}">${c.display}</a></li>`)}
  </ul>
</section>` : ''}
<div class="article-body">
${raw(a.bodyHtml)}
</div>
<footer class="article-footer">
  ${a.referencesFound.length + a.referencesMissing.length > 0 ? html`<section aria-labelledby="cites-heading"><h2 id="cites-heading">Articles this one cites</h2><ul class="listing">
    ${[...a.referencesFound, ...a.referencesMissing].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))).map((id) => html`<li>${articleLink(kb, id)}</li>`)}
  </ul></section>` : ''}
  ${a.citedBy.length ? html`<section aria-labelledby="cited-heading"><h2 id="cited-heading">Cited by</h2><ul class="listing">${a.citedBy.map((id) => html`<li>${articleLink(kb, id)}</li>`)}</ul></section>` : ''}
  ${a.related.length ? html`<section aria-labelledby="related-heading"><h2 id="related-heading">Related articles</h2><ul class="listing">${a.related.map((id) => html`<li>${articleLink(kb, id)}</li>`)}</ul></section>` : ''}
  <nav class="prev-next" aria-label="More in this product">
    ${a.previous ? html`<a rel="prev" href="${url(site, permalinkOf(a.previous))}">← ${a.previous}</a>` : ''}
    ${a.next ? html`<a rel="next" href="${url(site, permalinkOf(a.next))}">${a.next} →</a>` : ''}
  </nav>
  <p class="original"><a href="${url(site, a.permalink + a.originalFile)}">View the original plain text</a> · <a href="${url(site, a.permalink + 'index.json')}">Record (JSON)</a></p>
</footer>
</article>`;
}
