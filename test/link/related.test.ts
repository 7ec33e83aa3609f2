/**
 * Related articles (scripts/link/related.ts): what ranks first, what is too common to count, the tie-break and the
 * limit on hand-made records; and, on real articles, the same lists as a plain implementation of the same rules
 * (a score per pair, sorted), which the optimised loop must not drift from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relatedArticles } from '../../scripts/link/related.ts';
import { linkCitations } from '../../scripts/link/citations.ts';
import { compareIds } from '../../scripts/link/index.ts';
import { processAll } from '../../scripts/pipeline/pool.ts';
import { deduplicate } from '../../scripts/build.ts';
import type { ArticleRecord } from '../../scripts/types.ts';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';
import { sampleArticles } from '../helpers/sample.ts';

interface Shares {
  events?: number[];
  codes?: string[];
  references?: string[];
  keywords?: string[];
  family?: string;
}

function record(n: number, shares: Shares = {}): ArticleRecord {
  return {
    id: `Q${n}`,
    number: n,
    productFamily: shares.family ?? 'windows-nt',
    events: (shares.events ?? []).map((id) => ({ source: null, id })),
    errorCodes: (shares.codes ?? []).map((code) => ({ code })),
    references: shares.references ?? [],
    keywords: shares.keywords ?? [],
  } as unknown as ArticleRecord;
}

const relate = (records: ArticleRecord[], citedBy = new Map<string, string[]>()) => relatedArticles(records, citedBy);

test('a shared event outranks a shared error code, which outranks a citation; one shared keyword is not enough', () => {
  const related = relate([
    record(100, { events: [4087], codes: ['0x80070005'], keywords: ['kbnetwork'] }),
    record(200, { keywords: ['kbnetwork'] }),
    record(300, { codes: ['0x80070005'] }),
    record(400, { events: [4087], family: 'exchange' }),
    record(500, { references: ['Q100'] }),
  ], new Map([['Q100', ['Q500']]]));
  assert.deepEqual(related.get('Q100'), ['Q400', 'Q300', 'Q500']);
  assert.deepEqual(related.get('Q200'), [], 'one keyword (1) and the same family (0.5) stay under 2');
  assert.deepEqual(related.get('Q500'), ['Q100'], 'a citation relates both ways');
});

test('the same product family breaks a tie of shared features, then the lower article number', () => {
  const related = relate([
    record(10, { events: [1000] }),
    record(9000, { events: [1000] }),
    record(200, { events: [1000], family: 'office' }),
    record(100, { events: [1000] }),
  ]);
  // Q100 and Q9000 share the family (6.5), Q200 does not (6); by number, 100 before 9000 (not as strings).
  assert.deepEqual(related.get('Q10'), ['Q100', 'Q9000', 'Q200']);
});

test('an article is never its own relative, lists stop at eight, and a feature in over 300 articles counts for nothing', () => {
  const crowd = (size: number, event: number) => Array.from({ length: size }, (_, i) => record(event * 1000 + i, { events: [event] }));
  const related = relate([...crowd(300, 7), ...crowd(301, 8)]);
  assert.deepEqual(related.get('Q7000'), ['Q7001', 'Q7002', 'Q7003', 'Q7004', 'Q7005', 'Q7006', 'Q7007', 'Q7008']);
  assert.deepEqual(related.get('Q7005'), ['Q7000', 'Q7001', 'Q7002', 'Q7003', 'Q7004', 'Q7006', 'Q7007', 'Q7008']);
  assert.deepEqual(related.get('Q8000'), []);
});

test('a stronger neighbour met after eight weaker ones still takes its place in the list', () => {
  // Q1–Q9 share a keyword pair with Q100 (2 + 0.5); Q500, numbered after them all, shares an event (6.5).
  const weak = Array.from({ length: 9 }, (_, i) => record(i + 1, { keywords: ['kbnetwork', 'kbsetup'] }));
  const related = relate([record(100, { events: [4087], keywords: ['kbnetwork', 'kbsetup'] }), ...weak, record(500, { events: [4087] })]);
  assert.deepEqual(related.get('Q100'), ['Q500', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7']);
});

/** The rules written plainly: every pair's score in a map, filtered and sorted. */
function plainRelated(records: ArticleRecord[], citedBy: Map<string, string[]>): Map<string, string[]> {
  const weightOf = { e: 6, c: 5, r: 2, k: 1 } as const;
  const featuresOf = (r: ArticleRecord) =>
    new Set([...r.events.filter((e) => !e.via).map((e) => `e:${e.id}`), ...r.errorCodes.map((c) => `c:${c.code}`), ...r.references.map((ref) => `r:${ref}`), ...r.keywords.map((k) => `k:${k.toLowerCase()}`)]);
  const holders = new Map<string, ArticleRecord[]>();
  for (const r of records) for (const f of featuresOf(r)) holders.set(f, [...(holders.get(f) ?? []), r]);
  const byId = new Map(records.map((r) => [r.id, r]));
  const result = new Map<string, string[]>();
  for (const r of records) {
    const scores = new Map<ArticleRecord, number>();
    const add = (other: ArticleRecord | undefined, w: number) => {
      if (other && other !== r) scores.set(other, (scores.get(other) ?? 0) + w);
    };
    for (const f of featuresOf(r)) {
      const list = holders.get(f)!;
      if (list.length <= 300) for (const other of list) add(other, weightOf[f[0] as keyof typeof weightOf]);
    }
    for (const id of [...r.references, ...(citedBy.get(r.id) ?? [])]) add(byId.get(id), 4);
    for (const other of scores.keys()) if (other.productFamily === r.productFamily) scores.set(other, scores.get(other)! + 0.5);
    const ranked = [...scores].filter(([, s]) => s >= 2).sort(([a, sa], [b, sb]) => sb - sa || compareIds(a.id, b.id));
    result.set(r.id, ranked.slice(0, 8).map(([other]) => other.id));
  }
  return result;
}

function assertSameAsPlain(records: ArticleRecord[]): number {
  const ids = new Set(records.map((r) => r.id));
  const { citedBy } = linkCitations(records, (id) => ids.has(id));
  const fast = relatedArticles(records, citedBy);
  const plain = plainRelated(records, citedBy);
  let withRelated = 0;
  for (const r of records) {
    assert.deepEqual(fast.get(r.id), plain.get(r.id), `related articles of ${r.id}`);
    if (plain.get(r.id)!.length > 0) withRelated++;
  }
  return withRelated;
}

test('on the sample, the lists are those of the plain rules', async () => {
  const { kept } = await sampleArticles();
  const withRelated = assertSameAsPlain(kept.map((p) => p.record!));
  assert.ok(withRelated > 5, `only ${withRelated} sample articles have related articles`);
});

test('on 4,000 real articles, the lists are those of the plain rules', async () => {
  const paths = realArticlePaths();
  // Consecutive folders, so that articles citing each other and sharing events are both in.
  const start = paths.findIndex((p) => p.startsWith('kb/170/'));
  const processed = await processAll(realCorpusDir(), paths.slice(start, start + 4_000), { workers: 2 });
  const records = deduplicate(processed, []).map((p) => p.record!).sort((a, b) => compareIds(a.id, b.id));
  assert.ok(records.length > 3_900);
  const withRelated = assertSameAsPlain(records);
  assert.ok(withRelated > 2_000, `only ${withRelated} of ${records.length} real articles have related articles`);
});
