/**
 * The read stage over the real corpus (extracted at test time, never committed): FORMAT.md §10 says all 59,132
 * pages are valid UTF-8 with LF endings and no stray control characters, so every one must read clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findArticleFiles, readSourceFile } from '../../scripts/read/index.ts';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';

test('the real corpus: 59,132 articles found, each decodes as UTF-8 with no diagnostics', async () => {
  const root = realCorpusDir();
  const { paths, diagnostics } = await findArticleFiles(root);
  assert.equal(paths.length, 59_132);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual([...paths].sort(), realArticlePaths(), 'the same set as a plain listing of the tree');
  const numbers = paths.map((p) => Number(/\/Q(\d+)\//.exec(p)?.[1]));
  assert.ok(numbers.every((n, i) => i === 0 || numbers[i - 1]! < n), 'strictly ascending article numbers');

  const problems: string[] = [];
  const BATCH = 256; // bounded concurrency: enough to keep the disk busy without 59k open files
  for (let i = 0; i < paths.length; i += BATCH) {
    const results = await Promise.all(paths.slice(i, i + BATCH).map((p) => readSourceFile(root, p)));
    for (const [j, r] of results.entries()) {
      const path = paths[i + j]!;
      if (r.file?.encoding !== 'utf-8' || r.diagnostics.length > 0 || r.file.folderId !== /Q\d+/.exec(path)?.[0]) {
        problems.push(`${path}: ${r.file?.encoding ?? 'rejected'} ${r.diagnostics.map((d) => d.rule).join(',')}`);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} files did not read clean`);
});
