import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findArticleFiles } from '../../scripts/read/index.ts';
import type { Diagnostic } from '../../scripts/types.ts';
import { fakeArticle, tempTree } from './bytes.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const article = (id: string): Record<string, string> => ({ [`kb/${id.slice(1).padStart(6, '0').slice(0, 3)}/${id}/README.md`]: fakeArticle(id) });

/** Every diagnostic must name a file, carry a stable rule id and a sentence for people. */
function assertWellFormed(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.ok(d.file.length > 0 && !d.file.startsWith('/'), `relative file: ${d.file}`);
    assert.match(d.rule, /^kb:[a-z-]+$/);
    assert.ok(d.message.length > 40 && /[.!]$/.test(d.message), `a full sentence: ${d.message}`);
  }
}

const summary = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.severity} ${d.rule} ${d.file}`);

describe('findArticleFiles', () => {
  test('finds every kb/<NNN>/Q<number>/README.md, sorted by article number then path', async () => {
    const root = tempTree({ ...article('Q182346'), ...article('Q10022'), ...article('Q9'), ...article('Q1000000'), 'README.md': 'repo readme', '.git/HEAD': 'ref' });
    const r = await findArticleFiles(root);
    assert.deepEqual(r.paths, ['kb/000/Q9/README.md', 'kb/010/Q10022/README.md', 'kb/182/Q182346/README.md', 'kb/100/Q1000000/README.md']);
    assert.deepEqual(r.diagnostics, [], 'files outside kb/ are not our business');
  });

  test('the same number in two places sorts by path, so the order is stable', async () => {
    const root = tempTree({ 'kb/182/Q182346/README.md': 'a', 'kb/018/Q182346/README.md': 'b', 'kb/182/Q0182346/README.md': 'c' });
    assert.deepEqual((await findArticleFiles(root)).paths, ['kb/018/Q182346/README.md', 'kb/182/Q0182346/README.md', 'kb/182/Q182346/README.md']);
  });

  test('unexpected files and folders are reported as warnings and ignored', async () => {
    const root = tempTree({
      ...article('Q182346'),
      'kb/notes.md': 'x',
      'kb/182/notes.txt': 'x',
      'kb/182/Q182346/extra.md': 'x',
      'kb/182/Q182346/images/a.gif': 'x',
      'kb/abc/Q1/README.md': 'x',
      'kb/1820/Q1820001/README.md': 'x',
      'kb/182/q182347/README.md': 'x',
      'kb/182/Q182348/readme.md': 'x',
    });
    const r = await findArticleFiles(root);
    assert.deepEqual(r.paths, ['kb/182/Q182346/README.md']);
    assert.deepEqual(summary(r.diagnostics), [
      'warning kb:unexpected-file kb/182/Q182346/extra.md',
      'warning kb:unexpected-file kb/182/Q182346/images',
      'rejected kb:missing-readme kb/182/Q182348',
      'warning kb:unexpected-file kb/182/Q182348/readme.md',
      'warning kb:unexpected-file kb/182/notes.txt',
      'warning kb:unexpected-file kb/182/q182347',
      'warning kb:unexpected-file kb/1820',
      'warning kb:unexpected-file kb/abc',
      'warning kb:unexpected-file kb/notes.md',
    ]);
    assertWellFormed(r.diagnostics);
    const message = (file: string): string => r.diagnostics.find((d) => d.file === file)?.message ?? '';
    assert.match(message('kb/abc'), /not a three-digit group folder.*nothing in it was read/);
    assert.match(message('kb/182/Q182348/readme.md'), /not named exactly README\.md/);
    assert.match(message('kb/182/Q182348'), /has no README\.md, so no page is built/);
  });

  test('symlinks inside the root are followed; symlinks that leave it, and broken ones, are reported and skipped', async () => {
    const outside = tempTree({ 'README.md': fakeArticle('Q182399'), 'Q182398/README.md': fakeArticle('Q182398') });
    const root = tempTree({ ...article('Q182346'), 'shared/Q182347.md': fakeArticle('Q182347') });
    mkdirSync(join(root, 'kb/182/Q182347'));
    symlinkSync(join(root, 'shared/Q182347.md'), join(root, 'kb/182/Q182347/README.md'));
    mkdirSync(join(root, 'kb/182/Q182399'));
    symlinkSync(join(outside, 'README.md'), join(root, 'kb/182/Q182399/README.md'));
    symlinkSync(join(outside, 'Q182398'), join(root, 'kb/182/Q182398'));
    symlinkSync(join(root, 'nowhere'), join(root, 'kb/182/Q182397'));

    const r = await findArticleFiles(root);
    assert.deepEqual(r.paths, ['kb/182/Q182346/README.md', 'kb/182/Q182347/README.md']);
    assert.deepEqual(summary(r.diagnostics), [
      'warning kb:broken-symlink kb/182/Q182397',
      'warning kb:symlink-outside-root kb/182/Q182398',
      'rejected kb:missing-readme kb/182/Q182399',
      'warning kb:symlink-outside-root kb/182/Q182399/README.md',
    ]);
    assertWellFormed(r.diagnostics);
  });

  test('a root reached through a symlink works (the check compares real paths)', async () => {
    const real = tempTree(article('Q182346'));
    const parent = tempTree();
    symlinkSync(real, join(parent, 'link'));
    const r = await findArticleFiles(join(parent, 'link'));
    assert.deepEqual(r, { paths: ['kb/182/Q182346/README.md'], diagnostics: [], clean: new Map() });
  });

  test('an empty kb/ folder finds nothing, without error', async () => {
    const root = tempTree();
    mkdirSync(join(root, 'kb'));
    assert.deepEqual(await findArticleFiles(root), { paths: [], diagnostics: [], clean: new Map() });
  });
});

describe('findArticleFiles: configuration errors throw, naming the folder and the fix', () => {
  test('a missing root', async () => {
    const missing = join(tempTree(), 'no-such-folder');
    await assert.rejects(findArticleFiles(missing), (e: Error) => {
      assert.ok(e.message.includes(missing), e.message);
      assert.match(e.message, /does not exist.*--source/);
      return true;
    });
  });

  test('a root with no kb/ folder', async () => {
    const root = tempTree({ 'README.md': 'x' });
    await assert.rejects(findArticleFiles(root), (e: Error) => {
      assert.ok(e.message.includes(root));
      assert.match(e.message, /has no kb\/ folder.*Pass --source with the folder that contains kb\//);
      return true;
    });
  });

  test('kb/ itself passed as the root: the message suggests its parent', async () => {
    const root = tempTree(article('Q182346'));
    await assert.rejects(findArticleFiles(join(root, 'kb')), (e: Error) => {
      assert.match(e.message, /looks like kb\/ itself: pass its parent folder/);
      assert.ok(e.message.includes(root));
      return true;
    });
  });

  test('kb is a file', async () => {
    const root = tempTree({ kb: 'x' });
    await assert.rejects(findArticleFiles(root), /kb is not a folder/);
  });

  test('the root is a file', async () => {
    const root = tempTree({ 'file.txt': 'x' });
    await assert.rejects(findArticleFiles(join(root, 'file.txt')), /is a file, not a folder/);
  });

  test('kb/ is a symlink that leaves the root', async () => {
    const outside = tempTree(article('Q182346'));
    const root = tempTree();
    symlinkSync(join(outside, 'kb'), join(root, 'kb'));
    await assert.rejects(findArticleFiles(root), /no kb\/ folder \(kb is a symbolic link to .* outside the source folder/);
  });
});

/** Runs the walk as the unprivileged `nobody` (uid/gid 65534) in a child process: root reads any folder, mode 000
 *  or not, so as root (CI) this is the only way to meet a folder the build cannot read. */
function walkAsNobody(root: string): Promise<{ paths: string[]; diagnostics: Diagnostic[] }> {
  // The child must reach the tree: tempTree folders are private (0700) to their creator.
  chmodSync(root, 0o755);
  return new Promise((resolvePromise, reject) => {
    execFile(
      join(projectRoot, 'node_modules/.bin/tsx'),
      ['test/read/walk-child.ts', root],
      { cwd: projectRoot, uid: 65534, gid: 65534, env: { ...process.env, HOME: tmpdir() } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolvePromise(JSON.parse(stdout))),
    );
  });
}

test('unreadable folders are reported, not fatal', async () => {
  const root = tempTree(article('Q182346'));
  mkdirSync(join(root, 'kb/183'));
  mkdirSync(join(root, 'kb/183/Q183000'), { mode: 0o000 });
  const r = process.getuid?.() === 0 ? await walkAsNobody(root) : await findArticleFiles(root);
  assert.deepEqual(r.paths, ['kb/182/Q182346/README.md'], 'the readable article is still found');
  assert.deepEqual(r.diagnostics.filter((d) => d.file.startsWith('kb/183/Q')).map((d) => [d.severity, d.rule, d.file]), [['rejected', 'kb:unreadable-folder', 'kb/183/Q183000']]);
  assertWellFormed(r.diagnostics);
  assert.match(r.diagnostics.find((d) => d.rule === 'kb:unreadable-folder')!.message, /could not be read \(EACCES\).*make it readable/);
});

test('clean folders of an earlier walk are not listed again while their metadata holds, and any change to one is seen', async () => {
  const root = tempTree({ ...article('Q1'), ...article('Q2'), ...article('Q3'), ...article('Q4'), 'kb/000/Q4/extra.md': 'x' });
  // Folders changed in the 2 s before a walk are never recorded as clean (their times are as coarse as a tick).
  assert.equal((await findArticleFiles(root, { known: new Map() })).clean.size, 0, 'folders made just now are not trusted');
  await new Promise((done) => setTimeout(done, 2100));
  const first = await findArticleFiles(root, { known: new Map() });
  assert.deepEqual([...first.clean.keys()].sort(), ['kb/000/Q1', 'kb/000/Q2', 'kb/000/Q3'], 'a folder holding more than its README.md is not clean');
  assert.deepEqual(summary(first.diagnostics), ['warning kb:unexpected-file kb/000/Q4/extra.md']);

  // A folder known clean at its present metadata is taken as it was, unread: Q4, claimed clean here, is not listed.
  const claimed = await findArticleFiles(root, { known: new Map() });
  const q4 = (await findArticleFiles(root, { known: new Map([['kb/000/Q4', statOf(join(root, 'kb/000/Q4'))]]) }));
  assert.deepEqual(q4.diagnostics, [], 'a folder trusted by its metadata is not listed');
  assert.deepEqual(q4.paths, claimed.paths);

  // Entries added or removed change a folder's times: such folders are listed again.
  writeFileSync(join(root, 'kb/000/Q2/notes.txt'), 'x');
  rmSync(join(root, 'kb/000/Q3/README.md'));
  const again = await findArticleFiles(root, { known: first.clean });
  const plain = await findArticleFiles(root);
  assert.deepEqual(summary(again.diagnostics), ['warning kb:unexpected-file kb/000/Q2/notes.txt', 'rejected kb:missing-readme kb/000/Q3', 'warning kb:unexpected-file kb/000/Q4/extra.md']);
  assert.deepEqual({ paths: again.paths, diagnostics: again.diagnostics }, { paths: plain.paths, diagnostics: plain.diagnostics });
  assert.deepEqual([...again.clean.keys()], ['kb/000/Q1'], 'only the unchanged clean folder is still clean');
});

function statOf(folder: string): [number, number, number] {
  const s = lstatSync(folder);
  return [s.mtimeMs, s.ctimeMs, s.ino];
}
