/**
 * The output folder writes its files on a thread of its own (scripts/write/writer-worker.ts), in batches: every
 * file asked for is on disk, with its bytes, once the folder is flushed, and a write that fails names its file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OutputFolder } from '../../scripts/write/output.ts';
import { tempDir } from '../helpers/temp.ts';

test('every file written through the folder is on disk with its bytes once flushed, the last write of a path winning', async () => {
  const out = join(tempDir('kb-writes-'), 'site');
  const folder = new OutputFolder(out, null);
  // More than several batches, in many folders, some large: the order and the contents must survive the batching.
  const big = 'x'.repeat(3 * 2 ** 20);
  for (let i = 0; i < 1500; i++) await folder.write(`/kb/${i % 37}/Q${i}/index.html`, i % 500 === 7 ? `${big}${i}` : `<p>${i}</p>`);
  await folder.write('/kb/0/Q0/index.html', '<p>rewritten</p>');
  await folder.write('/data/bytes.bin', new Uint8Array([0, 1, 2, 255]));
  await folder.flush();
  for (let i = 1; i < 1500; i++) assert.equal(readFileSync(join(out, `kb/${i % 37}/Q${i}/index.html`), 'utf8'), i % 500 === 7 ? `${big}${i}` : `<p>${i}</p>`);
  assert.equal(readFileSync(join(out, 'kb/0/Q0/index.html'), 'utf8'), '<p>rewritten</p>');
  assert.deepEqual([...readFileSync(join(out, 'data/bytes.bin'))], [0, 1, 2, 255]);
  assert.equal(await folder.finish(Date.now()), 0);
});

test('a write that fails is reported with its file, when the folder is flushed', async () => {
  const out = join(tempDir('kb-writes-fail-'), 'site');
  mkdirSync(out, { recursive: true });
  // A file where a folder must go: the write under it cannot succeed.
  writeFileSync(join(out, 'blocked'), 'a file, not a folder');
  const folder = new OutputFolder(out, null);
  await folder.write('/fine/index.html', '<p>fine</p>');
  await folder.write('/blocked/index.html', '<p>never</p>');
  await assert.rejects(folder.flush(), (error: Error) => error.message.includes(join(out, 'blocked/index.html')));
  assert.equal(readFileSync(join(out, 'fine/index.html'), 'utf8'), '<p>fine</p>');
});
