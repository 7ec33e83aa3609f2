/**
 * The output folder's writes are synchronous (scripts/write/output.ts), so a stage's writes would chain as
 * microtasks and starve the main thread's messages; they pause now and then.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OutputFolder } from '../../scripts/write/output.ts';
import { tempDir } from '../helpers/temp.ts';

test('a long run of writes lets the main thread take its messages (a search part finished meanwhile)', async () => {
  const out = join(tempDir('kb-writes-turn-'), 'site');
  const folder = new OutputFolder(out, null);
  // A macrotask queued before the writes, as a worker thread's message would be: it must run while they go on.
  let ranAfter: number | null = null;
  let written = 0;
  setImmediate(() => (ranAfter = written));
  const started = performance.now();
  // Writes as the records stage does (many in flight, each resolving at once), for well past the 50 ms between pauses.
  await Promise.all(Array.from({ length: 64 }, async (_, lane) => {
    for (let i = 0; performance.now() - started < 300; i++) {
      await folder.write(`/kb/${lane}/Q${i}/index.json`, `{"n":${i}}\n`);
      written++;
    }
  }));
  assert.ok(written > 0);
  assert.notEqual(ranAfter, null, 'the queued task ran before the writes ended');
  assert.ok(ranAfter! < written, `the queued task ran after ${ranAfter} of ${written} writes, not at the end`);
});
