/**
 * Search in a real browser (issues #4, #19): a site built under `--base /kb/` from real articles copied from the corpus
 * at test time, served on 127.0.0.1, queried in Debian's chromium. Each kind of query must put the right event,
 * error or article page first; filters narrow; the query lives in the URL and survives reload and Back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, type BuiltSite } from '../helpers/site.ts';
import { realCorpusDir } from '../helpers/corpus.ts';
import { serve } from '../../scripts/serve.ts';
import { permalinkOf } from '../../scripts/link/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { SHARDS } from '../../scripts/index/full-text/format.ts';
import { lookupPaths, type EventShard } from '../../scripts/index/query.ts';

/** Articles chosen for what they name (see each comment), plus a few others so searches have something to skip. */
const IDS = [
  'Q182346', // MSExchangeIMC event 4087
  'Q172153', 'Q235999', // event 1000 from two sources: JET and Save Dump
  'Q199042', 'Q161972', 'Q182084', 'Q264314', // 0x80004005
  'Q140426', 'Q141156', // STOP 0x0000000A
  'Q154595', 'Q262371', // error 2140
  'Q153072', 'Q129122', 'Q194424', 'Q183875', 'Q147872', // DHCP leases (windows-nt, and one windows-95)
  'Q150734', // a page of ~68 KB: read from its head, or whole when the query's words are past it
  'Q10022', 'Q139643', 'Q65541', 'Q195399', 'Q298511', 'Q178492',
  'Q61054', 'Q101042', 'Q141019', 'Q182035', 'Q224087', 'Q264077', 'Q304062',
];
const BASE = '/kb/';

let site: BuiltSite;
let server: Server;
let browser: Browser;
let origin: string;
const offSite: string[] = [];

before(async () => {
  const source = tempDir('kb-search-src-');
  for (const id of IDS) {
    const to = join(source, `${permalinkOf(id).slice(1)}README.md`);
    mkdirSync(dirname(to), { recursive: true });
    // By permalink: the kbarchive folder of a 5-digit id is zero-padded (Q10022 → kb/010/).
    cpSync(join(realCorpusDir(), `${permalinkOf(id).slice(1)}README.md`), to);
  }
  site = await buildSite({ source, base: BASE, workers: 0 });
  assert.equal(site.result.articlesBuilt, IDS.length);
  server = await serve({ dir: site.out, base: BASE, port: 0 });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(`${origin}${BASE}`) && !r.url().startsWith('data:')) offSite.push(r.url());
  });
  return page;
}

/** Waits until the status line reports the finished search (full text included). */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => /\bresults?\b|No results|could not/.test(document.querySelector('#search-status')?.textContent ?? ''));
  return (await page.textContent('#search-status')) ?? '';
}

async function search(page: Page, query: string, params = ''): Promise<string[]> {
  await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent(query)}${params}`);
  await settled(page);
  return page.$$eval('.search-results a.result-link', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

const article = (id: string) => `${BASE}${permalinkOf(id).slice(1)}`;

test('an event ID in any form puts its event page first, then its articles', async () => {
  const page = await openPage();
  for (const query of ['4087', 'event 4087', 'Event ID 4087', 'MSExchangeIMC 4087']) {
    const links = await search(page, query);
    assert.equal(links[0], `${BASE}events/4087/`, query);
    assert.equal(links[1], article('Q182346'), query);
  }
  await page.close();
});

test('an event source given with the ID narrows its articles to that source', async () => {
  const page = await openPage();
  const all = await search(page, '1000');
  assert.equal(all[0], `${BASE}events/1000/`);
  assert.ok(all.includes(article('Q172153')) && all.includes(article('Q235999')));
  const exact = await page.$$eval('#search-exact a', (links) => links.map((a) => a.getAttribute('href')));
  const jet = await search(page, 'JET 1000');
  const jetExact = await page.$$eval('#search-exact a', (links) => links.map((a) => a.getAttribute('href')));
  assert.equal(jet[0], `${BASE}events/1000/`);
  assert.deepEqual(jetExact, [`${BASE}events/1000/`, article('Q172153')]);
  assert.ok(exact.length > jetExact.length);
  await page.close();
});

test('an article number in any form puts that article first', async () => {
  const page = await openPage();
  for (const query of ['Q182346', '182346', 'KB182346', 'kb 182346']) {
    const links = await search(page, query);
    assert.equal(links[0], article('Q182346'), query);
  }
  await page.close();
});

test('an error code in any form finds its error page, then its articles', async () => {
  const page = await openPage();
  for (const query of ['0x80004005', '80004005', '-2147467259']) {
    const links = await search(page, query);
    assert.equal(links[0], `${BASE}errors/0x80004005/`, query);
    for (const id of ['Q199042', 'Q161972', 'Q182084', 'Q264314']) assert.ok(links.includes(article(id)), `${query} lists ${id}`);
  }
  assert.equal((await search(page, 'STOP 0x0000000A'))[0], `${BASE}errors/stop-0x0000000a/`);
  const error2140 = await search(page, 'error 2140');
  assert.equal(error2140[0], `${BASE}errors/error-2140/`);
  assert.ok(error2140.includes(article('Q262371')));
  await page.close();
});

test('words search the full text, with the matched words highlighted', async () => {
  const page = await openPage();
  const links = await search(page, 'dhcp lease');
  assert.ok(links.includes(article('Q153072')), links.join(' '));
  const marks = await page.$$eval('#search-fulltext mark', (m) => m.map((e) => e.textContent?.toLowerCase()));
  assert.ok(marks.some((m) => m?.startsWith('dhcp')) && marks.some((m) => m?.startsWith('lease')), marks.join(' '));
  await page.close();
});

test('filters narrow the results, and browse with an empty query', async () => {
  const page = await openPage();
  const all = await search(page, 'dhcp');
  const windows95 = await search(page, 'dhcp', '&family=windows-95');
  assert.ok(windows95.length >= 1 && windows95.length < all.length, `${windows95.length} of ${all.length}`);
  assert.deepEqual(windows95, [article('Q147872')]);
  // The filter select shows the URL's choice.
  assert.equal(await page.inputValue('#search-family'), 'windows-95');

  // An empty query with a filter browses: every article of the family, here all the Exchange ones built.
  await page.goto(`${origin}${BASE}search/?family=exchange`);
  await settled(page);
  const browsed = await page.$$eval('#search-fulltext a', (links) => links.map((a) => a.getAttribute('href')));
  const exchange = IDS.filter((id) => site.record<{ productFamily: string }>(id).productFamily === 'exchange');
  assert.equal(browsed.length, exchange.length);
  for (const id of exchange) assert.ok(browsed.includes(article(id)), id);

  // Choosing a filter in the form re-runs the search and records it in the URL.
  await page.goto(`${origin}${BASE}search/?q=dhcp`);
  await settled(page);
  await page.selectOption('#search-family', 'windows-95');
  await page.waitForFunction(() => location.search.includes('family=windows-95'));
  await page.waitForFunction(() => document.querySelectorAll('#search-fulltext a').length === 1);
  await page.close();
});

test('the query lives in the URL: it survives reload, and Back restores the previous search', async () => {
  const page = await openPage();
  await page.goto(`${origin}${BASE}search/`);
  await page.fill('#search-q', 'Q182346');
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Q182346');
  await settled(page);
  await page.reload();
  await settled(page);
  assert.equal(await page.inputValue('#search-q'), 'Q182346');
  assert.equal(await page.getAttribute('#search-exact a', 'href'), article('Q182346'));

  await page.fill('#search-q', '0x80004005');
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(() => document.querySelector('#search-exact a')?.getAttribute('href')?.includes('/errors/'));
  await page.goBack();
  await page.waitForFunction(() => (document.querySelector('#search-q') as HTMLInputElement).value === 'Q182346');
  await page.waitForFunction((href) => document.querySelector('#search-exact a')?.getAttribute('href') === href, article('Q182346'));
  await page.close();
});

test('keyboard: arrows move from the box through the results, Enter opens one; results are announced', async () => {
  const page = await openPage();
  await search(page, '4087');
  assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
  assert.equal(await page.getAttribute('#search-status', 'role'), 'status');
  for (const id of ['search-q', 'search-family', 'search-type', 'search-year', 'search-source']) {
    assert.ok(await page.$(`label[for="${id}"]`), `${id} has a label`);
  }
  await page.focus('#search-q');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), `${BASE}events/4087/`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), article('Q182346'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q');
  await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForURL(`${origin}${BASE}events/4087/`), page.keyboard.press('Enter')]);
  await page.close();
});

test('nothing loads off the site, and an empty search page loads no index', async () => {
  const page = await openPage();
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(`${origin}${BASE}search/`);
  await page.waitForFunction(() => document.querySelector('#search')?.classList.contains('is-enhanced'));
  assert.deepEqual(fetched.filter((u) => /\/search\/(?:index|lookup)\//.test(u)), []);
  await page.close();
  assert.deepEqual(offSite, []);
});

/** The test site served again, each request going through `hook` first, which passes it on with `next` (or not). */
async function serveThrough(hook: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): Promise<{ origin: string; server: Server }> {
  const server = await serve({ dir: site.out, base: BASE, port: 0 });
  const [handler] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => hook(req, res, () => handler!(req, res)));
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

/**
 * Searches `query` on the test site served again with the requests of kind `late` answered `ms` late, and returns
 * the order things arrived in: each request of a kind named in `kinds` or `late` (by its name), and `<late> answered`
 * as each late one is let through; with the links of the full-text results.
 */
async function searchLogged(query: string, late: [name: string, path: RegExp, ms: number], kinds: [name: string, path: RegExp][]): Promise<{ arrived: string[]; links: string[] }> {
  const arrived: string[] = [];
  const [lateName, latePath, ms] = late;
  const slow = await serveThrough((req, _res, next) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (latePath.test(path)) {
      arrived.push(lateName);
      setTimeout(() => {
        arrived.push(`${lateName} answered`);
        next();
      }, ms);
      return;
    }
    const kind = kinds.find(([, pattern]) => pattern.test(path));
    if (kind) arrived.push(kind[0]);
    next();
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${slow.origin}${BASE}search/?q=${encodeURIComponent(query)}`);
    await settled(page);
    const links = await page.$$eval('#search-fulltext a.result-link', (found) => found.map((a) => a.getAttribute('href') ?? ''));
    await page.close();
    return { arrived, links };
  } finally {
    slow.server.close();
  }
}

const SHARD = /\/search\/index\/t\//;

test('a word query takes two rounds: every term shard at once, then the results\' pages', async () => {
  // Each shard is answered 300 ms late: a page fetched for display before the last shard arrived would mean the
  // results were ranked on part of the index; a shard asked for after a page, a third round.
  const { arrived, links } = await searchLogged('dhcp lease expired', ['shard', SHARD, 300], [['page', /\/kb\/\d{3}\/Q\d+\/$/]]);
  assert.ok(links.length > 0, 'the full text found nothing');
  assert.equal(arrived.filter((a) => a === 'shard').length, 3, arrived.join(', '));
  const lastShard = arrived.lastIndexOf('shard answered');
  assert.ok(arrived.indexOf('page') > lastShard, `requests in order: ${arrived.join(', ')}`);
  assert.ok(arrived.slice(0, 3).every((a) => a === 'shard'), `the three shards are asked for at once: ${arrived.join(', ')}`);
});

test('the query\'s requests go out while the page\'s stylesheet is still loading: the script is in the head, ahead of it', async () => {
  // The stylesheets are answered 1.5 s late: a script that waited for them (as a script file after them would) would
  // ask for the shards only after the first was answered.
  const { arrived, links } = await searchLogged('dhcp lease', ['stylesheet', /\.css$/, 1500], [['shard', SHARD]]);
  assert.ok(links.includes(article('Q153072')));
  const firstAnswer = arrived.indexOf('stylesheet answered');
  assert.equal(arrived.filter((a) => a === 'shard').length, 2, arrived.join(', '));
  assert.ok(arrived.lastIndexOf('shard') < firstAnswer, `requests in order: ${arrived.join(', ')}`);
});

test('the event-source filter loads its choices after the results, and a source in the URL narrows before they load', async () => {
  const sources = JSON.parse(readFileSync(join(site.out, 'search/sources.json'), 'utf8')) as [string, string, number][];
  const jet = sources.find(([, name]) => /^JET\b/i.test(name));
  const other = sources.find(([key]) => key !== jet?.[0]);
  assert.ok(jet && other, JSON.stringify(sources));
  const page = await openPage();
  // With no words, the filter browses: the articles of that source alone.
  const narrowed = await search(page, '', `&source=${jet[0]}`);
  assert.ok(narrowed.includes(article('Q172153')) && !narrowed.includes(article('Q235999')), narrowed.join(' '));
  assert.equal(await page.inputValue('#search-source'), jet[0]);
  // Then every source is a choice, by name and count, the URL's still chosen.
  await page.waitForFunction((n) => document.querySelectorAll('#search-source option').length === n + 1, sources.length);
  assert.equal(await page.inputValue('#search-source'), jet[0]);
  assert.equal((await page.textContent(`#search-source option[value="${other[0]}"]`))?.trim(), `${other[1]} (${other[2].toLocaleString('en-US')})`);
  await page.selectOption('#search-source', other[0]);
  await page.waitForFunction((key) => new URLSearchParams(location.search).get('source') === key, other[0]);
  await page.close();
});

test('a shard that fails to load makes the page say the full text could not be loaded, and the next search tries again', async () => {
  let refusals = 1;
  const flaky = await serveThrough((req, res, next) => {
    if ((req.url ?? '').includes('/search/index/t/') && refusals-- > 0) {
      res.writeHead(503).end();
      return;
    }
    next();
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${flaky.origin}${BASE}search/?q=${encodeURIComponent('dhcp')}`);
    assert.match(await settled(page), /full-text index could not be loaded/);
    assert.equal((await page.$$('#search-fulltext a.result-link')).length, 0);
    await page.fill('#search-q', 'dhcp lease');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-fulltext a.result-link').length > 0);
    assert.doesNotMatch(await settled(page), /could not/);
    await page.close();
  } finally {
    flaky.server.close();
  }
});

test('a sentence from deep in an article finds it, with the snippet taken from there', async () => {
  // A sentence of the last quarter of Q153072's text, taken from the built record's source at test time.
  const text = readFileSync(join(realCorpusDir(), `${permalinkOf('Q153072').slice(1)}README.md`), 'utf8');
  const sentences = (text.split('{% raw %}')[1] ?? text).split(/(?<=[.])\s+/).map((s) => s.replace(/\s+/g, ' ').trim());
  const deep = sentences.slice(Math.floor(sentences.length * 0.5)).find((s) => s.split(' ').length >= 8 && s.split(' ').length <= 30 && /^[A-Za-z][A-Za-z ,'()/-]+\.$/.test(s));
  assert.ok(deep, 'Q153072 has a plain sentence in its second half');
  const page = await openPage();
  const links = await search(page, deep);
  assert.ok(links.slice(0, 10).includes(article('Q153072')), `${deep} → ${links.join(' ')}`);
  const excerpt = await page.$$eval('#search-fulltext li', (items, href) => items.find((li) => li.querySelector('a')?.getAttribute('href') === href)?.querySelector('.excerpt')?.textContent ?? '', article('Q153072'));
  const rare = deep.split(' ').filter((w) => w.length >= 7).map((w) => w.replace(/[^A-Za-z]/g, '').toLowerCase());
  assert.ok(rare.some((w) => excerpt.toLowerCase().includes(w)), `the snippet "${excerpt}" shows where "${deep}" matched`);
  await page.close();
});

test('a quoted phrase matches as a phrase', async () => {
  const page = await openPage();
  const loose = await search(page, 'lease dhcp');
  const quoted = await search(page, '"dhcp lease"');
  assert.ok(quoted.length > 0 && quoted.length <= loose.length, `${quoted.length} of ${loose.length}`);
  for (const href of quoted) {
    const html = await (await fetch(`${origin}${href}`)).text();
    assert.match(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), /dhcp lease/i, `${href} holds the phrase`);
  }
  await page.close();
});

test('the lookup tables are small and sharded; the full-text index is a fixed set of term shards', () => {
  const events = site.json<EventShard>(lookupPaths.eventShard(4087).slice(1));
  assert.equal(events['4087']?.count, 1);
  assert.deepEqual(events['4087']?.sources.flatMap(([, , articles]) => articles.map(([id]) => id)), ['Q182346']);
  assert.ok(!site.exists('search/lookup/events.json'), 'no archive-wide events table: a query reads one shard');
  assert.ok(!site.exists('search/lookup/articles'), 'an article number is looked up on its own page');
  for (const kind of ['events', 'errors']) {
    for (const file of readdirSync(join(site.out, 'search/lookup', kind))) assert.ok(statSync(join(site.out, 'search/lookup', kind, file)).size < 8_000, `${kind}/${file}`);
  }
  assert.equal(readdirSync(join(site.out, 'search/index/t')).length, SHARDS);
  assert.ok(!site.exists('search/pagefind'), 'no Pagefind index is written');
});

test('a long article is read from its page\'s head, and fetched whole only when the query\'s words are past it', async () => {
  const path = article('Q150734');
  const html = readFileSync(join(site.out, 'kb/150/Q150734/index.html'));
  assert.ok(html.length > 40_000, `the page is long (${html.length} bytes)`);
  // Words of the article's body (where snippets come from): one from the page's head, one only its tail holds.
  const words = (bytes: Buffer) => new Set(bytes.toString('utf8').replace(/<[^>]+>/g, ' ').toLowerCase().match(/\b[a-z]{8,}\b/g) ?? []);
  const bodyAt = html.indexOf('<div class="article-body">');
  const head = words(html.subarray(bodyAt, 12_000));
  const before = words(html.subarray(0, 20_000));
  const tail = [...words(html.subarray(20_000, html.indexOf('<footer class="article-footer">')))].filter((w) => !before.has(w));
  const everywhere = IDS.filter((id) => id !== 'Q150734').map((id) => words(readFileSync(join(site.out, permalinkOf(id).slice(1), 'index.html'))));
  const onlyHere = (w: string) => everywhere.every((set) => !set.has(w));
  const headWord = [...head].find(onlyHere);
  const tailWord = tail.find(onlyHere);
  assert.ok(headWord && tailWord, 'Q150734 has a word of its own in its head and one in its tail');

  const requests: Array<{ range: string | undefined; status: number }> = [];
  const watched = await serveThrough((req, res, next) => {
    if ((req.url ?? '').split('?')[0] === path) res.on('finish', () => requests.push({ range: req.headers.range, status: res.statusCode }));
    next();
  });
  const marksFor = async (query: string) => {
    requests.length = 0;
    const page = await browser.newPage();
    await page.goto(`${watched.origin}${BASE}search/?q=${encodeURIComponent(query)}`);
    await settled(page);
    const marks = await page.$$eval('#search-fulltext li', (items, href) => Array.from(items.find((li) => li.querySelector('a')?.getAttribute('href') === href)?.querySelectorAll('mark') ?? []).map((m) => m.textContent?.toLowerCase()), path);
    await page.close();
    return marks;
  };
  try {
    assert.ok((await marksFor(headWord)).includes(headWord), `${headWord} is marked`);
    assert.deepEqual(requests.map((r) => r.status), [206], `one Range request answers a word of the head: ${JSON.stringify(requests)}`);
    assert.match(requests[0]!.range ?? '', /^bytes=0-\d+$/);
    assert.ok((await marksFor(tailWord)).includes(tailWord), `${tailWord}, past the head, is marked`);
    assert.deepEqual(requests.map((r) => r.status), [206, 200], `the head, then the whole page: ${JSON.stringify(requests)}`);
  } finally {
    watched.server.close();
  }

  // A host that ignores Range sends the whole page at once, which serves as well.
  const plain = await serveThrough((req, _res, next) => {
    delete req.headers.range;
    next();
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${plain.origin}${BASE}search/?q=${encodeURIComponent(tailWord)}`);
    await settled(page);
    assert.ok((await page.$$eval('#search-fulltext mark', (m) => m.map((e) => e.textContent?.toLowerCase()))).includes(tailWord));
    await page.close();
  } finally {
    plain.server.close();
  }
});
