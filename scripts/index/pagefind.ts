/**
 * The full-text index: Pagefind 1.6 through its Node API, built in parts that the browser merges (`mergeIndex`).
 *
 * Why parts, and why not the whole text (shared/bench/README.md): one index over all 60k full texts took 207 s
 * and 8.5 GiB in Pagefind's Rust child, ~47 bytes of RSS per byte of text, all of it held until `writeFiles`.
 * So each part holds at most `partSize` articles and is closed when done (its child process ends, its memory is
 * returned). A child works on one core whatever it is given, so two parts are in flight at once, each in a worker
 * thread with its own child (pagefind-worker.ts): one adds its pages while the other writes its index. And each
 * article contributes what people search by — title, symptoms, error messages, applies-to, query words, keywords,
 * headings — plus the start of its body (lead-text.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { loadValue, storeValue } from '../pipeline/stored.ts';
import { searchPartPath } from './query.ts';
import { searchDigest, searchHtml, type SearchDocument } from './search-page.ts';
import { cancelPart, createCancelFlag, createWriteTurn, openWriteTurn, stopWriteTurn, type PartFile, type PartMessage, type PartTask, type SearchPage } from './pagefind-worker.ts';

export interface PagefindOptions {
  /** Folder where each part's index files are kept by the hash of its input, so a rebuild re-indexes only the
   *  parts whose articles changed (Pagefind cannot update an index). None: every part is indexed. */
  cacheDir?: string | null;
  /** Articles per index part; each part's Rust child is closed when the part is done. Default: `defaultPartSize`,
   *  10,000 (~1.2 GiB at its peak, while it writes the index; 15,000 measured 1.1 GiB more, past the 4 GiB budget
   *  beside the build). */
  partSize?: number;
  /** `addHTMLFile` calls in flight per part: the child parses while its thread sends the next. Default: 16. */
  concurrency?: number;
  /** Parts in flight, each in a worker thread with its own Rust child; only one of them writes its index at a
   *  time (the memory peak). Default: 2, or 1 on a one-core machine. */
  parallel?: number;
  /** How long one part may take, in milliseconds, before the build gives up on it. Pagefind's Node API never
   *  answers if its child process dies (killed for memory, say), which would leave the build waiting for ever.
   *  Default: 5 minutes plus 20 ms per article (a 10k part takes ~20 s). */
  partTimeout?: (articles: number) => number;
  /** Lets the indexer start beside the build's earlier stages (build.ts): until `allLanes` settles, one part is
   *  indexed at a time (the build's own stage has the other core), and no part writes its index — the child's
   *  memory peak — before `mayWrite`. Default: all lanes, writing at once. */
  schedule?: { mayWrite: Promise<void>; allLanes: Promise<void> };
  /** Stops the indexing (the build failed elsewhere): parts in flight end with their children, the call rejects. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /**
   * A part to start indexing before the documents are known — a rebuild's changed part, foreseen from the last
   * build's layout (foresee.ts) — so that its child starts at once instead of after every article is read: its
   * index (`partSlices`) and its documents as foreseen. It is used if that part turns out to have the same key (the
   * same pages), else stopped, and the part indexed as usual.
   */
  early?: { part: number; docs: SearchDocument[] };
}

const defaultPartTimeout = (articles: number) => 300_000 + 20 * articles;

/** Writes one file of the site (`/search/pagefind/1/pagefind.js`); the build's OutputFolder, which claims it.
 *  `group`: the files made in one go it belongs to (an index part), which `SiteWriter.keepGroup` keeps together. */
export type WriteSiteFile = (sitePath: string, content: string | Uint8Array, options?: { group?: string }) => Promise<void>;

/** The build's output folder as the indexer uses it (scripts/write/output.ts). */
export interface SiteWriter {
  write: WriteSiteFile;
  /** Keeps a folder's files as the last build wrote them, if they were all written in `group`. */
  keepGroup(prefix: string, group: string): boolean;
}

export interface PagefindResult {
  /** Site paths of the parts' bundles (`/search/pagefind/1/`), the first one primary. */
  parts: string[];
  /** Parts taken unchanged from the output folder or the cache. */
  reused: number;
  pages: number;
  /** What became of the part indexed early (`PagefindOptions.early`): used, or stopped as not the part foreseen. */
  early: 'used' | 'stopped' | null;
}

/** What one part comes to: its files, or nothing to write (kept as the output folder has them). */
interface PartOutcome {
  key: string;
  files: PartFile[];
  source: 'indexed' | 'cache' | 'output';
}

/** Default articles per part (`PagefindOptions.partSize`). */
export const defaultPartSize = 10_000;

/**
 * The parts `items` (in id order) are cut into: as many as `partSize` allows, of even sizes — 59,132 articles make 6
 * parts of ~9,900, not 5 full ones and a stub. The build keeps this layout of its articles' files for the next build,
 * which foresees from it the part an edit falls in (foresee.ts).
 */
export function partSlices<T>(items: readonly T[], partSize = defaultPartSize): T[][] {
  const partCount = Math.max(1, Math.ceil(items.length / partSize));
  const perPart = Math.ceil(items.length / partCount);
  return Array.from({ length: partCount }, (_, p) => items.slice(p * perPart, (p + 1) * perPart));
}

/** A part being indexed before the build knew its documents (`PagefindOptions.early`). */
interface EarlyPart {
  part: number;
  key: string;
  files: Promise<PartFile[]>;
  /** Whether its pages count as progress yet: not until the part is known to be the one foreseen. */
  adopted: boolean;
  /** Pages it added before that, counted when it is adopted. */
  added: number;
  /** Its `PartTask.cancel` flag. */
  cancel: Int32Array;
}

export async function writePagefindIndexes(output: SiteWriter, input: SearchDocument[] | Promise<SearchDocument[]>, options: PagefindOptions = {}): Promise<PagefindResult> {
  const partSize = options.partSize ?? defaultPartSize;
  const concurrency = options.concurrency ?? 16;
  const maxLanes = Math.max(1, options.parallel ?? Math.min(2, availableParallelism()));
  const pathOf = (p: number) => searchPartPath(p + 1);
  const usedKeys = new Set<string>();
  let done = 0;
  let total = 0;
  const progress = (pages: number) => {
    done += pages;
    options.onProgress?.(done, total);
  };

  // Started on the first part that must be indexed, so a rebuild that changed nothing starts no thread.
  let pool: Piscina<PartTask, PartFile[]> | null = null;
  const threads = () => (pool ??= new Piscina<PartTask, PartFile[]>({ filename: new URL('./pagefind-worker.ts', import.meta.url).href, minThreads: 1, maxThreads: maxLanes }));

  // A child grows to ~0.3 GiB while its pages are added, then to ~1.2 GiB as it writes the index (measured at 10k
  // articles). Two writing at once beside the build would pass the 4 GiB budget, so the parts take turns to write
  // (`turn`, which the worker threads take among themselves), while the other lane adds the next part's pages on
  // the other core. None writes before the build lets it (`schedule.mayWrite`).
  if (options.signal?.aborted) throw stoppedError();
  let onAbort = () => {};
  const aborted = new Promise<void>((resolve) => (onAbort = resolve));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let stopped = false;
  // Opening a stopped turn does nothing, so a build that fails before `mayWrite` lets no part write.
  const turn = createWriteTurn(!options.schedule);
  void options.schedule?.mayWrite.then(() => openWriteTurn(turn));
  // The build's gate for the second lane gives way when it stops the indexer, so no lane waits on it for ever.
  const allLanes = options.schedule ? Promise.race([options.schedule.allLanes, aborted]) : Promise.resolve();

  /** Indexes one part's pages in a lane's thread, with its own Rust child; `cancel` can end it early (with no files). */
  const indexPages = async (p: number, pages: SearchPage[], onAdded: (pages: number) => void, cancel?: Int32Array): Promise<PartFile[]> => {
    const channel = new MessageChannel();
    const count = pages.length;
    const limit = (options.partTimeout ?? defaultPartTimeout)(count);
    const timeout = new AbortController();
    // The time limit is for Pagefind's work: the clock stops while the part waits for its turn to write, which may
    // be as long as the build's rendering. The wait is the worker's own measure of it: the main thread may read the
    // messages seconds late (busy linking or choosing pages), which must not count as Pagefind's time.
    const startedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => timeout.abort(), Math.max(0, ms));
    };
    channel.port1.on('message', (message: PartMessage) => {
      if (message.type === 'added') onAdded(message.pages);
      else if (message.type === 'ready') clearTimeout(timer);
      else arm(limit - (performance.now() - startedAt - message.waitedMs));
    });
    try {
      arm(limit);
      // Holder numbers start at 2: 0 and 1 are the closed and open turn.
      return await threads().run({ path: pathOf(p), pages, concurrency, turn, holder: p + 2, port: channel.port2, cancel }, { transferList: [channel.port2], signal: timeout.signal });
    } catch (error) {
      if (!timeout.signal.aborted) throw error;
      throw new Error(`Pagefind did not finish ${pathOf(p)} (${count} articles) within ${Math.round(limit / 1000)} s; its process may have ended (out of memory?): check the machine's free memory and build again.`);
    } finally {
      clearTimeout(timer);
      channel.port1.close();
    }
  };
  // A part's pages are made when a lane takes it, not all up front (60k pages of HTML held at once).
  const pagesOf = (slice: SearchDocument[]): SearchPage[] => slice.map((doc) => ({ url: doc.article.permalink, content: searchHtml(doc) }));

  // The part foreseen to have changed starts now, in the first lane, while the build still reads its articles.
  let early: EarlyPart | null = null;
  if (options.early) {
    const { part, docs } = options.early;
    const cancel = createCancelFlag();
    const started: EarlyPart = { part, key: partKey(docs), files: Promise.resolve([]), adopted: false, added: 0, cancel };
    started.files = indexPages(part, pagesOf(docs), (pages) => (started.adopted ? progress(pages) : (started.added += pages)), cancel);
    started.files.catch(() => {});
    early = started;
    // Its documents are not needed any more (10k records and texts): not kept through the options to the end.
    options = { ...options, early: undefined };
  }

  const parts: string[] = [];
  let reused = 0;
  let running: Promise<unknown> = Promise.resolve();
  try {
    const docs = await Promise.race([input, aborted.then((): never => { throw stoppedError(); })]);
    total = docs.length;
    const slices = partSlices(docs, partSize);
    const partCount = slices.length;
    const lanes = Math.min(maxLanes, partCount);

    // Each part's key, and whether it must be indexed: the parts to index go to the lanes first, so in a rebuild the
    // changed part's child starts now, beside linking and rendering. Taken in part order, it started only once a lane
    // had gone through the unchanged parts before it, one main-thread turn each: 9 s into a one-article rebuild
    // instead of at once (measured on the full corpus).
    const plans = slices.map((slice, p) => {
      const key = partKey(slice);
      usedKeys.add(key);
      // The part's files already in the output, from the same input: nothing to index, read or write.
      const kept = output.keepGroup(pathOf(p), `part:${key}`);
      // Else the part's files in the cache, read when a lane takes the part.
      const file = !kept && options.cacheDir ? partFile(options.cacheDir, key) : null;
      return { slice, key, kept, cached: file !== null && existsSync(file) ? file : null };
    });
    const mustIndex = (p: number) => !plans[p]!.kept && plans[p]!.cached === null;
    // The part indexed early is used if it is the part it was foreseen to be, page for page (the same key); else it is
    // cancelled: it stops adding pages or waiting, and closes its child, while the lanes start (not waiting for it
    // here, which would hold them until the main thread's next turn of the event loop, after linking).
    const adopted = early !== null && early.part < partCount && plans[early.part]!.key === early.key && mustIndex(early.part) ? early : null;
    if (early && !adopted) cancelPart(early.cancel, turn);
    const order = [...plans.keys()].filter((p) => mustIndex(p) && p !== adopted?.part).concat([...plans.keys()].filter((p) => !mustIndex(p)));

    const produce = async (p: number): Promise<PartOutcome> => {
      const { slice, key, kept, cached } = plans[p]!;
      if (kept) {
        progress(slice.length);
        return { key, files: [], source: 'output' };
      }
      const files = cached ? readPart(cached) : null;
      if (files) {
        progress(slice.length);
        return { key, files, source: 'cache' };
      }
      return { key, files: await indexPages(p, pagesOf(slice), progress), source: 'indexed' };
    };

    // Each lane takes the next part; a part's outcome is dropped once written, so its files are not held to the end.
    const outcomes: (Deferred<PartOutcome> | null)[] = Array.from({ length: partCount }, () => deferred<PartOutcome>());
    // The first failure (a part's, or the build stopping the indexer) fails every part still awaited, so it is
    // reported now, not after the other lane ends; those after it change nothing.
    const failAll = (error: unknown) => {
      if (stopped) return;
      stopped = true;
      // The threads are ended next; meanwhile no part starts its memory-heavy write (a part past its time limit may
      // still hold its child, and the turn with it).
      stopWriteTurn(turn);
      for (const outcome of outcomes) outcome?.reject(error);
    };
    let next = 0;
    const lane = async (n: number) => {
      if (n === 0 && adopted) {
        adopted.adopted = true;
        progress(adopted.added);
        try {
          outcomes[adopted.part]?.resolve({ key: adopted.key, files: await adopted.files, source: 'indexed' });
        } catch (error) {
          failAll(error);
        }
      }
      if (n > 0) await allLanes;
      while (!stopped && next < order.length) {
        const p = order[next++]!;
        try {
          outcomes[p]?.resolve(await produce(p));
        } catch (error) {
          failAll(error);
        }
      }
    };
    running = Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)));
    void aborted.then(() => failAll(stoppedError()));

    // Written in part order whatever order the lanes finish in, so every build writes the same sequence.
    for (let p = 0; p < partCount; p++) {
      const path = pathOf(p);
      const { key, files, source } = await outcomes[p]!.promise;
      outcomes[p] = null;
      // Through the build's writer rather than `writeFiles`, so the output folder knows these files are this
      // build's and removes the previous build's (content-hashed names change with the content).
      for (const file of files) {
        // Stopped while a finished part is written (during a turn of the event loop that `write` lets happen): the
        // build has failed, nothing more goes into its output.
        if (options.signal?.aborted) throw stoppedError();
        await output.write(`${path}${file.path}`, file.content, { group: `part:${key}` });
      }
      if (source !== 'indexed') reused++;
      else if (options.cacheDir) storeValue(partFile(options.cacheDir, key), files);
      parts.push(path);
    }
  } finally {
    stopped = true;
    stopWriteTurn(turn);
    options.signal?.removeEventListener('abort', onAbort);
    // After a failure this ends the part still being indexed (its thread, and with it its child).
    await (pool as Piscina<PartTask, PartFile[]> | null)?.destroy();
    await running;
    await early?.files.catch(() => {});
  }
  if (options.cacheDir) pruneParts(options.cacheDir, usedKeys);
  return { parts, reused, pages: total, early: early === null ? null : early.adopted ? 'used' : 'stopped' };
}

const stoppedError = () => new Error('Search indexing was stopped: the build failed before it finished');

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited in part order: a later part failing first must not count as an unhandled rejection meanwhile.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * The cache key of a part: every page Pagefind is given for it (by its digest, computed on the parse workers and
 * cached with the article when the build gives one), Pagefind's version and the worker that calls it.
 */
function partKey(docs: SearchDocument[]): string {
  const hash = createHash('sha256').update(indexerVersion);
  for (const doc of docs) hash.update(doc.digest || searchDigest(doc)).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** Pagefind's version and how we call it (the worker's options): what turns a part's pages into its files. */
const indexerVersion: string = (() => {
  let version = 'unknown';
  try {
    version = JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/pagefind/package.json', import.meta.url)), 'utf8')).version;
  } catch {
    // Not installed where expected: the worker's own import will say so.
  }
  return `${version}\0${readFileSync(fileURLToPath(new URL('./pagefind-worker.ts', import.meta.url)), 'utf8')}`;
})();

/**
 * A part is cached as one file (v8-serialised list of its files): a part of 10k articles has ~10k files, and
 * storing, reading and pruning them one by one cost seconds on every rebuild that changed the part.
 */
const partFile = (cacheDir: string, key: string) => join(cacheDir, `${key}.part`);

/** The part's files, or null when missing or cut short: index the part again. */
function readPart(file: string): PartFile[] | null {
  const files = loadValue(file);
  return Array.isArray(files) ? (files as PartFile[]) : null;
}

/** Parts no longer produced by this build are removed, so the cache holds one index's worth of parts. */
function pruneParts(cacheDir: string, used: Set<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) if (!used.has(name.replace(/\.part$/, ''))) rmSync(join(cacheDir, name), { recursive: true, force: true });
}
