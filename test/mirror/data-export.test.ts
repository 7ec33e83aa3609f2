/**
 * The data export is one gzip member per /kb/<NNN>/ folder: read whole by gunzip, and a rebuild compresses again only
 * the folders whose records changed, with the same bytes as compressing them all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { folderOf } from '../../scripts/link/index.ts';
import { recordsExport } from '../../scripts/write/data-export.ts';
import { sampleArticles } from '../helpers/sample.ts';
import { tempDir } from '../helpers/temp.ts';

test('the export reads whole, and a rebuild takes the unchanged folders\' members from the last build', async () => {
  const { kept } = await sampleArticles();
  const records = kept.map((p) => p.record!);
  const lines = records.map((r) => JSON.stringify(r));
  const folders = records.map((r) => folderOf(r.id));
  const first = recordsExport(folders, (i) => lines[i]!);
  const bytes = await first.bytes;
  const parts = await first.parts;
  assert.equal(parts.length, new Set(folders).size, 'one member per folder');
  assert.ok(parts.length > 3);
  assert.equal(gunzipSync(bytes).toString('utf8'), `${lines.join('\n')}\n`);
  // Read whole by the tools the /data/ page names, not only by Node.
  const file = join(tempDir('kb-export-'), 'kb-records.jsonl.gz');
  writeFileSync(file, bytes);
  assert.equal(execFileSync('zcat', [file], { encoding: 'utf8' }), `${lines.join('\n')}\n`);
  assert.equal(execFileSync('python3', ['-c', 'import gzip, sys; sys.stdout.write(gzip.open(sys.argv[1], "rt").read())', file], { encoding: 'utf8' }), `${lines.join('\n')}\n`);

  // One record changes: its folder's member is compressed again, every other one is the last build's.
  const changed = Math.floor(records.length / 2);
  const edited = [...lines];
  edited[changed] = JSON.stringify({ ...records[changed], title: `${records[changed]!.title} (edited)` });
  const again = recordsExport(folders, (i) => edited[i]!, parts);
  const newParts = await again.parts;
  const fresh = newParts.filter((part) => !parts.some((old) => old.bytes === part.bytes));
  assert.equal(fresh.length, 1, 'only the edited folder is compressed again');
  assert.ok(gunzipSync(fresh[0]!.bytes).toString('utf8').includes('(edited)'));
  assert.deepEqual(await again.bytes, await recordsExport(folders, (i) => edited[i]!).bytes, 'the same bytes as compressing every folder');

  // Told which folders hold the last build's lines, it makes only the others' lines.
  const editedFolder = folders[changed]!;
  const asked = new Set<string>();
  const told = recordsExport(folders, (i) => (asked.add(folders[i]!), edited[i]!), parts, (folder) => folder !== editedFolder);
  assert.deepEqual(await told.bytes, await again.bytes);
  assert.deepEqual([...asked], [editedFolder]);
});

test('a folder whose records are apart (Q100001 and Q1000001 are both in /kb/100/) keeps each run\'s own member', async () => {
  const ids = ['Q100001', 'Q100002', 'Q101000', 'Q1000001'];
  const folders = ids.map(folderOf);
  assert.deepEqual(folders, ['100', '100', '101', '100']);
  const lines = ids.map((id) => JSON.stringify({ id }));
  const first = recordsExport(folders, (i) => lines[i]!);
  const parts = await first.parts;
  assert.equal(parts.length, 3, 'one member per run');
  // Told every folder holds the last build's lines, each run takes its own member: the bytes are a clean export's.
  const again = recordsExport(folders, () => assert.fail('no line is made'), parts, () => true);
  assert.deepEqual(await again.bytes, await first.bytes);
  assert.equal(gunzipSync(await again.bytes).toString('utf8'), `${lines.join('\n')}\n`);
});

test('an empty archive exports an empty gzip file', async () => {
  const empty = recordsExport([], () => '');
  assert.equal(gunzipSync(await empty.bytes).length, 0);
  assert.deepEqual(await empty.parts, []);
});
