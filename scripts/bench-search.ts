#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:search -- [--source <corpus>] --out <site> [--base /]`: what search costs (issue #4).
 *
 * With --source it first builds the site, sampling the memory of the whole process tree (Pagefind's Rust child
 * included) from /proc, and reads the index stage's time from the build's progress lines. Then it prints the
 * index's size on disk and file count, and for typical queries, in Chromium with a cold cache: the bytes fetched
 * and the time to the first result and to the finished search, unthrottled and on a phone-class connection
 * (1.6 Mbit/s down, 150 ms round trip: Chrome's "Fast 3G" figures).
 *
 * Bytes and throttling are done by the server, not by DevTools: Pagefind 1.6 fetches its index from a Web Worker,
 * which a page's DevTools session neither sees nor throttles. The server counts every response body as a gzipping
 * static host would send it (HTML, CSS, JS and JSON gzipped; Pagefind's own files are gzipped already), and on the
 * phone setting delays each response by the round trip plus that size over one shared 1.6 Mbit/s link.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { folderSize } from './report/folder-size.ts';
import { serve } from './serve.ts';
import { treeRssKiB } from './report/process-tree.ts';

const QUERIES = ['4087', 'MSExchangeIMC 4087', '0x80004005', '-2147467259', 'Q182346', 'STOP 0x0000000A', 'error 2140', 'dhcp lease', 'excel macro'];
const PHONE = { latencyMs: 150, bytesPerMs: (1.6 * 1e6) / 8 / 1000 };

const { values } = parseArgs({
  options: { source: { type: 'string' }, out: { type: 'string', default: '_site' }, base: { type: 'string', default: '/' } },
});
const out = resolve(values.out!);
const base = values.base!;

async function buildMeasured(source: string): Promise<{ seconds: number; peakBytes: number; indexSeconds: number | null; log: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), 'build', '--source', source, '--out', out, '--base', base], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1' },
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => {
    log += d;
    process.stderr.write(d);
  });
  let peakBytes = 0;
  const timer = setInterval(() => (peakBytes = Math.max(peakBytes, treeRssKiB(child.pid!) * 1024)), 200);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`the build exited with status ${code}`);
  const indexSeconds = /\[Indexing search\].* in ([\d.]+)s/.exec(log)?.[1];
  return { seconds: (performance.now() - started) / 1000, peakBytes, indexSeconds: indexSeconds ? Number(indexSeconds) : null, log };
}

/** What the server sent, and whether it plays a phone-class link. */
const link = { bytes: 0, requests: 0, throttle: false, freeAt: 0 };

/** Counts every response body and, when throttling, holds it until a phone-class link would have delivered it. */
function meter(server: Server): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    // sirv passes its headers to writeHead, so the type is judged from the path: pages, CSS, JS, JSON.
    const compressible = /(?:\/|\.html|\.css|\.js|\.json)$/.test((req.url ?? '/').split('?')[0]!);
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (chunk: Buffer) => boolean;
    const end = res.end.bind(res) as (chunk?: Buffer) => ServerResponse;
    const toBuffer = (chunk: unknown) => (typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    res.write = ((chunk: unknown) => {
      chunks.push(toBuffer(chunk));
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown) => {
      if (chunk !== undefined && typeof chunk !== 'function') chunks.push(toBuffer(chunk));
      const body = Buffer.concat(chunks);
      const size = compressible && body.length > 0 ? gzipSync(body).length : body.length;
      link.bytes += size;
      link.requests++;
      const send = () => {
        if (body.length > 0) write(body);
        end();
      };
      if (!link.throttle) {
        send();
        return res;
      }
      const now = performance.now();
      const start = Math.max(now + PHONE.latencyMs, link.freeAt);
      link.freeAt = start + size / PHONE.bytesPerMs;
      setTimeout(send, link.freeAt - now);
      return res;
    }) as typeof res.end;
  });
}

interface QueryMeasure {
  query: string;
  firstResultMs: number | null;
  doneMs: number | null;
  bytes: number;
  requests: number;
  first: string;
}

async function measureQuery(browser: Browser, origin: string, query: string, throttle: boolean): Promise<QueryMeasure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Times are taken in the page, from navigation start: when the first result link and the final status appear.
  await page.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { __marks: Record<string, number> }).__marks = marks;
    new MutationObserver(() => {
      if (marks.first === undefined && document.querySelector('.search-results a.result-link')) marks.first = performance.now();
      const status = document.querySelector('#search-status')?.textContent ?? '';
      if (marks.done === undefined && /\bresults?\b|No results|could not/.test(status)) marks.done = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  Object.assign(link, { bytes: 0, requests: 0, throttle, freeAt: 0 });
  await page.goto(`${origin}${base}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => (window as unknown as { __marks: Record<string, number> }).__marks.done !== undefined, null, { timeout: 120_000 });
  const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
  const first = (await page.getAttribute('.search-results a.result-link', 'href').catch(() => null)) ?? '';
  const measured = { query, firstResultMs: marks.first ?? null, doneMs: marks.done ?? null, bytes: link.bytes, requests: link.requests, first };
  await context.close();
  return measured;
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const ms = (n: number | null) => (n === null ? '—' : `${Math.round(n)} ms`);

if (values.source) {
  const built = await buildMeasured(resolve(values.source));
  console.log(`\nBuild: ${built.seconds.toFixed(1)} s wall, peak memory of the process tree ${(built.peakBytes / 2 ** 30).toFixed(2)} GiB`);
  console.log(`Index stage: ${built.indexSeconds === null ? 'not found in the build log' : `${built.indexSeconds.toFixed(1)} s`}`);
} else {
  console.log('Index build time: pass --source <corpus> to build and time it.');
}

const all = await folderSize(join(out, 'search'));
const pagefind = await folderSize(join(out, 'search/pagefind'));
const lookup = await folderSize(join(out, 'search/lookup'));
const parts = (JSON.parse(readFileSync(join(out, 'search/lookup/manifest.json'), 'utf8')) as { parts: string[] }).parts.length;
console.log(`Index on disk: ${(all.bytes / 2 ** 20).toFixed(1)} MiB in ${all.files.toLocaleString('en-US')} files` +
  ` (Pagefind, ${parts} parts: ${(pagefind.bytes / 2 ** 20).toFixed(1)} MiB, ${pagefind.files.toLocaleString('en-US')} files;` +
  ` lookup tables: ${(lookup.bytes / 2 ** 20).toFixed(1)} MiB, ${lookup.files.toLocaleString('en-US')} files)`);

const server = await serve({ dir: out, base, port: 0 });
meter(server);
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  // One warm-up load, so the first measured query does not pay for Chromium's own start.
  await measureQuery(browser, origin, 'warm up', false);
  console.log('\nCold cache, whole page load included (HTML, CSS, script, lookups, Pagefind), bytes as a gzipping host sends them:');
  console.log('| query | bytes fetched | requests | first result | search done | phone: first result | phone: done | first result |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const query of QUERIES) {
    const fast = await measureQuery(browser, origin, query, false);
    const phone = await measureQuery(browser, origin, query, true);
    console.log(`| \`${query}\` | ${kib(fast.bytes)} | ${fast.requests} | ${ms(fast.firstResultMs)} | ${ms(fast.doneMs)} | ${ms(phone.firstResultMs)} | ${ms(phone.doneMs)} | ${fast.first.replace(base, '/')} |`);
  }
} finally {
  await browser.close();
  server.close();
}
