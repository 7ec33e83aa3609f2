/**
 * A rebuild keeps most of the last build's files, and must know which are still there: a worker thread checks
 * them all as the build starts (write/presence-worker.ts), so the main thread does not stat ~370k files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { contentFingerprint, OutputFolder } from '../../scripts/write/output.ts';
import { tempDir } from '../helpers/temp.ts';

test('which of the last build\'s files are gone is found on a worker thread as the build starts, and used from then on', async () => {
  const root = tempDir('kb-presence-');
  const out = join(root, 'site');
  const manifest = join(root, 'manifest.v8');
  const first = new OutputFolder(out, manifest);
  const pages = Array.from({ length: 200 }, (_, i) => `/kb/${100 + (i % 7)}/Q${1000 + i}/index.html`);
  for (const page of pages) await first.write(page, `<p>${page}</p>`);
  // Not written by the next build: stale then.
  await first.write('/old/stale.txt', 'stale\n');
  await first.finish(Date.now());

  const removedBefore = pages[3]!;
  rmSync(join(out, removedBefore));
  const second = new OutputFolder(out, manifest);
  for (let waited = 0; !second.checkedAtStart; waited += 10) {
    assert.ok(waited < 20_000, 'the worker thread answered');
    await sleep(10);
  }
  // Removed after the check: the build goes by what the folder held when it started, as it does for every input.
  const removedAfter = pages[5]!;
  rmSync(join(out, removedAfter));
  rmSync(join(out, 'old/stale.txt'));
  assert.equal(second.keep(removedBefore, contentFingerprint(`<p>${removedBefore}</p>`)), false, 'a file gone at the start is made again');
  assert.equal(second.keep(pages[4]!, contentFingerprint(`<p>${pages[4]}</p>`)), true, 'a file still there is kept');
  assert.equal(second.keep(removedAfter, contentFingerprint(`<p>${removedAfter}</p>`)), true, 'the answer from the start is used, not a stat now');

  // Written again through the folder: the one gone at the start is back; finish deletes nothing it keeps, and a
  // stale file already gone is no error.
  for (const page of pages.filter((p) => p !== pages[4] && p !== removedAfter)) await second.write(page, `<p>${page}</p>`);
  assert.equal(await second.finish(Date.now()), 0);
  assert.ok(!existsSync(join(out, 'old')), 'its emptied folder is gone too');
  assert.equal(readFileSync(join(out, removedBefore), 'utf8'), `<p>${removedBefore}</p>`);
  assert.ok(!existsSync(join(out, removedAfter)));
});
