/** The search evaluation (scripts/eval/): the scorer on hand-made rankings, and the set made from the bundled sample. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeEvalSet, EVAL_KINDS, type EvalQuery } from '../../scripts/eval/queries.ts';
import { scoreEval, rankOf } from '../../scripts/eval/score.ts';

const sample = join(import.meta.dirname, '../../content/sample');

test('scoreEval: recall@10 and MRR@10 per kind, then all', () => {
  const queries: EvalQuery[] = [
    { kind: 'title', query: 'a', expected: 'Q1' }, // rank 1
    { kind: 'title', query: 'b', expected: 'Q2' }, // rank 4
    { kind: 'error', query: 'c', expected: 'Q3' }, // rank 11: outside the first 10
    { kind: 'error', query: 'd', expected: 'Q4' }, // not found
    { kind: 'error', query: 'e', expected: 'Q5' }, // rank 2, after a non-article entry
  ];
  const ranked: Record<string, string[]> = {
    a: ['Q1', 'Q9'],
    b: ['Q7', 'Q8', 'Q9', 'Q2', 'Q2'],
    c: ['Q10', 'Q11', 'Q12', 'Q13', 'Q14', 'Q15', 'Q16', 'Q17', 'Q18', 'Q19', 'Q3'],
    d: [],
    e: ['event:4087', 'Q5'],
  };
  const scores = scoreEval(queries, (q) => ranked[q.query]!);
  assert.deepEqual(scores.map((s) => [s.kind, s.queries]), [['title', 2], ['error', 3], ['all', 5]]);
  const [title, error, all] = scores;
  assert.equal(title!.recallAt10, 1);
  assert.equal(title!.mrr, (1 + 1 / 4) / 2);
  assert.equal(error!.recallAt10, 1 / 3);
  assert.equal(error!.mrr, 1 / 2 / 3);
  assert.equal(all!.recallAt10, 3 / 5);
  assert.equal(all!.mrr, (1 + 1 / 4 + 1 / 2) / 5);
  assert.equal(rankOf('Q3', ranked.c!), null);
  assert.deepEqual(scoreEval([], () => []), [{ kind: 'all', queries: 0, recallAt10: 0, mrr: 0 }]);
});

test('makeEvalSet on the sample corpus is deterministic, and every query comes from an article of that corpus', async () => {
  const first = await makeEvalSet(sample, { perKind: 3 });
  const second = await makeEvalSet(sample, { perKind: 3, seed: 1 });
  assert.deepEqual(first, second);
  assert.notDeepEqual(await makeEvalSet(sample, { perKind: 3, seed: 2 }), first, 'another seed draws other articles');
  for (const kind of EVAL_KINDS) {
    const ofKind = first.filter((q) => q.kind === kind);
    assert.equal(ofKind.length, 3, kind);
    assert.equal(new Set(ofKind.map((q) => q.expected)).size, 3, `${kind}: no article twice`);
  }
  for (const q of first) {
    assert.match(q.expected, /^Q\d+$/);
    const n = Number(q.expected.slice(1));
    const folder = String(Math.floor(n / 1000)).padStart(3, '0');
    assert.ok(existsSync(join(sample, 'kb', folder, q.expected, 'README.md')), `${q.expected} is in the sample`);
    assert.equal(q.query, q.query.replace(/\s+/g, ' ').trim(), 'whitespace collapsed');
    const words = q.query.split(' ').length;
    const [min, max] = { symptoms: [8, 20], deep: [10, 15], error: [3, 20], title: [2, 3] }[q.kind];
    assert.ok(words >= min! && words <= max!, `${q.kind} query of ${words} words: ${q.query}`);
  }
});
