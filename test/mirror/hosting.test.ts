/**
 * Issue #5, hosting: the sample built under a sub-path (`--base /kb/ --site-url https://example.org`), served
 * under that prefix by `serve`, crawled link by link; then its sitemap index, feed, OpenSearch description,
 * old-link redirects and data export checked, XML parsed by a real browser's strict parser.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, type BuiltSite } from '../helpers/site.ts';
import { serve } from '../../scripts/serve.ts';
import { sitemapFiles } from '../../scripts/write/sitemap.ts';
import { readRecordsExport, recordFieldDocs } from '../../scripts/write/data-export.ts';
import { defaultPublishing } from '../../layouts/lib/site.ts';
import { nginxRules } from '../../scripts/write/redirects.ts';
import { permalinkOf } from '../../scripts/link/citations.ts';

const base = '/kb/';
const siteUrl = 'https://example.org';
let site: BuiltSite;
let server: Server;
let origin: string;
let browser: Browser;
let page: Page;

before(async () => {
  // With every extra the hosting budget leaves out by default, so that the crawl covers their links too.
  site = await buildSite({ workers: 0, base, siteUrl, records: 'article', originals: true, redirectsFile: true });
  const stop = new AbortController();
  server = await serve({ dir: site.out, base, port: 0, signal: stop.signal });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage();
  await page.goto(`${origin}${base}robots.txt`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

const articles = () => site.result.articlesBuilt;
const records = () => readRecordsExport<{ id: string; number: number; permalink: string }>(site.out);

/** Parses XML with the browser's strict parser: the root element name and every element's text by tag, or an error. */
async function parseXml(xml: string): Promise<{ error: string | null; root: string; texts: (tag: string) => string[] }> {
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const all: [string, string][] = Array.from(doc.getElementsByTagName('*')).map((e) => [e.localName, e.textContent ?? '']);
    const attrs: [string, string][] = Array.from(doc.getElementsByTagName('*')).flatMap((e) => Array.from(e.attributes).map((a) => [`${e.localName}@${a.name}`, a.value] as [string, string]));
    return { error, root: doc.documentElement.localName, all: [...all, ...attrs] };
  }, xml);
  return { error: parsed.error, root: parsed.root, texts: (tag) => parsed.all.filter(([t]) => t === tag).map(([, v]) => v) };
}

test('every link, asset and form under the /kb/ prefix resolves, and none escapes it', async () => {
  const seen = new Set<string>([base]);
  const queue = [base];
  const problems: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await fetch(origin + path, { redirect: 'manual' });
    if (response.status !== 200) {
      problems.push(`${path}: HTTP ${response.status}`);
      continue;
    }
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
    pages++;
    const html = await response.text();
    const canonical = html.match(/<link rel="canonical" href="([^"]+)">/)?.[1];
    if (!canonical?.startsWith(`${siteUrl}${base}`)) problems.push(`${path}: canonical ${canonical}`);
    else if (!html.includes('http-equiv="refresh"') && canonical !== `${siteUrl}${path.replace(/index\.html$/, '')}` && path !== `${base}404.html`) problems.push(`${path}: canonical ${canonical} is another page`);
    for (const [, attr, raw] of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
      const target = raw!.replaceAll('&amp;', '&');
      if (/^(https?:|mailto:)/.test(target) && !target.startsWith(siteUrl)) continue; // outside links (sources, specs)
      const local = target.startsWith(siteUrl) ? target.slice(siteUrl.length) : target;
      if (local.startsWith('#')) continue;
      if (!local.startsWith(base)) {
        problems.push(`${path}: ${attr}="${target}" escapes ${base}`);
        continue;
      }
      const clean = local.split(/[?#]/)[0]!;
      if (!seen.has(clean)) {
        seen.add(clean);
        queue.push(clean);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 20), []);
  assert.ok(pages >= articles() + 20, `crawled ${pages} pages for ${articles()} articles`);
  for (const r of records()) assert.ok(seen.has(`${base}${r.permalink.slice(1)}`), `${r.id} is reachable by links`);
  for (const path of ['about/', 'data/', 'feed.xml', 'opensearch.xml', 'sitemap.xml', 'data/kb-records.jsonl.gz']) assert.ok(seen.has(base + path), `${path} is linked`);
});

test('the server previews under the prefix: the bare prefix redirects, outside paths and missing pages get the 404 page', async () => {
  const bare = await fetch(`${origin}/kb`, { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), base);
  for (const path of ['/about/', `${base}no-such-page/`]) {
    const response = await fetch(origin + path);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Page not found/);
  }
});

test('--redirects-file writes a 301 for each old path form of every article, under the prefix', () => {
  const rules = readFileSync(join(site.out, '_redirects'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.equal(rules.length, 4 * articles());
  for (const r of records()) {
    const target = `${base}${r.permalink.slice(1)}`;
    for (const old of [`${base}${r.id}/`, `${base}kb/${r.id}/`, `${base}kb/${r.number}`, `${base}kb/${r.number}/*`]) {
      assert.ok(rules.includes(`${old} ${target} 301`), `_redirects has ${old}`);
    }
  }
});

test('nginx rules redirect every path form of an old link to the article', () => {
  const rules = nginxRules({ base, siteUrl, title: 't', articleCount: 0, version: '0', publishing: defaultPublishing })
    .split('\n').filter((l) => l.startsWith('rewrite'))
    .map((l) => { const [, pattern, target] = /^rewrite "([^"]+)" (\S+) permanent;$/.exec(l)!; return { pattern: new RegExp(pattern!), target: target! }; });
  const rewrite = (path: string) => {
    const rule = rules.find((r) => r.pattern.test(path));
    return rule ? path.replace(rule.pattern, rule.target) : null;
  };
  for (const n of [7, 42, 999, 1000, 5723, 13587, 99999, 182346, 999999, 1000000, 2345678]) {
    const target = `${base}${permalinkOf(`Q${n}`).slice(1)}`;
    for (const old of [`Q${n}/`, `Q${n}`, `kb/Q${n}/`, `q${n}`, ...(n >= 1000 ? [`kb/${n}`, `kb/${n}/`, `kb/${n}/en-us`, `kb/${n}/EN-US/`] : [])]) {
      assert.equal(rewrite(`${base}${old}`), target, `${base}${old}`);
    }
  }
  // Zero-padded numbers, as old links wrote some: the zeros go, never a digit of the number.
  for (const [old, n] of [['Q012345', 12345], ['kb/012345', 12345], ['Q0123', 123], ['kb/Q0005723/', 5723], ['Q00182346', 182346]] as const) {
    assert.equal(rewrite(`${base}${old}`), `${base}${permalinkOf(`Q${n}`).slice(1)}`, `${base}${old}`);
  }
  for (const page of ['kb/182/', 'kb/', 'events/4087/', 'kb/182/Q182346/', 'kb/18234x', 'kb/182346/en_us']) assert.equal(rewrite(`${base}${page}`), null, `${page} is left alone`);
});

test('--records article and --originals publish each article\'s record and text beside its page, linked from it', () => {
  for (const r of records()) {
    const page = readFileSync(join(site.out, r.permalink, 'index.html'), 'utf8');
    assert.ok(page.includes(`href="${base}${r.permalink.slice(1)}${r.id}.txt"`), `${r.id} links its original`);
    assert.ok(page.includes(`href="${base}${r.permalink.slice(1)}index.json"`), `${r.id} links its record`);
    assert.ok(readFileSync(join(site.out, r.permalink, `${r.id}.txt`), 'utf8').length > 0);
  }
});

test('sitemap.xml is an index of sitemaps with absolute URLs that hold every article and no noindex page', async () => {
  const index = await parseXml(readFileSync(join(site.out, 'sitemap.xml'), 'utf8'));
  assert.equal(index.error, null);
  assert.equal(index.root, 'sitemapindex');
  const locs: string[] = [];
  for (const loc of index.texts('loc')) {
    assert.ok(loc.startsWith(`${siteUrl}${base}sitemap-`), loc);
    const file = await parseXml(readFileSync(join(site.out, loc.slice(siteUrl.length + base.length)), 'utf8'));
    assert.equal(file.error, null, loc);
    assert.equal(file.root, 'urlset');
    assert.ok(file.texts('url').length <= 50_000);
    locs.push(...file.texts('loc'));
  }
  assert.equal(new Set(locs).size, locs.length, 'no URL twice');
  for (const loc of locs) assert.ok(loc.startsWith(`${siteUrl}${base}`), loc);
  for (const r of records()) assert.ok(locs.includes(`${siteUrl}${base}${r.permalink.slice(1)}`), `${r.id} in the sitemap`);
  const paths = locs.map((l) => l.slice(`${siteUrl}${base}`.length));
  assert.deepEqual(paths.filter((p) => p === '404.html' || /^(kb\/)?Q\d+\/$/.test(p)), [], 'no 404 or redirect page');
  assert.match(readFileSync(join(site.out, 'robots.txt'), 'utf8'), new RegExp(`^Sitemap: ${siteUrl}${base}sitemap.xml$`, 'm'));
});

test('sitemaps split at the per-file limit', () => {
  const entries = Array.from({ length: 25 }, (_, i) => ({ path: `/p/${String(i).padStart(2, '0')}/` }));
  const files = sitemapFiles({ base: '/', siteUrl, title: 't', articleCount: 0, version: '0', publishing: defaultPublishing }, entries, 10);
  assert.deepEqual([...files.keys()], ['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
  assert.equal((files.get('/sitemap-3.xml')!.match(/<url>/g) ?? []).length, 5);
  assert.equal((files.get('/sitemap.xml')!.match(/<sitemap>/g) ?? []).length, 3);
});

test('feed.xml is Atom of the most recently modified articles, newest first, ties by number', async () => {
  const xml = readFileSync(join(site.out, 'feed.xml'), 'utf8');
  const feed = await parseXml(xml);
  assert.equal(feed.error, null);
  assert.equal(feed.root, 'feed');
  const dated = records().filter((r) => (r as unknown as { lastModified: string | null }).lastModified) as unknown as { id: string; number: number; lastModified: string }[];
  const expected = [...dated].sort((a, b) => (a.lastModified === b.lastModified ? a.number - b.number : a.lastModified < b.lastModified ? 1 : -1)).slice(0, 50);
  const links = feed.texts('link@href').filter((h) => h.includes('/kb/kb/'));
  assert.deepEqual(links, expected.map((r) => `${siteUrl}${base}kb/${r.id.slice(1).padStart(6, '0').slice(0, 3)}/${r.id}/`));
  assert.equal(feed.texts('updated')[0], `${expected[0]!.lastModified}T00:00:00Z`);
});

test('opensearch.xml describes the search page', async () => {
  const doc = await parseXml(readFileSync(join(site.out, 'opensearch.xml'), 'utf8'));
  assert.equal(doc.error, null);
  assert.equal(doc.root, 'OpenSearchDescription');
  assert.ok(doc.texts('Url@template').includes(`${siteUrl}${base}search/?q={searchTerms}`));
  assert.ok(doc.texts('ShortName')[0]!.length <= 16);
});

test('the data export holds every record, sorted by number, as on the pages, in a gzip with no timestamp', () => {
  const bytes = readFileSync(join(site.out, 'data/kb-records.jsonl.gz'));
  assert.equal(bytes.readUInt32LE(4), 0, 'gzip MTIME is zero');
  const list = records();
  assert.equal(list.length, articles());
  assert.deepEqual(list.map((r) => r.number), [...list.map((r) => r.number)].sort((a, b) => a - b));
  for (const r of list) assert.deepEqual(r, site.json(`${r.permalink}index.json`));
  const fields = Object.keys(list[0]!);
  assert.deepEqual(fields.filter((f) => !(f in recordFieldDocs)), [], 'every exported field is documented');
  const dataPage = readFileSync(join(site.out, 'data/index.html'), 'utf8');
  for (const f of fields) assert.ok(dataPage.includes(`<code>${f}</code>`), `/data/ documents ${f}`);
});
