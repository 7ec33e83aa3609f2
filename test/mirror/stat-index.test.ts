/**
 * A cached rebuild trusts a file's recorded key when its metadata (size, modification and change times, inode)
 * is unchanged, instead of reading and hashing every file. An edit that keeps the size and puts the modification
 * time back must still be seen: the change time moves on every write.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, defaultSource, type BuildOptions } from '../../scripts/build.ts';
import { tempDir } from '../helpers/temp.ts';

test('an edit that keeps the size and the modification time is still rebuilt', async () => {
  const root = tempDir('kb-stat-index-');
  const source = join(root, 'source');
  cpSync(defaultSource, source, { recursive: true });
  // Files changed in the last 2 s before a build are always hashed (racily clean); let the copies age past that.
  await sleep(2100);
  const options: BuildOptions = { source, out: join(root, 'site'), cacheDir: join(root, 'cache'), workers: 0, quiet: true, report: null, search: false };
  await build(options); // cold: parses everything
  const warm = await build(options); // hashes every file once and records the keys by metadata
  assert.equal(warm.articlesParsed, 0);

  const group = readdirSync(join(source, 'kb')).sort()[0]!;
  const id = readdirSync(join(source, 'kb', group)).sort()[0]!;
  const file = join(source, 'kb', group, id, 'README.md');
  const before = statSync(file);
  const text = readFileSync(file, 'utf8');
  const title = /^title: "?(.+?)"?$/m.exec(text)![1]!;
  const changed = `${title.slice(0, -1)}${title.endsWith('X') ? 'Y' : 'X'}`;
  // `touch -r` copies times to the nanosecond (Node's utimes goes through a float of seconds).
  const reference = join(root, 'times');
  writeFileSync(reference, '');
  execFileSync('touch', ['-r', file, reference]);
  writeFileSync(file, text.replace(title, changed));
  execFileSync('touch', ['-r', reference, file]);
  assert.equal(statSync(file).size, before.size);
  assert.equal(statSync(file, { bigint: true }).mtimeNs, statSync(reference, { bigint: true }).mtimeNs);
  assert.equal(statSync(file).mtimeMs, before.mtimeMs);

  const after = await build(options);
  assert.equal(after.articlesParsed, 1, 'the edited file is parsed again');
  const page = readFileSync(join(root, 'site', 'kb', group, id, 'index.html'), 'utf8');
  assert.ok(page.includes(changed.replace(/&/g, '&amp;')), 'its page shows the edit');

  const again = await build(options);
  assert.equal(again.articlesParsed, 0, 'and the next rebuild takes it from the cache');
});
