#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:search -- [--source <corpus>] --out <site> [--corpus <corpus>] [--base /]`: what search costs and
 * how well it finds (issue #19).
 *
 * With --source it first builds the site, sampling the memory of the whole process tree from /proc, and reads the
 * index's build time from the build's progress line. Then:
 *   - the index on disk: files and size;
 *   - the evaluation set (scripts/eval/queries.ts, made from --corpus, default --source): recall@10 and MRR@10 per
 *     kind, ranked by the very code the page runs (rank.ts) over the built files, beside Pagefind's figures as
 *     measured before it was replaced (scripts/eval/pagefind-baseline.json);
 *   - per query, in Chromium with a cold cache against a plain static server with no compression: the bytes and
 *     requests of the search itself (everything after the page, its stylesheet and its script) and the time from
 *     navigation to settled results, unthrottled and on a phone-class connection (1.6 Mbit/s down, 150 ms round
 *     trip: Chrome's "Fast 3G" figures, played by the server).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { footprintOf } from './report/host-limits.ts';
import { serve } from './serve.ts';
import { treeRssKiB } from './report/process-tree.ts';

import { rankQuery, type IndexFigures } from './index/full-text/rank.ts';
import { makeEvalSet, type EvalQuery } from './eval/queries.ts';
import { scoreEval, type KindScore } from './eval/score.ts';

const QUERIES = ['4087', 'MSExchangeIMC 4087', '0x80004005', 'Q182346', 'STOP 0x0000000A', 'error 2140', 'dhcp lease expired', 'excel macro', 'ntldr is missing', '"internet mail service"'];
const PHONE = { latencyMs: 150, bytesPerMs: (1.6 * 1e6) / 8 / 1000 };

const { values } = parseArgs({
  options: { source: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string', default: '_site' }, base: { type: 'string', default: '/' }, 'per-kind': { type: 'string', default: '100' } },
});
const out = resolve(values.out!);
const base = values.base!;

async function buildMeasured(source: string): Promise<{ seconds: number; peakBytes: number; indexSeconds: number | null; indexCpuSeconds: number | null; log: string }> {
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
  const indexSeconds = /\[Indexing search\].* in ([\d.]+)s$/m.exec(log)?.[1];
  const indexCpuSeconds = /\[Indexing search\].*index built in ([\d.]+)s/.exec(log)?.[1];
  return { seconds: (performance.now() - started) / 1000, peakBytes, indexSeconds: indexSeconds ? Number(indexSeconds) : null, indexCpuSeconds: indexCpuSeconds ? Number(indexCpuSeconds) : null, log };
}

/** What the server sent, and whether it plays a phone-class link. */
const link = { bytes: 0, requests: 0, throttle: false, freeAt: 0 };
/** The page itself (with its script), its stylesheets and its event-source choices (loaded once the results are shown):
 *  not the search's own bytes. */
const PAGE_FILES = /(?:\/search\/|\/search\/sources\.json|\.css|\.js|\.svg)$/;

/** Counts every response body and, when throttling, holds it until a phone-class link would have delivered it. */
function meter(server: Server): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
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
      // As a plain static server sends it: no compression.
      const size = body.length;
      if (!PAGE_FILES.test(path)) {
        link.bytes += size;
        link.requests++;
      }
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
  console.log(`Search stage (writing the index): ${built.indexSeconds === null ? 'not found in the build log' : `${built.indexSeconds.toFixed(1)} s`}; the full-text index built in memory on its own thread, beside linking and rendering: ${built.indexCpuSeconds ?? '?'} s (the terms are made on the parse workers, in the parsing stage's "digest" time)`);
} else {
  console.log('Index build time: pass --source <corpus> to build and time it.');
}

const index = footprintOf(join(out, 'search/index'));
const lookup = footprintOf(join(out, 'search/lookup'));
console.log(`Index on disk: full text ${(index.bytes / 2 ** 20).toFixed(1)} MiB in ${index.files.toLocaleString('en-US')} files; lookup tables ${(lookup.bytes / 2 ** 20).toFixed(1)} MiB in ${lookup.files.toLocaleString('en-US')} files`);

// The evaluation set, ranked by rank.ts over the built files.
const corpus = values.corpus ?? values.source;
let evalSet: EvalQuery[] = [];
if (corpus) {
  evalSet = await makeEvalSet(resolve(corpus), { perKind: Number(values['per-kind']), seed: 1 });
  const script = readFileSync(join(out, 'search/index.html'), 'utf8');
  const figures = readFigures(script);
  const bytesOf = new Map<EvalQuery, number>();
  const ranked = new Map<EvalQuery, string[]>();
  let bytes = 0;
  const fetchBytes = async (path: string) => {
    const file = join(out, path);
    const body = existsSync(file) ? readFileSync(file) : null;
    bytes += body?.length ?? 0;
    return body;
  };
  for (const q of evalSet) {
    bytes = 0;
    const r = await rankQuery(q.query, {}, figures, fetchBytes);
    ranked.set(q, r.results.slice(0, 10).map((x) => `Q${x.number}`));
    bytesOf.set(q, bytes);
  }
  const ours = scoreEval(evalSet, (q) => ranked.get(q)!);
  const before = (JSON.parse(readFileSync(join(import.meta.dirname, 'eval/pagefind-baseline.json'), 'utf8')) as { scores: KindScore[]; commit: string }).scores;
  console.log(`\nEvaluation set: ${evalSet.length} queries from ${corpus} (seed 1); recall@10 and MRR@10, this index against Pagefind's (measured at 824462d):`);
  console.log('| kind | queries | recall@10 | Pagefind | MRR@10 | Pagefind | index bytes, median | max |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of ours) {
    const p = before.find((b) => b.kind === s.kind);
    const b = evalSet.filter((q) => s.kind === 'all' || q.kind === s.kind).map((q) => bytesOf.get(q)!).sort((x, y) => x - y);
    console.log(`| ${s.kind} | ${s.queries} | ${s.recallAt10.toFixed(2)} | ${p?.recallAt10.toFixed(2) ?? '—'} | ${s.mrr.toFixed(3)} | ${p?.mrr.toFixed(3) ?? '—'} | ${kib(b[b.length >> 1]!)} | ${kib(b[b.length - 1]!)} |`);
  }
}

const server = await serve({ dir: out, base, port: 0, quiet: true });
meter(server);
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  // One warm-up load, so the first measured query does not pay for Chromium's own start.
  await measureQuery(browser, origin, 'warm up', false);
  // The typical queries, then one sentence of each kind from the evaluation set.
  const sentences = ['symptoms', 'deep', 'error'].flatMap((kind) => evalSet.filter((q) => q.kind === kind).slice(0, 2).map((q) => q.query));
  console.log('\nIn Chromium, cold cache, no compression; bytes and requests of the search itself (the page, its stylesheet and script aside); time from navigation to settled results:');
  console.log('| query | bytes | requests | settled | phone: settled | first result |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const query of [...QUERIES, ...sentences]) {
    const fast = await measureQuery(browser, origin, query, false);
    const phone = await measureQuery(browser, origin, query, true);
    console.log(`| \`${query.length > 60 ? `${query.slice(0, 57)}…` : query}\` | ${kib(fast.bytes)} | ${fast.requests} | ${ms(fast.doneMs)} | ${ms(phone.doneMs)} | ${fast.first.replace(base, '/')} |`);
  }
} finally {
  await browser.close();
  server.close();
}

/** The index's figures as the build bundled them into the search page's script (`__INDEX_FIGURES__`, minified to an
 *  object literal). */
function readFigures(script: string): IndexFigures {
  const m = /\{articles:(\d+),commonTerms:(\[[^\]]*\])\}/.exec(script);
  if (!m) throw new Error('the search script holds no index figures: build the site with this version first');
  return { articles: Number(m[1]), commonTerms: JSON.parse(m[2]!) as string[] };
}
