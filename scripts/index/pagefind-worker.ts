/**
 * Piscina worker: indexes one part of the full text (pagefind.ts). Pagefind's Node API keeps one service per module
 * instance, and that service handles one request at a time on one core, so two indexes in the same thread take
 * as long as one after the other; a worker thread has its own module instance, so its own Rust child and core.
 * Writing the index takes the child ~4× the memory of adding the pages, so a part waits for its turn before writing
 * (`createWriteTurn`, shared by the worker threads: taking it needs no word from the main thread).
 */
import type { MessagePort } from 'node:worker_threads';

/** One page as Pagefind receives it (`searchHtml`). */
export interface SearchPage {
  url: string;
  content: string;
}

export interface PartFile {
  path: string;
  content: Uint8Array;
}

export interface PartTask {
  /** Site path of the part (`/search/pagefind/1/`), for the errors. */
  path: string;
  pages: SearchPage[];
  /** `addHTMLFile` calls in flight: the child parses while this thread sends the next. */
  concurrency: number;
  /** The turn to write the index, shared with the other parts' threads (`createWriteTurn`). */
  turn: Int32Array;
  /** Who this part is when it holds the turn: a number of at least 2, unique among the parts in flight. */
  holder: number;
  /** To the main thread: `PartMessage`s, so it can stop the part's clock while the part waits for its turn. */
  port: MessagePort;
  /** Set to 1 (`cancelPart`) when the part is no longer wanted (a part foreseen wrongly, pagefind.ts): it stops adding
   *  pages or waiting for its turn, closes its child and returns no files. Ending its thread instead would leave the
   *  child to find its pipe broken, and Pagefind to print so. */
  cancel?: Int32Array;
}

export type PartMessage =
  /** Pages added since the previous message. */
  | { type: 'added'; pages: number }
  /** All pages are added: the part waits for its turn to write. */
  | { type: 'ready' }
  /** The part has the turn, after waiting `waitedMs` for it (measured here: the main thread may read this late). */
  | { type: 'writing'; waitedMs: number };

const STOPPED = -1;
const CLOSED = 0;
const OPEN = 1;

/**
 * The turn to write, one Int32 in shared memory: closed until the build lets parts write, then open, or held by
 * one part (its `holder` number, 2 or more); stopped for good when the indexing fails. The threads take it among
 * themselves because the main thread can be busy for seconds at a time (scripts/index/README.md).
 */
export function createWriteTurn(open: boolean): Int32Array {
  const turn = new Int32Array(new SharedArrayBuffer(4));
  turn[0] = open ? OPEN : CLOSED;
  return turn;
}

/** Lets parts write: the build's gate (`mayWrite`) has opened. */
export function openWriteTurn(turn: Int32Array): void {
  if (Atomics.compareExchange(turn, 0, CLOSED, OPEN) === CLOSED) Atomics.notify(turn, 0);
}

/** Gives the turn back if `holder` has it (its part ended, in any way), waking the parts waiting for it. */
export function releaseWriteTurn(turn: Int32Array, holder: number): void {
  if (Atomics.compareExchange(turn, 0, holder, OPEN) === holder) Atomics.notify(turn, 0);
}

/** No part may start writing any more (the indexing failed or was stopped): those waiting give up. A child still
 *  writing when the indexer ends is ended with its thread. */
export function stopWriteTurn(turn: Int32Array): void {
  Atomics.store(turn, 0, STOPPED);
  Atomics.notify(turn, 0);
}

/** A part's cancel flag (`PartTask.cancel`). */
export const createCancelFlag = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));

/** Cancels the part with this flag, waking it if it waits for `turn`. */
export function cancelPart(cancel: Int32Array, turn: Int32Array): void {
  Atomics.store(cancel, 0, 1);
  Atomics.notify(turn, 0);
}

/**
 * Waits until the turn is open and takes it for `holder` (true); rejects once the turn is stopped. False, without
 * the turn, once `cancel` is set (`cancelPart`).
 */
export async function takeWriteTurn(turn: Int32Array, holder: number, cancel?: Int32Array): Promise<boolean> {
  for (;;) {
    const state = Atomics.load(turn, 0);
    if (state === STOPPED) throw new Error('Search indexing was stopped before this part could write its index');
    if (cancel && Atomics.load(cancel, 0) === 1) return false;
    if (state === OPEN && Atomics.compareExchange(turn, 0, OPEN, holder) === OPEN) return true;
    // A part that can be cancelled looks at its flag every 50 ms too: `cancelPart` sets it and wakes the waiters, but
    // it may do so between the look above and this wait, and that wake-up would be lost.
    const wait = Atomics.waitAsync(turn, 0, state, cancel ? 50 : Infinity);
    if (wait.async) await wait.value;
  }
}

/** Pagefind's own UIs and the language-less wasm: we ship our own UI and force English. */
const UNUSED = /^(?:pagefind-(?:component-|modular-)?ui\.(?:js|css)|pagefind-highlight\.js|wasm\.unknown\.pagefind)$/;

/** Progress is batched: one message per page would wake the main thread 2,000 times a second per part. */
const PROGRESS_EVERY = 100;

export default async function indexPart(task: PartTask): Promise<PartFile[]> {
  // Imported here rather than at the top: the package exports only an `import` condition, and on Node 20 tsx loads
  // this worker as CommonJS, where a static import would become a `require` that the package refuses.
  const pagefind = await import('pagefind');
  const { path, pages } = task;
  const report = (message: PartMessage) => task.port.postMessage(message);
  const cancelled = () => task.cancel !== undefined && Atomics.load(task.cancel, 0) === 1;
  try {
    const { index, errors } = await settle(pagefind.createIndex({ forceLanguage: 'en' }));
    if (!index) throw new Error(`Pagefind could not start for ${path}: ${errors.join('; ')}`);
    let next = 0;
    let unreported = 0;
    // After one failure the others stop too: a call after `close` would start a new child that nothing closes.
    let failed = false;
    const add = async () => {
      while (!failed && !cancelled() && next < pages.length) {
        const page = pages[next++]!;
        const added = await settle(index.addHTMLFile(page));
        if (added.errors.length > 0) {
          failed = true;
          if (processEnded(added.errors)) throw endedError(path, added.errors);
          throw new Error(`Pagefind rejected ${page.url} (in ${path}): ${added.errors.join('; ')}`);
        }
        if (++unreported === PROGRESS_EVERY) {
          report({ type: 'added', pages: unreported });
          unreported = 0;
        }
      }
    };
    await Promise.all(Array.from({ length: task.concurrency }, add));
    if (unreported > 0) report({ type: 'added', pages: unreported });
    report({ type: 'ready' });
    const waitStarted = performance.now();
    if (cancelled() || !(await takeWriteTurn(task.turn, task.holder, task.cancel))) return [];
    report({ type: 'writing', waitedMs: performance.now() - waitStarted });
    const { files = [], errors: fileErrors } = await settle(index.getFiles());
    if (fileErrors.length > 0) throw processEnded(fileErrors) ? endedError(path, fileErrors) : new Error(`Pagefind could not produce ${path}: ${fileErrors.join('; ')}`);
    return files.filter((file) => !UNUSED.test(file.path)).map((file) => ({ path: file.path, content: file.content }));
  } finally {
    // Ends the child process, returning its memory before this thread takes the next part — and before the next
    // part may write.
    try {
      await pagefind.close();
    } finally {
      releaseWriteTurn(task.turn, task.holder);
      task.port.close();
    }
  }
}

/** The service also throws (its child died, it could not read a message): such failures become errors like its own,
 *  so they too are reported with the page and the part. */
async function settle<T extends { errors: string[] }>(request: Promise<T>): Promise<Partial<T> & { errors: string[] }> {
  try {
    return await request;
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] } as Partial<T> & { errors: string[] };
  }
}

/** Pagefind's process ended under it (killed for memory, say): its API then answers every call with these. */
const processEnded = (errors: string[]) => errors.some((e) => /backend closed|EPIPE/i.test(e));

const endedError = (path: string, errors: string[]) =>
  new Error(`Pagefind's process ended while indexing ${path} (out of memory?): ${[...new Set(errors)].join('; ')}. Check the machine's free memory and build again.`);
