/**
 * The article page: title, the metadata panel, contents, symptoms with links to their pages, the structured
 * body with copyable section links, citations both ways, related articles, neighbours in the product, and the
 * plain original. Headings: one h1 (the title); the page's own sections and the body's sections are h2.
 */
import { html, raw, type SafeHtml } from './lib/html.ts';
import { originalHrefOf, recordPathOf, url, type ArticlePage, type SiteData, type SiteInfo } from './lib/site.ts';
import { layoutBody, type BodyHeading } from './lib/body.ts';
import { kindLabel, typeLabel } from './lib/labels.ts';
import { eventSourceSlug } from '../scripts/symptoms/index.ts';
import { keywordSlug } from '../scripts/link/index.ts';

/** A KB article by id with its title; one the archive lacks is plainly marked, never a broken link. */
export function articleLink(kb: SiteData, id: string): SafeHtml {
  const summary = kb.summaries.get(id);
  // `small`: muted on a line of its own in a listing (site.css), inline in running text such as the symptoms list.
  if (!summary) return html`<span class="kbref-missing">${id}</span> <small>not in this archive</small>`;
  return html`<a href="${url(kb.site, summary.permalink)}"><span>${id}</span> ${summary.title}</a>`;
}

function definition(label: string, value: SafeHtml | string | null | undefined, wide = false): SafeHtml | '' {
  if (value === null || value === undefined || value === '') return '';
  return html`<div${wide ? raw(' class="wide"') : ''}><dt>${label}</dt><dd>${value}</dd></div>`;
}

function articleList(kb: SiteData, id: string, heading: string, ids: string[]): SafeHtml | '' {
  if (ids.length === 0) return '';
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><ul class="listing">${ids.map((q) => html`<li>${articleLink(kb, q)}</li>`)}</ul></section>`;
}

function neighbour(kb: SiteData, id: string | null, rel: 'prev' | 'next'): SafeHtml | '' {
  const summary = id ? kb.summaries.get(id) : undefined;
  if (!summary) return '';
  // Arrows as entities: with no character above U+00FF a page is a one-byte string in V8, half the memory to join,
  // flatten and write as one with a single arrow in it (every article page but two; the main thread's CPU while
  // rendering fell by ~8 %: docs/benchmarks.md). Layouts keep to Latin-1 for that reason.
  return html`<a rel="${rel}" href="${url(kb.site, summary.permalink)}"><span class="prev-next-label">${rel === 'prev' ? html`&larr; Previous` : html`Next &rarr;`}</span> <span class="listing-id">${summary.id}</span> ${summary.title}</a>`;
}

/** "On this page": the body's sections and the page's own, linked; omitted when there are too few to help. */
function contents(headings: { id: string; label: SafeHtml | string }[]): SafeHtml | '' {
  if (headings.length < 3) return '';
  return html`<nav class="toc" aria-label="On this page"><p class="toc-title" aria-hidden="true">On this page</p><ol>${headings.map(
    (h) => html`<li><a href="#${h.id}">${h.label}</a></li>`,
  )}</ol></nav>`;
}

export function renderArticle(kb: SiteData, a: ArticlePage): SafeHtml {
  const site = kb.site;
  const family = kb.families.get(a.productFamily);
  const hasSymptoms = a.events.length + a.errorCodes.length > 0;
  const body = layoutBody(a.bodyHtml, 1);
  // `references` is already unique and in number order (normaliseSymptoms); the link stage splits it, the page does not need to.
  const cites = a.references;
  const own = (id: string, label: string, present: boolean) => (present ? [{ id, label }] : []);
  const toc = [
    ...own('symptoms-heading', 'Symptoms named', hasSymptoms),
    ...body.headings.filter((h: BodyHeading) => h.level === 2),
    ...own('cites-heading', 'Articles this one cites', cites.length > 0),
    ...own('cited-heading', 'Cited by', a.citedBy.length > 0),
    ...own('related-heading', 'Related articles', a.related.length > 0),
  ];
  return html`<article class="kb-article">
<header class="article-header">
  <p class="article-id"><span>${a.id}</span>${a.titleTags.map((t) => html` <span class="tag">${t}</span>`)}</p>
  <h1>${a.title}</h1>
  <dl class="meta-panel">
    ${definition('Product', family ? html`<a href="${url(site, `/products/${family.slug}/`)}">${a.product ?? family.name}</a>` : a.product)}
    ${definition('Type', html`<a href="${url(site, `/types/${a.articleType}/`)}">${typeLabel(a.articleType)}</a>`)}
    ${definition('Last modified', a.lastModified ? html`<time datetime="${a.lastModified}">${a.lastModified}</time>` : null)}
    ${definition('Versions', a.versions.length ? a.versions.join(', ') : null)}
    ${definition('Platforms', a.platforms.length ? a.platforms.join(', ') : null)}
    ${definition('Issue type', a.issueType)}
    ${definition('Query words', a.queryWords.length ? a.queryWords.join(' ') : null, true)}
    ${definition('Keywords', a.keywords.length ? html`${a.keywords.map((k, i) => html`${i ? ', ' : ''}<a href="${url(site, `/keywords/${keywordSlug(k)}/`)}">${k}</a>`)}` : null, true)}
  </dl>
  ${a.appliesTo.length ? html`<details class="applies-to" open><summary>Applies to</summary><ul>${a.appliesTo.map((item) => html`<li>${item}</li>`)}</ul></details>` : ''}
</header>
${contents(toc)}
${hasSymptoms ? html`<section class="symptoms" aria-labelledby="symptoms-heading">
  <h2 id="symptoms-heading">Symptoms named in this article</h2>
  <ul>
    ${a.events.map((e) => html`<li><a href="${url(site, `/events/${e.id}/`)}">Event ID ${e.id}</a>${e.source ? html` from <a href="${url(site, `/events/sources/${eventSourceSlug(e.source)}/`)}">${e.source}</a>` : ''}${e.via ? html` <span class="count">in the title of ${articleLink(kb, e.via)}</span>` : ''}</li>`)}
    ${a.errorCodes.map((c) => html`<li><a href="${url(site, `/errors/${c.code}/`)}">${c.display}</a> <span class="count">${kindLabel(c.kind)}</span></li>`)}
  </ul>
</section>` : ''}
<div class="article-body">
${raw(body.html)}
</div>
<footer class="article-footer">
  ${articleList(kb, 'cites-heading', 'Articles this one cites', cites)}
  ${articleList(kb, 'cited-heading', 'Cited by', a.citedBy)}
  ${articleList(kb, 'related-heading', 'Related articles', a.related)}
  ${a.previous || a.next ? html`<nav class="prev-next" aria-label="${family ? `More in ${family.name}` : 'More articles'}">
    ${neighbour(kb, a.previous, 'prev')}
    ${neighbour(kb, a.next, 'next')}
  </nav>` : ''}
  ${sourceLinks(site, a)}
</footer>
</article>`;
}

/** The article's original text and record, where this build publishes them (`SiteInfo.publishing`). */
function sourceLinks(site: SiteInfo, a: ArticlePage): SafeHtml | string {
  const original = originalHrefOf(site, a);
  const record = recordPathOf(site, a);
  const links = [
    original ? html`<a href="${original}">The original plain text</a>` : null,
    record ? html`<a href="${url(site, record)}">${site.publishing.records === 'folder' ? `Record (JSON Lines, with the rest of ${a.permalink.replace(/Q\d+\/$/, '')})` : 'Record (JSON)'}</a>` : null,
  ].filter((l) => l !== null);
  return links.length > 0 ? html`<p class="original">${links.flatMap((l, i) => (i === 0 ? [l] : [raw(' · '), l]))}</p>` : '';
}
