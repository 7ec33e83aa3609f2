/**
 * The full-text index in parts, indexed two at a time in worker threads: the bytes must not depend on how many
 * parts run at once, the files arrive in part order, the part cache and the progress counts still work, and a
 * failure names the page and the part and leaves no indexer running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { deferred, writePagefindIndexes, type PagefindOptions } from '../../scripts/index/pagefind.ts';
import type { SearchDocument } from '../../scripts/index/search-page.ts';
import indexPart, { createWriteTurn, openWriteTurn, releaseWriteTurn, stopWriteTurn, takeWriteTurn, type SearchPage } from '../../scripts/index/pagefind-worker.ts';
import type { LinkedArticle } from '../../scripts/types.ts';
import { tempDir } from '../helpers/temp.ts';
import { countIndexers, indexerPids, runningIndexers } from '../helpers/indexers.ts';

const WORDS = ['printer', 'spooler', 'dhcp', 'lease', 'exchange', 'mailbox', 'registry', 'driver', 'kernel', 'modem', 'dial-up', 'setup', 'cluster', 'excel', 'macro', 'access', 'query', 'jet', 'odbc', 'winsock'];

function article(n: number): LinkedArticle {
  const id = `Q${100000 + n}`;
  return {
    id, number: 100000 + n, title: `Article ${n} about the ${WORDS[n % WORDS.length]} and ${WORDS[(n * 7) % WORDS.length]}`,
    permalink: `/kb/${String(100 + (n % 900)).padStart(3, '0')}/${id}/`, lastModified: '1999-01-01', year: 1999 + (n % 3),
    product: 'Windows NT', productFamily: 'windows-nt', versions: [], platforms: [], os: [], keywords: ['kbnetwork'],
    issueType: null, solutionType: null, technology: [], articleType: n % 2 ? 'prb' : 'info', titleTags: [], dialect: 'kb',
    appliesTo: [], sections: ['SYMPTOMS', 'CAUSE'], events: n % 5 === 0 ? [{ source: 'MSExchangeIMC', id: 4000 + n }] : [],
    errorCodes: [], errorMessages: [], references: [], queryWords: [], sourcePath: `kb/x/${id}/README.md`,
    citedBy: [], referencesFound: [], referencesMissing: [], related: [],
  };
}

const docs: SearchDocument[] = Array.from({ length: 130 }, (_, n) => ({
  article: article(n),
  searchText: Array.from({ length: 60 }, (_, i) => WORDS[(n * 31 + i * i) % WORDS.length]).join(' '),
}));

interface Run {
  files: Map<string, Buffer>;
  order: string[];
  progress: [number, number][];
  parts: string[];
  reused: number;
}

async function run(options: PagefindOptions, input: SearchDocument[] = docs): Promise<Run> {
  const files = new Map<string, Buffer>();
  const order: string[] = [];
  const progress: [number, number][] = [];
  const write = async (path: string, content: string | Uint8Array) => {
    assert.ok(!files.has(path), `${path} written twice`);
    files.set(path, Buffer.from(content));
    order.push(path);
  };
  const result = await writePagefindIndexes({ write, keepGroup: () => false }, input, { partSize: 30, ...options, onProgress: (done, total) => progress.push([done, total]) });
  return { files, order, progress, parts: result.parts, reused: result.reused };
}

const partOf = (path: string) => Number(/^\/search\/pagefind\/(\d+)\//.exec(path)?.[1]);

test('parts indexed two at a time give the same bytes as one after the other, written in part order', async () => {
  const one = await run({ parallel: 1 });
  const two = await run({ parallel: 2 });
  assert.deepEqual(one.parts, ['/search/pagefind/1/', '/search/pagefind/2/', '/search/pagefind/3/', '/search/pagefind/4/', '/search/pagefind/5/']);
  assert.deepEqual(two.parts, one.parts);
  assert.deepEqual([...two.files.keys()].sort(), [...one.files.keys()].sort());
  for (const [path, bytes] of one.files) assert.ok(bytes.equals(two.files.get(path)!), `${path} differs`);
  for (const r of [one, two]) {
    const parts = r.order.map(partOf);
    assert.deepEqual(parts, [...parts].sort((a, b) => a - b), 'files are written part by part');
    assert.ok(r.files.has('/search/pagefind/5/pagefind-entry.json'));
    assert.ok(![...r.files.keys()].some((p) => p.endsWith('pagefind-ui.js')), 'Pagefind\'s own UI is left out');
    assert.deepEqual(r.progress.at(-1), [docs.length, docs.length]);
    const counts = r.progress.map(([done]) => done);
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b), 'progress only grows');
  }
  assert.equal(await runningIndexers(), 0);
});

test('the part cache: a rebuild takes unchanged parts from it, byte for byte, and indexes only the changed one', async () => {
  const cacheDir = tempDir('kb-pagefind-cache-');
  const cold = await run({ cacheDir });
  assert.equal(cold.reused, 0);
  assert.equal(readdirSync(cacheDir).length, 5);
  const warm = await run({ cacheDir });
  assert.equal(warm.reused, 5);
  assert.deepEqual([...warm.files.keys()].sort(), [...cold.files.keys()].sort());
  const parts = warm.order.map(partOf);
  assert.deepEqual(parts, [...parts].sort((a, b) => a - b), 'cached parts too are written part by part');
  for (const [path, bytes] of cold.files) assert.ok(bytes.equals(warm.files.get(path)!), `${path} differs`);
  assert.deepEqual(warm.progress.at(-1), [docs.length, docs.length]);

  const edited = docs.map((d, i) => (i === 70 ? { ...d, searchText: `${d.searchText} modem` } : d));
  const after = await run({ cacheDir }, edited);
  assert.equal(after.reused, 4, 'only part 3 (articles 60–89) is indexed again');
  const fresh = await run({}, edited);
  assert.deepEqual([...after.files.keys()].sort(), [...fresh.files.keys()].sort());
  for (const [path, bytes] of fresh.files) assert.ok(bytes.equals(after.files.get(path)!), `${path} differs`);
  assert.equal(readdirSync(cacheDir).length, 5, 'the replaced part is pruned');
});

test('a rebuild indexes the changed part before it takes the unchanged ones, and still writes in part order', async () => {
  const cacheDir = tempDir('kb-pagefind-first-');
  await run({ cacheDir });
  const edited = docs.map((d, i) => (i === 120 ? { ...d, searchText: `${d.searchText} modem` } : d));
  // One lane, as in a build before its search stage: the changed last part must not wait behind the four others
  // (their turns come when the build's main thread is free, seconds later in a full rebuild).
  const childAtProgress: number[] = [];
  const order: number[] = [];
  const result = await writePagefindIndexes({ write: async (path) => void order.push(partOf(path)), keepGroup: () => false }, edited, {
    partSize: 30,
    parallel: 1,
    cacheDir,
    onProgress: () => childAtProgress.push(countIndexers()),
  });
  assert.equal(result.reused, 4);
  assert.equal(childAtProgress[0], 1, 'the first progress is the changed part being added by its child, not a cached part');
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'files are written part by part');
  assert.equal(order.at(-1), 5);
  assert.equal(await runningIndexers(), 0);
});

test('a part foreseen to change is indexed before the documents arrive: used when it is that part, else stopped', async () => {
  const cacheDir = tempDir('kb-pagefind-early-');
  await run({ cacheDir });
  const edited = docs.map((d, i) => (i === 70 ? { ...d, searchText: `${d.searchText} modem` } : d));
  const fresh = await run({}, edited);
  const sameAsFresh = (files: Map<string, Buffer>) => {
    assert.deepEqual([...files.keys()].sort(), [...fresh.files.keys()].sort());
    for (const [path, bytes] of fresh.files) assert.ok(bytes.equals(files.get(path)!), `${path} differs`);
  };
  // The documents arrive only once the foreseen part's child is adding its pages, as in a rebuild reading 59k articles.
  const arriving = (input: SearchDocument[]) => until(() => countIndexers() === 1, 'the foreseen part to start').then(() => input);
  const indexAhead = async (part: number, foreseen: SearchDocument[], input: SearchDocument[]) => {
    const files = new Map<string, Buffer>();
    const progress: number[] = [];
    const result = await writePagefindIndexes({ write: async (path, content) => void files.set(path, Buffer.from(content)), keepGroup: () => false }, arriving(input), {
      partSize: 30,
      cacheDir,
      early: { part, docs: foreseen },
      onProgress: (done) => progress.push(done),
    });
    return { result, files, progress };
  };

  // Part 3 holds articles 52-77 of 130 in 5 even parts of 26.
  const used = await indexAhead(2, edited.slice(52, 78), edited);
  assert.equal(used.result.early, 'used');
  assert.equal(used.result.reused, 4, 'the foreseen part is the one indexed again');
  sameAsFresh(used.files);
  assert.deepEqual(used.progress.at(-1), docs.length, 'its pages counted once');
  assert.equal(await runningIndexers(), 0);

  // Foreseen wrongly (the edit was undone meanwhile): the part is the cached one, and the early child is stopped.
  const undone = await indexAhead(2, edited.slice(52, 78), docs);
  assert.equal(undone.result.early, 'stopped');
  assert.equal(undone.result.reused, 4, 'only the part changed since the last run is indexed again');
  assert.deepEqual(undone.progress.at(-1), docs.length);
  assert.equal(await runningIndexers(), 0);
  const again = await run({}, docs);
  for (const [path, bytes] of again.files) assert.ok(bytes.equals(undone.files.get(path)!), `${path} differs`);
});

test('a foreseen part waiting for its turn to write is cancelled when it is not the part, and the others go on', async () => {
  const cacheDir = tempDir('kb-pagefind-cancel-');
  await run({ cacheDir });
  const edited = docs.map((d, i) => (i === 100 ? { ...d, searchText: `${d.searchText} modem` } : d));
  const mayWrite = deferred<void>();
  const files = new Map<string, Buffer>();
  // Foreseen in part 3, but the edit is in part 4; the documents arrive once part 3 has had time to add its 26 pages
  // and wait for the turn, which the build has not opened yet.
  const arriving = until(() => countIndexers() === 1, 'the foreseen part to start')
    .then(() => new Promise((resolve) => setTimeout(resolve, 1500)))
    .then(() => {
      setTimeout(() => mayWrite.resolve(), 200);
      return edited;
    });
  const result = await writePagefindIndexes({ write: async (path, content) => void files.set(path, Buffer.from(content)), keepGroup: () => false }, arriving, {
    partSize: 30,
    cacheDir,
    early: { part: 2, docs: docs.slice(52, 78).map((d) => ({ ...d, searchText: `${d.searchText} dhcp` })) },
    schedule: { mayWrite: mayWrite.promise, allLanes: Promise.resolve() },
  });
  assert.equal(result.early, 'stopped');
  assert.equal(result.reused, 4);
  assert.equal(await runningIndexers(), 0);
  const fresh = await run({}, edited);
  for (const [path, bytes] of fresh.files) assert.ok(bytes.equals(files.get(path)!), `${path} differs`);
});

test('stopped while a foreseen part is indexed and its documents never come (the parse failed), it rejects and ends its indexers', async () => {
  const stop = new AbortController();
  const result = writePagefindIndexes({ write: async () => {}, keepGroup: () => false }, new Promise<SearchDocument[]>(() => {}), {
    partSize: 30,
    early: { part: 0, docs: docs.slice(0, 26) },
    signal: stop.signal,
    schedule: { mayWrite: new Promise(() => {}), allLanes: new Promise(() => {}) },
  });
  await until(() => countIndexers() === 1, 'the foreseen part to start');
  stop.abort();
  await assert.rejects(result, /^Error: Search indexing was stopped: the build failed before it finished$/);
  assert.equal(await runningIndexers(), 0);
});

/** Resolves when `check` holds, polled every 20 ms (fails the test after 20 s). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 20_000) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A scheduled indexing (as the build starts it beside its other stages), watched from outside. */
function scheduled(signal?: AbortSignal) {
  const mayWrite = deferred<void>();
  const allLanes = deferred<void>();
  const files = new Map<string, Buffer>();
  let added = 0;
  const result = writePagefindIndexes({ write: async (path, content) => void files.set(path, Buffer.from(content)), keepGroup: () => false }, docs, {
    partSize: 30,
    schedule: { mayWrite: mayWrite.promise, allLanes: allLanes.promise },
    signal,
    onProgress: (done) => (added = done),
  });
  result.catch(() => {});
  return { mayWrite, allLanes, files, added: () => added, result };
}

test('scheduled beside the build: one part at a time and no index written until allowed, then the same bytes', async () => {
  const s = scheduled();
  // Part 1 (26 articles) is added by the one lane, then waits for its turn to write: nothing more happens.
  await until(() => s.added() === 26, 'part 1 to be added');
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  assert.equal(s.added(), 26, 'the second lane waits for allLanes');
  assert.equal(s.files.size, 0, 'no part writes before mayWrite');
  assert.equal(countIndexers(), 1, 'one Pagefind child while the build has the other core');

  s.mayWrite.resolve();
  await until(() => s.files.has('/search/pagefind/1/pagefind-entry.json'), 'part 1 to be written');
  assert.ok(![...s.files.keys()].some((path) => partOf(path) > 1), 'only part 1 is written yet');
  s.allLanes.resolve();
  const result = await s.result;
  assert.equal(result.parts.length, 5);

  const unscheduled = await run({});
  assert.deepEqual([...s.files.keys()].sort(), [...unscheduled.files.keys()].sort());
  for (const [path, bytes] of unscheduled.files) assert.ok(bytes.equals(s.files.get(path)!), `${path} differs`);
  assert.equal(await runningIndexers(), 0);
});

test('the write turn: closed until opened, one holder at a time, released only by its holder, given up once stopped', async () => {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  // A broken turn would leave its waiters waiting for ever: each wait fails the test after 5 s instead.
  const within = <T>(promise: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('still waiting after 5 s')), 5_000)));
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  };
  const turn = createWriteTurn(false);
  const taken: number[] = [];
  const first = takeWriteTurn(turn, 2).then(() => taken.push(2));
  await pause();
  assert.equal(taken.length, 0, 'no part writes before the build lets it');
  openWriteTurn(turn);
  await within(first);
  const second = takeWriteTurn(turn, 3).then(() => taken.push(3));
  releaseWriteTurn(turn, 3);
  await pause();
  assert.deepEqual(taken, [2], 'part 3 waits while part 2 writes, and cannot give back a turn it does not hold');
  releaseWriteTurn(turn, 2);
  await within(second);
  assert.deepEqual(taken, [2, 3]);
  const third = takeWriteTurn(turn, 4);
  stopWriteTurn(turn);
  await assert.rejects(within(third), /stopped before this part could write/);
  releaseWriteTurn(turn, 3);
  await assert.rejects(within(takeWriteTurn(turn, 5)), /stopped/, 'a holder ending after the stop does not open it again');
});

test('a part takes its turn to write without the main thread, which may be busy for seconds (linking, choosing pages)', async () => {
  const mayWrite = deferred<void>();
  mayWrite.resolve();
  let blocked = null as { ended: boolean; seconds: number } | null;
  const result = await writePagefindIndexes({ write: async () => {}, keepGroup: () => false }, docs.slice(0, 26), {
    partSize: 30,
    parallel: 1,
    schedule: { mayWrite: mayWrite.promise, allLanes: new Promise(() => {}) },
    onProgress: () => {
      if (blocked) return;
      // The part's pages are added and it is allowed to write: it must write and end its child while this thread
      // never returns to its event loop (a turn handed out by this thread would wait for it).
      const started = performance.now();
      while (countIndexers() > 0 && performance.now() - started < 20_000) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      blocked = { ended: countIndexers() === 0, seconds: (performance.now() - started) / 1000 };
    },
  });
  assert.ok(blocked, 'progress was reported');
  assert.ok(blocked!.ended, `the part's child still ran after ${blocked!.seconds.toFixed(1)} s of a busy main thread`);
  assert.deepEqual(result.parts, ['/search/pagefind/1/']);
  assert.equal(await runningIndexers(), 0);
});

test('stopped while it waits for the build (the build failed elsewhere), it rejects and ends its indexers', async () => {
  const stop = new AbortController();
  const s = scheduled(stop.signal);
  await until(() => s.added() === 26, 'part 1 to be added');
  stop.abort();
  await assert.rejects(s.result, /^Error: Search indexing was stopped: the build failed before it finished$/);
  assert.equal(s.files.size, 0);
  assert.equal(await runningIndexers(), 0);
});

test('a failure while the parts are written ends the indexers and reaches the caller', async () => {
  let writes = 0;
  await assert.rejects(
    writePagefindIndexes({
      write: async (path) => {
        if (partOf(path) === 2 && ++writes === 1) throw new Error(`disk full at ${path}`);
      },
      keepGroup: () => false,
    }, docs, { partSize: 30 }),
    /disk full at \/search\/pagefind\/2\//,
  );
  assert.equal(await runningIndexers(), 0);
});

/** Indexes `docs` with a short time limit, sending `signal` to every indexer process once pages start arriving. */
async function indexWhileSignalling(signal: NodeJS.Signals): Promise<{ error: unknown; signalled: number[]; seconds: number }> {
  const signalled: number[] = [];
  const started = performance.now();
  const error = await writePagefindIndexes({ write: async () => {}, keepGroup: () => false }, docs, {
    partSize: 30,
    partTimeout: () => 3_000,
    onProgress: () => {
      for (const pid of indexerPids()) {
        if (signalled.includes(pid)) continue;
        process.kill(pid, signal);
        signalled.push(pid);
      }
    },
  }).then(() => null, (e: unknown) => e);
  return { error, signalled, seconds: (performance.now() - started) / 1000 };
}

test('an indexer whose process dies fails the build with an error naming its part', async () => {
  // As the kernel's out-of-memory killer would.
  const { error, signalled } = await indexWhileSignalling('SIGKILL');
  assert.ok(signalled.length > 0, 'an indexer was killed');
  // Pagefind's API answers the calls in flight with "backend closed", or (seen about half the time) never answers
  // them: either way the build ends with an error that names the part and the likely cause.
  assert.match(String(error), /^Error: Pagefind(?:'s process ended while indexing| did not finish) \/search\/pagefind\/\d\/ .*out of memory\?/);
  assert.equal(await runningIndexers(), 0);
});

test('an indexer that stops answering fails the build at its time limit instead of leaving it waiting', async () => {
  const { error, signalled, seconds } = await indexWhileSignalling('SIGSTOP');
  for (const pid of signalled) process.kill(pid, 'SIGKILL'); // stopped processes ignore everything else
  assert.ok(signalled.length > 0, 'an indexer was stopped');
  assert.match(String(error), /^Error: Pagefind did not finish \/search\/pagefind\/\d\/ \(26 articles\) within 3 s; its process may have ended/);
  assert.ok(seconds < 30, `failed after ${seconds.toFixed(1)} s`);
  assert.equal(await runningIndexers(), 0);
});

test('a page Pagefind refuses is named with its part', async () => {
  const { port1, port2 } = new MessageChannel();
  await assert.rejects(
    indexPart({ path: '/search/pagefind/2/', pages: [{ url: '/kb/100/Q100000/', content: '<p>x</p>' }, { content: '<p>no address</p>' } as unknown as SearchPage], concurrency: 1, turn: createWriteTurn(true), holder: 2, port: port2 }),
    /^Error: Pagefind rejected undefined \(in \/search\/pagefind\/2\/\): Either source_path or url must be provided$/,
  );
  port1.close();
  assert.equal(await runningIndexers(), 0);
});
