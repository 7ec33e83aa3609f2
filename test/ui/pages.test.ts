/**
 * The reading layout and the browse pages, read back from a built sample site (issues #7 and #3): one h1 and
 * an outline that never skips a level, copyable section links, contents, breadcrumbs home → product → article,
 * neighbours within the product, a content-hashed stylesheet, no asset from another host, and the browse
 * indexes (types, years, keywords, product × year/type/version) linked both ways — also under --base.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { buildSite, $, $$, text, type BuiltSite } from '../helpers/site.ts';
import { readRecordsExport } from '../../scripts/write/data-export.ts';
import { groupPages, pageSize } from '../../layouts/group-pages.ts';
import { layoutBody } from '../../layouts/lib/body.ts';
import { versionSlug } from '../../scripts/link/listings.ts';
import { defaultSource } from '../../scripts/build.ts';

interface Record {
  id: string;
  permalink: string;
  productFamily: string;
  year: number | null;
  articleType: string;
  versions: string[];
}

let site: BuiltSite;
let based: BuiltSite;
let records: Record[];

before(async () => {
  site = await buildSite({ workers: 0 });
  based = await buildSite({ workers: 0, base: '/mirror/kb/' });
  records = readRecordsExport<Record>(site.out);
});

const href = (node: Element | null | undefined) => String(node?.properties.href ?? '');
const headingLevels = (page: Root) => $$(page, 'h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));

test('every article page has one h1 and an outline that never skips a level', () => {
  assert.ok(records.length >= 20);
  for (const r of records) {
    const levels = headingLevels(site.page(r.permalink)!);
    assert.equal(levels[0], 1, `${r.id} opens with its h1`);
    assert.equal(levels.filter((l) => l === 1).length, 1, `${r.id} has one h1`);
    levels.forEach((level, i) => i > 0 && assert.ok(level <= levels[i - 1]! + 1, `${r.id}: h${levels[i - 1]} then h${level}`));
  }
});

test('the outline repair lifts a body that opens with an h3 and keeps the § links', () => {
  const { html, headings } = layoutBody('<h3 id="note">Note</h3><p>x</p><h2 id="cause">CAUSE</h2><h3 id="a">A</h3><h3 id="b">B</h3><pre>x</pre>');
  assert.deepEqual(headings.map((h) => [h.id, h.level]), [['note', 2], ['cause', 2], ['a', 3], ['b', 3]]);
  assert.match(html, /^<h2 id="note">Note<a class="anchor" href="#note" aria-label="Link to this section">§<\/a><\/h2>/);
  assert.match(html, /<pre tabindex="0">x<\/pre>/);
});

test('each body section has a copyable § link to itself, and the contents link only to ids on the page', () => {
  let sections = 0;
  for (const r of records) {
    const page = site.page(r.permalink)!;
    const ids = new Set($$(page, '[id]').map((e) => String(e.properties.id)));
    for (const h of $$(page, '.article-body h2, .article-body h3')) {
      const anchor = $(h, 'a.anchor');
      assert.equal(href(anchor), `#${h.properties.id}`, `${r.id}: ${text(h)}`);
      sections++;
    }
    for (const a of $$(page, '.toc a')) assert.ok(ids.has(href(a).slice(1)), `${r.id}: contents link ${href(a)}`);
  }
  assert.ok(sections > 30, `${sections} sections checked`);
});

test('breadcrumbs go home → product → article, and previous/next stay within the product', () => {
  for (const r of records) {
    const page = site.page(r.permalink)!;
    const crumbs = $$(page, '.breadcrumbs li');
    assert.equal(crumbs.length, 3, r.id);
    assert.equal(href($(crumbs[0]!, 'a')), '/');
    assert.equal(href($(crumbs[1]!, 'a')), `/products/${r.productFamily}/`);
    assert.equal(text(crumbs[2]), r.id);
    for (const a of $$(page, '.prev-next a')) {
      const neighbour = records.find((n) => n.permalink === href(a));
      assert.ok(neighbour, `${r.id}: ${href(a)} is an article`);
      assert.equal(neighbour.productFamily, r.productFamily, `${r.id} → ${neighbour.id}`);
    }
  }
});

test('the layouts add no character above U+00FF to an article page: a page of Latin-1 text stays a one-byte string', () => {
  // V8 holds a string with any such character at two bytes a character: one arrow doubled the memory every article
  // page took to join, flatten and write (layouts/article.ts, `neighbour`).
  const above = (text: string) => [...new Set(text.match(/[^\u0000-\u00ff]/gu) ?? [])];
  const sources = readdirSync(join(defaultSource, 'kb'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('README.md'));
  assert.ok(sources.length >= 20);
  for (const f of sources) assert.deepEqual(above(readFileSync(join(defaultSource, 'kb', f), 'utf8')), [], `the sample's ${f} is Latin-1`);
  let neighbours = 0;
  for (const r of records) {
    const file = readFileSync(join(site.out, r.permalink, 'index.html'), 'utf8');
    assert.deepEqual(above(file), [], r.id);
    neighbours += file.match(/class="prev-next-label">(&larr; Previous|Next &rarr;)</g)?.length ?? 0;
  }
  assert.ok(neighbours >= records.length, `${neighbours} previous/next links checked`);
});

test('the stylesheet has a content-hashed name, so it can be cached for good and changes name only with its bytes', () => {
  const link = href($(site.page('/')!, 'link[rel=stylesheet]'));
  const match = /^\/assets\/site\.([0-9a-f]{10})\.css$/.exec(link);
  assert.ok(match, link);
  const css = readFileSync(join(site.out, link), 'utf8');
  assert.equal(createHash('sha256').update(css).digest('hex').slice(0, 10), match[1]);
  assert.match(css, /prefers-color-scheme: dark/);
  assert.match(css, /@media print/);
  for (const r of records) assert.equal(href($(site.page(r.permalink)!, 'link[rel=stylesheet]')), link, r.id);
});

test('no page loads a font, script or stylesheet from another host', () => {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
  const files = walk(site.out);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<(script|link|img|iframe)\b[^>]*\b(src|href)="(https?:)?\/\//i, file);
  }
  const css = readdirSync(join(site.out, 'assets')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(site.out, 'assets', f), 'utf8'));
  for (const sheet of css) assert.doesNotMatch(sheet, /@import|url\(\s*['"]?(https?:)?\/\//i);
});

test('the browse indexes list every type, year and keyword, and their pages lead back to them', () => {
  const types = new Set(records.map((r) => r.articleType));
  const typeLinks = $$(site.page('/types/')!, 'main a').map(href);
  for (const t of types) assert.ok(typeLinks.includes(`/types/${t}/`), `/types/ links ${t}`);
  const years = new Set(records.flatMap((r) => (r.year === null ? [] : [String(r.year)])));
  const yearLinks = $$(site.page('/years/')!, 'main a').map(href);
  for (const y of years) assert.ok(yearLinks.includes(`/years/${y}/`), `/years/ links ${y}`);
  const keywordLinks = $$(site.page('/keywords/')!, 'main section li a').map(href);
  assert.ok(keywordLinks.length > 20);
  for (const k of keywordLinks) assert.ok(site.exists(decodeURIComponent(k)), k);
  for (const [page, index] of [['/types/prb/', '/types/'], [keywordLinks[0]!, '/keywords/'], [`/years/${[...years][0]}/`, '/years/']] as const) {
    const crumbs = $$(site.page(decodeURIComponent(page))!, '.breadcrumbs a').map(href);
    assert.deepEqual(crumbs, ['/', index], page);
  }
});

test('a product page narrows by year, type and version, each sub-listing holding exactly its articles', () => {
  const family = 'exchange';
  const mine = records.filter((r) => r.productFamily === family);
  const page = site.page(`/products/${family}/`)!;
  const facetLinks = $$(page, '.facets a').map(href);
  const expected = [
    ...new Set(mine.flatMap((r) => (r.year === null ? [] : [`/products/${family}/years/${r.year}/`]))),
    ...new Set(mine.map((r) => `/products/${family}/types/${r.articleType}/`)),
  ];
  for (const path of expected) assert.ok(facetLinks.includes(path), `${path} is offered`);
  assert.ok(facetLinks.some((l) => l.includes('/versions/')), 'versions are offered');
  for (const link of facetLinks) {
    const listed = $$(site.page(link)!, 'main .listing a').map(href).sort();
    const [, , , facet, value] = link.split('/');
    const want = mine
      .filter((r) => (facet === 'years' ? String(r.year) === value : facet === 'types' ? r.articleType === value : r.versions.some((v) => versionSlug(v) === value)))
      .map((r) => r.permalink)
      .sort();
    assert.deepEqual(listed, want, link);
    assert.deepEqual($$(site.page(link)!, '.breadcrumbs a').map(href), ['/', '/products/', `/products/${family}/`], link);
  }
});

test('long listings paginate at the page size, with stable page paths', () => {
  const ids = Array.from({ length: pageSize * 2 + 17 }, (_, i) => `Q${100000 + i}`);
  const pages = groupPages([{ key: 'windows-nt', name: 'Windows NT', articles: ids }], (key) => `/products/${key}/`);
  assert.deepEqual(pages.map((p) => [p.path, p.ids.length]), [
    ['/products/windows-nt/', pageSize],
    ['/products/windows-nt/page/2/', pageSize],
    ['/products/windows-nt/page/3/', 17],
  ]);
  assert.deepEqual(pages.flatMap((p) => p.ids), ids);
});

test('under --base every link of the new pages and the stylesheet carries the prefix', () => {
  for (const path of ['/', '/types/', '/keywords/', '/years/', '/products/exchange/', records[0]!.permalink]) {
    const page = based.page(path)!;
    assert.ok(page, path);
    for (const a of $$(page, 'a[href], link[href]')) {
      const h = href(a);
      if (h.startsWith('#') || /^[a-z]+:/.test(h)) continue;
      assert.ok(h.startsWith('/mirror/kb/'), `${path}: ${h}`);
    }
  }
  assert.match(href($(based.page('/')!, 'link[rel=stylesheet]')), /^\/mirror\/kb\/assets\/site\.[0-9a-f]{10}\.css$/);
});
