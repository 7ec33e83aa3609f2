/**
 * `/keywords/`: every keyword, grouped by its first letter after the `kb` prefix most carry (`kbprb` under P),
 * so a reader finds `kbExchange` under E rather than in one 3,000-item K.
 */
import { html } from '../../layouts/lib/html.ts';
import type { SiteData } from '../../layouts/lib/site.ts';
import { countList } from '../../layouts/group-pages.ts';
import { count } from '../../layouts/lib/labels.ts';

export const data = { layout: 'base.11ty.ts', title: 'Keywords', permalink: '/keywords/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Keywords' }] };

const initial = (key: string) => {
  const c = key.replace(/^kb(?=.)/, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
};

export function render({ kb }: { kb: SiteData }): string {
  const byInitial = new Map<string, typeof kb.listings.keywords>();
  for (const k of kb.listings.keywords) {
    const letter = initial(k.key);
    const list = byInitial.get(letter);
    if (list) list.push(k);
    else byInitial.set(letter, [k]);
  }
  const letters = [...byInitial.keys()].sort();
  return html`<h1>Keywords</h1>
<p class="lead">${count(kb.listings.keywords.length, 'keyword')} from the articles' <code>Keyword(s):</code> and <code>Keywords :</code> lines, filed by the letter after their <code>kb</code> prefix.</p>
<nav class="letter-index" aria-label="Keywords by letter"><ul>${letters.map((l) => html`<li><a href="#letter-${l === '#' ? 'other' : l}">${l}</a></li>`)}</ul></nav>
${letters.map((l) => {
    const id = `letter-${l === '#' ? 'other' : l}`;
    return html`<section aria-labelledby="${id}"><h2 id="${id}">${l}</h2>
${countList(kb.site, byInitial.get(l)!.map((k) => ({ name: k.name, path: `/keywords/${k.key}/`, count: k.articles.length })), 'counts compact')}</section>`;
  })}`.value;
}
