/**
 * Issue #7 in a real browser (Debian's Chromium via playwright-core): the home, article, event, error-code,
 * product and search pages, at desktop and phone widths and in both colour schemes, have no serious or critical
 * axe-core violation, never scroll sideways on a phone, and request nothing from another host; a typical
 * article page weighs well under 60 KB. One build (the sample plus real articles chosen for their wide tables,
 * long lines and symptoms, copied at test time), one server, one browser.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildSite, type BuiltSite } from '../helpers/site.ts';
import { realArticlePath } from '../helpers/corpus.ts';
import { defaultSource } from '../../scripts/build.ts';
import { launchChromium, pagesToCheck, serveSite, viewports, type PageToCheck, type ServedSite } from '../../scripts/browser/index.ts';
import { tempDir } from '../helpers/temp.ts';

/** Real articles: Exchange IMC events (Q182346…), HRESULTs and STOP codes, and the corpus' widest tables and longest lines. */
const realIds = [
  'Q182346', 'Q182522', 'Q182502', 'Q183178', 'Q181950', // MSExchangeIMC events
  'Q182082', 'Q183554', 'Q187869', 'Q192174', // 0x80004005
  'Q150734', 'Q150071', 'Q152841', // STOP 0x0000000A
  'Q217157', 'Q218458', 'Q235999', // Event ID 1000
  'Q194614', 'Q256170', // error C2065
  'Q316917', 'Q282474', // ASCII tables 160+ columns wide
  'Q230305', 'Q75975', // prose lines of 450–650 characters
];

const axeScript = join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');

let site: BuiltSite;
let served: ServedSite;
let browser: Browser;
let pages: PageToCheck[];

before(async () => {
  const source = tempDir('kb-browser-src-');
  cpSync(join(defaultSource, 'kb'), join(source, 'kb'), { recursive: true });
  for (const id of realIds) {
    const readme = realArticlePath(id);
    cpSync(dirname(readme), join(source, 'kb', readme.split('/').at(-3)!, id), { recursive: true });
  }
  site = await buildSite({ source, workers: 0 });
  served = await serveSite(site.out);
  browser = await launchChromium();
  pages = pagesToCheck(site.out);
});

after(async () => {
  await browser?.close();
  await served?.close();
});

interface Visit {
  requests: string[];
  violations: { id: string; impact: string; help: string; targets: string[] }[];
  scrollWidth: number;
  innerWidth: number;
}

/** Loads a page in a fresh context, recording every request, and runs axe-core over it. */
async function visit(context: BrowserContext, path: string): Promise<Visit> {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const response = await page.goto(served.href(path), { waitUntil: 'load' });
  assert.equal(response?.status(), 200, `${path} answers 200`);
  await page.addScriptTag({ path: axeScript });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  await page.close();
  return { requests, violations, scrollWidth: scrollWidth!, innerWidth: innerWidth! };
}

test('the representative pages are the ones issue #7 names', () => {
  assert.deepEqual(pages.map((p) => p.name), ['home', 'article', 'event', 'error', 'product', 'search']);
});

for (const [width, viewport] of Object.entries(viewports)) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${width} (${viewport.width}px), ${colorScheme}: no serious axe violation, no sideways scroll, nothing off the site`, async () => {
      const context = await browser.newContext({ viewport, colorScheme });
      try {
        for (const p of pages) {
          const v = await visit(context, p.path);
          const serious = v.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical');
          assert.deepEqual(serious, [], `${p.path}: ${JSON.stringify(serious, null, 2)}`);
          const foreign = v.requests.filter((u) => !u.startsWith(served.origin));
          assert.deepEqual(foreign, [], `${p.path} requested another host`);
          assert.ok(v.requests.length > 0, 'requests are recorded');
          if (width === 'phone') assert.ok(v.scrollWidth <= v.innerWidth, `${p.path} scrolls sideways on a phone: ${v.scrollWidth} > ${v.innerWidth}`);
        }
      } finally {
        await context.close();
      }
    });
  }
}

test('every other kind of page has no serious axe violation and no sideways scroll on a phone', async () => {
  const first = (dir: string) => readdirSync(join(site.out, dir), { withFileTypes: true }).find((d) => d.isDirectory() && d.name !== 'page')!.name;
  const family = pages.find((p) => p.name === 'product')!.path;
  const others = [
    '/events/', '/events/sources/', `/events/sources/${first('events/sources')}/`, '/errors/', '/products/',
    `${family}years/${first(`${family}years`)}/`, '/types/', '/types/prb/', '/years/', `/years/${first('years')}/`,
    '/keywords/', `/keywords/${first('keywords')}/`, '/kb/', `/kb/${first('kb')}/`,
  ];
  for (const [width, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport });
    try {
      for (const path of others) {
        const v = await visit(context, path);
        assert.deepEqual(v.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'), [], `${path} at ${width} width`);
        if (width === 'phone') assert.ok(v.scrollWidth <= v.innerWidth, `${path}: ${v.scrollWidth} > ${v.innerWidth}`);
      }
    } finally {
      await context.close();
    }
  }
});

test('the pages with the widest tables and longest lines do not scroll sideways on a phone', async () => {
  const context = await browser.newContext({ viewport: viewports.phone });
  try {
    for (const id of ['Q316917', 'Q282474', 'Q230305', 'Q75975']) {
      const path = `/kb/${realArticlePath(id).split('/').at(-3)}/${id}/`;
      const v = await visit(context, path);
      assert.ok(v.scrollWidth <= v.innerWidth, `${path}: ${v.scrollWidth} > ${v.innerWidth}`);
      assert.deepEqual(v.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'), [], path);
    }
  } finally {
    await context.close();
  }
});

test('a typical article page (HTML, CSS and scripts transferred) weighs well under 60 KB', async () => {
  const context = await browser.newContext({ viewport: viewports.desktop });
  try {
    const page = await context.newPage();
    const sizes: { url: string; type: string; bytes: number }[] = [];
    page.on('response', async (r) => {
      const type = r.request().resourceType();
      if (type === 'document' || type === 'stylesheet' || type === 'script') sizes.push({ url: r.url(), type, bytes: (await r.body()).length });
    });
    await page.goto(served.href('/kb/182/Q182346/'), { waitUntil: 'networkidle' });
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    assert.ok(sizes.some((s) => s.type === 'document') && sizes.some((s) => s.type === 'stylesheet'), JSON.stringify(sizes));
    assert.ok(total < 60 * 1024, `Q182346 weighs ${total} bytes: ${JSON.stringify(sizes)}`);
  } finally {
    await context.close();
  }
});
