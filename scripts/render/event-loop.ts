/**
 * Lets the main thread's event loop turn now and then during long stretches of work that only chain promises.
 * Eleventy renders tens of thousands of pages, and the output folder writes files, through promises that resolve at
 * once, so nothing else runs on the main thread until the last one: the search indexer's lane, whose next
 * part waits for a turn of the loop, then left the other core idle for the whole stretch (10 s and more).
 */

// Used by the output folder's writes and by the templates' renders (Eleventy's content step). Not in Eleventy's
// write step: there it starts each page's write before it awaits the next page's layout and transforms, and gathers
// the writes only at the end; a pause in between (tried, as a transform) let a failed write reject unhandled.

/** How long work may go on without a turn of the event loop. */
const TURN_EVERY_MS = 50;

let lastTurn = performance.now();
let pending: Promise<void> | null = null;

/**
 * A promise to await before the next piece of work when the loop has not turned for a while, else undefined (no
 * microtask spent). Every caller meanwhile gets the same promise, so all of them wait, the microtask queue empties
 * and the loop takes its messages and timers before they go on.
 */
export function letOthersRun(): Promise<void> | undefined {
  if (pending) return pending;
  if (performance.now() - lastTurn < TURN_EVERY_MS) return undefined;
  pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    pending = null;
    lastTurn = performance.now();
  });
  return pending;
}
