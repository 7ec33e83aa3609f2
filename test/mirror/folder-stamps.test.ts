/**
 * A rebuild checks that the files it keeps are still there by their folder's stamp (write/output.ts): one `stat`
 * per folder, trusted only while the folder is as the last build left it. A file removed by hand from a stamped
 * folder must still be noticed and written again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, defaultSource, manifestFileOf, type BuildOptions } from '../../scripts/build.ts';
import { loadValue } from '../../scripts/pipeline/stored.ts';
import { tempDir } from '../helpers/temp.ts';

const root = tempDir('kb-stamps-');
const out = join(root, 'site');
const cacheDir = join(root, 'cache');
const options: BuildOptions = { source: defaultSource, out, cacheDir, workers: 0, quiet: true, report: null, search: false };

const stampedFolders = () => new Set((loadValue(manifestFileOf(cacheDir, out)) as { folders?: string[] }).folders ?? []);

test('files removed by hand from folders the manifest has stamped are written again', async () => {
  await build(options);
  // Folders changed within two seconds of the manifest being saved get no stamp; after a pause, a rebuild that
  // writes nothing stamps them.
  await sleep(2_100);
  const unchanged = await build(options);
  const stamped = stampedFolders();
  const folder = 'kb/182/Q182398';
  assert.ok(stamped.has(folder) && stamped.has('events/4087'), 'the article\'s and the event\'s folders are stamped');

  const page = join(out, folder, 'index.html');
  const text = join(out, folder, 'Q182398.txt');
  const eventPage = join(out, 'events/4087/index.html');
  const files = [page, text, eventPage];
  const before = files.map((file) => readFileSync(file));
  for (const file of files) rmSync(file);
  // A stray file where one was removed: the folder holds as many entries as before, but it has changed.
  writeFileSync(join(out, folder, 'notes.txt'), 'by hand\n');
  const rebuilt = await build(options);
  assert.deepEqual(files.map((file) => readFileSync(file)), before);
  assert.equal(rebuilt.pagesRendered, unchanged.pagesRendered + 2, 'the two pages removed, and no other page from data, are rendered again');
  const after = stampedFolders();
  assert.ok(!after.has(folder) && !after.has('events/4087'), 'a folder changed just now is not stamped until it has been left alone for two seconds');
  assert.ok(after.has('kb/183/Q183613'), 'a folder left alone keeps its stamp');
});
