/**
 * A rebuild's full-text index patched from the last build's files (patch-index.ts) is the index a clean build of the
 * new articles writes, byte for byte, with the state the next build patches from; and a patch whose result could
 * differ is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFullTextIndex, type IndexArticle } from '../../scripts/index/full-text/write-index.ts';
import { patchFullTextIndex, type ArticleChange } from '../../scripts/index/full-text/patch-index.ts';
import { fullTextPaths, HEAD_POSTINGS, MAX_SENTENCE_ARTICLES } from '../../scripts/index/full-text/format.ts';
import { article } from './in-memory-index.ts';

const SHARED = 'The printer stopped responding after the upgrade.';
const RARE = 'The spooler service could not reach the shared queue.';

/** 1,200 articles: `alpha` in HEAD_POSTINGS + 1 of them (a tail), `notes` in every title (a form left out), SHARED
 *  in all (boilerplate), RARE in MAX_SENTENCE_ARTICLES + 1, and two product families. */
function archive(): IndexArticle[] {
  return Array.from({ length: 1200 }, (_, i) => article(300000 + i, `Topic ${i} notes`, [
    i <= HEAD_POSTINGS ? 'Alpha beta.' : 'Beta only.',
    `Word${i} gamma${i % 13}.`,
    SHARED,
    i <= MAX_SENTENCE_ARTICLES ? RARE : '',
  ].join(' '), { productFamily: i % 2 ? 'exchange' : 'windows-nt' }));
}

/** Patches `before`'s index to `after`'s and checks it against a clean build of `after`; returns the files patched. */
function patchAndCompare(before: IndexArticle[], after: IndexArticle[]): number {
  const last = buildFullTextIndex(before);
  const clean = buildFullTextIndex(after);
  const byNumber = new Map(before.map((a) => [a.number, a]));
  const changes: ArticleChange[] = [];
  for (const a of after) if (byNumber.get(a.number) !== a) changes.push({ before: byNumber.get(a.number) ?? null, after: a });
  const patched = patchFullTextIndex(last.state, changes, (path) => last.files.get(path) ?? null);
  assert.ok(patched, 'the patch was made');
  const files = new Map(last.files);
  for (const path of patched.removed) files.delete(path);
  for (const [path, bytes] of patched.files) files.set(path, bytes);
  assert.deepEqual([...files.keys()].sort(), [...clean.files.keys()].sort());
  const differ = [...clean.files].filter(([path, bytes]) => !Buffer.from(files.get(path)!).equals(bytes)).map(([path]) => path);
  assert.deepEqual(differ, []);
  assert.deepEqual(patched.state, clean.state);
  return patched.files.size;
}

test('an edit to an article\'s text, title and filters: the patched index is the clean build\'s, and only its files change', () => {
  const before = archive();
  const after = before.map((a) => (a.number === 300500 ? article(300500, 'Topics 500 revised', `Alpha delta. Word500 epsilon. ${SHARED}`, { productFamily: 'windows-95' }) : a));
  const written = patchAndCompare(before, after);
  assert.ok(written < 60, `${written} files patched`);
});

test('a term falling to HEAD_POSTINGS loses its tail; one rising past it gains one, and a left-out form or sentence keeps its count', () => {
  const before = archive();
  const fewer = before.map((a) => (a.number === 300003 ? article(300003, 'Topic 3', `Beta only. Word3 gamma3. ${RARE}`) : a));
  patchAndCompare(before, fewer);
  patchAndCompare(fewer, before);
});

test('a patch that cannot know what a clean build would write is refused', () => {
  const before = archive();
  const last = buildFullTextIndex(before);
  const read = (path: string) => last.files.get(path) ?? null;
  // RARE back to MAX_SENTENCE_ARTICLES articles: its list was never written.
  const under = before.slice(0, 2).map((a): ArticleChange => ({ before: a, after: article(a.number, `Topic ${a.number - 300000} notes`, 'Alpha beta. Nothing else.') }));
  assert.equal(patchFullTextIndex(last.state, under, read), null);
  // A new article changes the article count, and with it which terms are common.
  assert.equal(patchFullTextIndex(last.state, [{ before: null, after: article(399999, 'New', 'Alpha.') }], read), null);
  // A damaged shard.
  const edit: ArticleChange[] = [{ before: before[600]!, after: article(300600, 'Topic 600 notes', 'Alpha beta. Changed.') }];
  assert.ok(patchFullTextIndex(last.state, edit, read));
  assert.equal(patchFullTextIndex(last.state, edit, (path) => (path.startsWith(fullTextPaths.root + 't/') ? new Uint8Array(3) : read(path))), null);
});
