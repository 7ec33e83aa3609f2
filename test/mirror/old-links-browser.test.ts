/**
 * Old links in a real browser (issue #20): every form of an old link to an article, served by a plain static server
 * that answers a missing path with the site's 404 page (as GitHub Pages, GitLab Pages, Netlify and Cloudflare Pages
 * do), lands on the article — at the root and under `--base /kb/`. A number the archive lacks says so and offers
 * the search; hostile links leave the reader on the site, with no dialog and no request elsewhere.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, type BuiltSite } from '../helpers/site.ts';
import { serve } from '../../scripts/serve.ts';

interface Mirror {
  base: string;
  site: BuiltSite;
  server: Server;
  origin: string;
}

const mirrors: Mirror[] = [];
let browser: Browser;

before(async () => {
  for (const base of ['/', '/kb/']) {
    const site = await buildSite({ workers: 0, base, search: false });
    const server = await serve({ dir: site.out, base, port: 0, signal: new AbortController().signal, quiet: true });
    const address = server.address();
    mirrors.push({ base, site, server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

after(async () => {
  await browser?.close();
  for (const m of mirrors) m.server.close();
});

/** A page that fails the test on any dialog and records every request it makes. */
async function openPage(): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return { page, requests, dialogs };
}

/** Articles of the bundled sample: a six-digit number, a five-digit one (folder 013) and one of the last folder. */
const sampleNumbers = [182398, 13587, 262719];

const permalink = (n: number) => `kb/${String(n).padStart(6, '0').slice(0, 3)}/Q${n}/`;

test('every old-link form lands on its article, at the root and under /kb/', async () => {
  for (const m of mirrors) {
    for (const n of sampleNumbers) {
      assert.ok(m.site.exists(`/${permalink(n)}`), `the sample holds Q${n}`);
      const forms = [
        `Q${n}/`,
        `kb/Q${n}/`,
        `kb/${n}`,
        `kb/${n}/en-us`,
        `default.aspx?scid=kb;en-us;${n}`,
        `?kbid=${n}`,
      ];
      for (const form of forms) {
        const { page, dialogs } = await openPage();
        await page.goto(`${m.origin}${m.base}${form}`);
        await page.waitForURL(`${m.origin}${m.base}${permalink(n)}`, { timeout: 10_000 });
        assert.match(await page.locator('h1').first().innerText(), /\S/, `${m.base}${form} shows the article`);
        assert.equal(await page.locator('.article-id span').first().innerText(), `Q${n}`, `${m.base}${form} → Q${n}`);
        assert.deepEqual(dialogs, []);
        await page.close();
      }
    }
  }
});

test('under /kb/, an old link of the whole old host (no prefix) lands on the article too', async () => {
  const m = mirrors.find((x) => x.base === '/kb/')!;
  const n = sampleNumbers[0]!;
  for (const form of [`/Q${n}/`, `/default.aspx?scid=kb;en-us;${n}`]) {
    const { page } = await openPage();
    await page.goto(`${m.origin}${form}`);
    await page.waitForURL(`${m.origin}/kb/${permalink(n)}`, { timeout: 10_000 });
    await page.close();
  }
});

test('a number the archive lacks says so, offers the search for it, and stays put', async () => {
  for (const m of mirrors) {
    for (const form of ['kb/999999/en-us', 'Q999999/', '?kbid=999999', 'default.aspx?scid=kb;en-us;999999']) {
      const { page } = await openPage();
      const start = `${m.origin}${m.base}${form}`;
      await page.goto(start);
      const notice = page.locator('#old-link');
      await notice.getByText('This archive has no article Q999999').waitFor({ timeout: 10_000 });
      assert.equal(await notice.getAttribute('role'), 'status', 'announced to screen readers');
      const search = notice.getByRole('link');
      assert.equal(await search.getAttribute('href'), `${m.base}search/?q=Q999999`);
      assert.equal(page.url(), start, 'no redirect');
      await page.close();
    }
  }
});

test('Event Viewer\'s help link lands on the event\'s page at its source, at the root and under /kb/', async () => {
  for (const m of mirrors) {
    const { page, dialogs } = await openPage();
    await page.goto(`${m.origin}${m.base}events.asp?EvtSrc=MSExchangeIMC&EvtID=4087&EvtType=Error&CoName=Microsoft%20Corporation&ProdName=Microsoft%20Exchange&ProdVer=5.5&FileName=msexcimc.exe&FileVer=5.5.2448.0`);
    await page.waitForURL(`${m.origin}${m.base}events/4087/#src-msexchangeimc`, { timeout: 10_000 });
    assert.equal(await page.locator('h1').innerText(), 'Event ID 4087');
    assert.match(await page.locator(':target').innerText(), /MSExchangeIMC/, 'the source is the target');
    assert.deepEqual(dialogs, []);
    await page.close();
  }
});

test('an event the archive lacks says so, with the source as text, and offers the search', async () => {
  for (const m of mirrors) {
    const { page, dialogs } = await openPage();
    const start = `${m.origin}${m.base}events.asp?EvtSrc=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&EvtID=64999`;
    await page.goto(start);
    const notice = page.locator('#old-link');
    await notice.getByText('No article of this archive names event 64999 from <img src=x onerror=alert(1)>').waitFor({ timeout: 10_000 });
    assert.equal(await notice.locator('img').count(), 0, 'the source is text, not markup');
    assert.equal(await notice.getByRole('link').getAttribute('href'), `${m.base}search/?q=${encodeURIComponent('<img src=x onerror=alert(1)> 64999')}`);
    assert.equal(page.url(), start);
    assert.deepEqual(dialogs, []);
    await page.close();
  }
});

test('hostile links stay on the site, open no dialog and ask nothing of another host', async () => {
  const hostile = [
    '?kbid=//example.org',
    '?kbid=javascript:alert(1)',
    '?kbid=%2F%2Fexample.org',
    '?kbid=182398@example.org',
    '?next=https://example.org/&kbid=',
    'default.aspx?scid=kb;en-us;javascript:alert(1)',
    'default.aspx?scid=kb;en-us;%2F%2Fexample.org',
    'kb/%2F%2Fexample.org',
    'kb/%2e%2e/%2e%2e/etc/passwd',
    '%2F%2Fexample.org/Q182398/',
    'Q182398/..%2F..%2Fexample.org',
    'search/?q=<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '?kbid=<svg onload=alert(1)>',
    'events.asp?EvtSrc=javascript:alert(1)&EvtID=javascript:alert(1)',
    'events.asp?EvtSrc=//example.org&EvtID=//example.org',
    'events.asp?EvtSrc=x&EvtID=4087%2F..%2F..%2F%2Fexample.org',
  ];
  for (const m of mirrors) {
    for (const form of hostile) {
      const { page, requests, dialogs } = await openPage();
      await page.goto(`${m.origin}${m.base}${form}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(100);
      assert.deepEqual(dialogs, [], `${form}: no dialog`);
      assert.equal(new URL(page.url()).origin, m.origin, `${form}: still on the site`);
      assert.deepEqual(requests.filter((r) => !r.startsWith(m.origin)), [], `${form}: nothing asked of another host`);
      assert.equal(await page.locator('#old-link').isVisible(), false, `${form}: no article claimed`);
      await page.close();
    }
  }
});
