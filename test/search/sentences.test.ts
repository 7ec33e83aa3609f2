/**
 * Sentence fingerprints (issue #19: "a sentence from anywhere in an article finds it in the top 10"): how the build
 * and the query split text into sentences (sentences.ts), the sentence shards (format.ts, write-index.ts), and the
 * ranking's use of them (rank.ts), on articles written here, through the functions the build and the page run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { articleTerms } from '../../scripts/index/full-text/article-terms.ts';
import { buildFullTextIndex } from '../../scripts/index/full-text/write-index.ts';
import { rankQuery, type IndexFigures } from '../../scripts/index/full-text/rank.ts';
import {
  decodeSentenceShard, encodeSentenceShard, fullTextPaths, MAX_SENTENCE_ARTICLES, SENTENCE_SHARDS, shardOfSentence,
} from '../../scripts/index/full-text/format.ts';
import { fnv1a, fnv1aWords } from '../../scripts/index/full-text/hash.ts';
import { MAX_SENTENCE_TOKENS, MAX_TAILS, MIN_SENTENCE_TOKENS, sentencesOf } from '../../scripts/index/full-text/sentences.ts';
import { testRecord } from '../helpers/records.ts';
import { article, indexOf } from './in-memory-index.ts';

const fingerprints = (text: string) => sentencesOf(text).map((s) => s.fingerprint);
const sentenceTerms = (text: string) => sentencesOf(text).filter((s) => s.whole).map((s) => s.terms.join(' '));

test('a fingerprint is FNV-1a over the terms joined by a space', () => {
  fc.assert(fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 12 }), fc.nat(12), (words, from) => {
    assert.equal(fnv1aWords(words, from), fnv1a(words.slice(from).join(' ')));
  }));
  const [s] = sentencesOf('The RPC server is unavailable.');
  assert.deepEqual(s!.terms, ['the', 'rpc', 'server', 'is', 'unavail']);
  assert.equal(s!.fingerprint, fnv1a('the rpc server is unavail'));
});

test('sentences end at . ! ? : ; before a space, at paragraphs, list items, short lines and headings, not at wrapped lines', () => {
  const body = [
    'SYMPTOMS',
    '========',
    '',
    'When users attempt to log on to the domain from a workstation, the following',
    'error message may appear: Your profile could not be found (see kbstuff.sys). Note',
    'that 3.51 servers behave the same way! Is it fixed? Not yet; we are researching it.',
    '',
    'To resolve this problem, follow these steps:',
    '',
    '1. Click Start, point to Settings, and then click Control Panel in the main window',
    '   of the computer.',
    '2) Double-click the Network icon in the list',
    '- Remove every protocol that is not needed',
    '  o Restart the computer when you are asked to',
    '',
    '  Microsoft Visual Workbench',
    '  Microsoft Foundation Class Library',
  ].join('\n');
  assert.deepEqual(sentenceTerms(body), [
    'when user attempt to log on to the domain from a workstat the follow error messag mai appear',
    'your profil could not be found see kbstuff.sys',
    'note that 3.51 server behav the same wai',
    'we ar research it',
    'to resolv thi problem follow these step',
    'click start point to set and then click control panel in the main window of the comput',
    'double-click the network icon in the list',
    'remov everi protocol that is not need',
    'restart the comput when you ar ask to',
    'microsoft foundat class librari',
  ]);
  // "Is it fixed?" and "Microsoft Visual Workbench" are three tokens: too short for a fingerprint. Commas start tails.
  const tails = sentencesOf('Click Start, point to Settings, and then click Control Panel.').filter((s) => !s.whole).map((s) => s.terms.join(' '));
  assert.deepEqual(tails, ['point to set and then click control panel', 'and then click control panel']);
  assert.deepEqual(fingerprints('Disk full'), [], 'fewer than four tokens: no fingerprint');
});

test('the symptoms and outline fields are lists: each line is a sentence of its own', () => {
  const r = { ...testRecord(300001, 'Title'), errorMessages: ['The RPC server is unavailable', 'Your password has expired now'] };
  const terms = articleTerms(r, '');
  assert.ok(terms.sentences.includes(fnv1a('the rpc server is unavail')));
  assert.ok(terms.sentences.includes(fnv1a('your password ha expir now')));
  assert.deepEqual([...terms.sentences], [...new Set(terms.sentences)].sort((a, b) => a - b), 'distinct and ascending');
});

// ---------------------------------------------------------------------------------------------------------------
// The build and the query split alike: any sentence written into an article body, wrapped, listed or under a heading,
// is found as written by the query side, and the article holds no other fingerprint.

const WORDS = [
  'the', 'server', 'Exchange', 'mailbox', 'cannot', 'be', 'opened', 'because', 'registry', 'key', 'is', 'missing', 'users', 'attempt', 'log',
  'on', 'following', 'error', 'message', 'may', 'appear', 'when', 'you', 'click', 'Start', 'then', 'Control', 'Panel', 'kbstuff.sys',
  '0x80004005', 'MS-DOS', "don't", 'Windows', 'NT', '4.0', 'version', '4087', 'service', 'pack', 'an', 'in', 'to', 'of', 'network',
];
const sentenceArb = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }),
  commas: fc.array(fc.boolean(), { maxLength: 14 }),
  stop: fc.constantFrom('.', '!', '?', ':', ';'),
});
type Block = { kind: 'paragraph' | 'list' | 'heading'; sentences: { words: string[]; commas: boolean[]; stop: string }[]; marker: string };
const blockArb: fc.Arbitrary<Block> = fc.record({
  kind: fc.constantFrom('paragraph', 'list', 'heading'),
  sentences: fc.array(sentenceArb, { minLength: 1, maxLength: 3 }),
  marker: fc.constantFrom('1.', '12)', 'b.', '-', '*', '•', 'o'),
});

const sentenceText = (s: { words: string[]; commas: boolean[]; stop: string }) => s.words.map((w, i) => (s.commas[i] && i < s.words.length - 1 ? `${w},` : w)).join(' ') + s.stop;

/** Words laid out greedily on lines of at most `width` characters, each line after the first with `indent`. */
function wrap(first: string, indent: string, words: string[], width: number): string[] {
  const lines: string[] = [];
  let line = first;
  for (const w of words) {
    if (line.trim() !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() === '' ? line + w : `${line} ${w}`;
  }
  lines.push(line);
  return lines;
}

test('property: what the build fingerprints in an article is exactly what the query side makes of its sentences', () => {
  fc.assert(
    fc.property(fc.array(blockArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 50, max: 80 }), fc.constantFrom('', '  '), (blocks, width, margin) => {
      const lines: string[] = [];
      const pasted: string[] = [];
      for (const [i, block] of blocks.entries()) {
        const texts = block.sentences.map(sentenceText);
        if (block.kind === 'heading') {
          // A heading is words under a rule; its sentences follow as a paragraph.
          const heading = block.sentences[0]!.words.join(' ');
          lines.push(heading, '='.repeat(heading.length), '');
          pasted.push(heading);
        } else if (block.kind === 'list' && i > 0 && blocks[i - 1]!.kind === 'list') {
          lines.pop(); // consecutive items: no blank line between them
        }
        const words = texts.join(' ').split(' ');
        const prefix = block.kind === 'list' ? `${margin}${block.marker}` : margin;
        const indent = block.kind === 'list' ? ' '.repeat(prefix.length + 1) : margin;
        lines.push(...wrap(prefix, indent, words, width), '');
        pasted.push(...texts);
      }
      const body = lines.join('\n');
      const built = new Set(articleTerms(testRecord(300001, 'Generated'), body).sentences);
      const expected = new Set<number>();
      for (const text of pasted) {
        const found = sentencesOf(text);
        // A sentence pasted alone is one sentence on the query side (and its comma tails).
        assert.ok(found.filter((s) => s.whole).length <= 1, text);
        for (const s of found) {
          assert.ok(built.has(s.fingerprint), `the article holds "${s.terms.join(' ')}" (pasted: ${text})\n${body}`);
          expected.add(s.fingerprint);
        }
        assert.equal(found.some((s) => s.whole), text.split(' ').length >= MIN_SENTENCE_TOKENS, text);
      }
      assert.deepEqual([...built].sort(), [...expected].sort(), `no other sentence in\n${body}`);
    }),
    { numRuns: 300 },
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The index and the ranking.

test('a pasted sentence of common words ranks the article holding it as written first, above articles holding its words scattered', async () => {
  const sentence = 'The following error message may appear when users attempt to log on:';
  const articles = [
    article(300001, 'Roaming profile is not loaded', `SYMPTOMS\n========\n\n${sentence}\n\n   Your roaming profile could not be found.\n\nCAUSE\n=====\n\nThe profile server is offline.`),
  ];
  // Articles with every word of the sentence, more often and closer to the start, but never in its order.
  for (let i = 0; i < 30; i++) {
    articles.push(article(300100 + i, `Logon error ${i}`, [
      `Users may see an error message when they attempt to log on to server ${i}.`,
      'The message may appear on the following screen: log on again, and users attempt it again when the error clears.',
      `Following the error, the message may appear to users on logon ${i}.`,
    ].join(' ')));
  }
  for (let i = 0; i < 20; i++) articles.push(article(300200 + i, `Printer notes ${i}`, `The spooler holds print jobs for printer ${i} until the queue is cleared.`));
  const { index, rank, fetched, figures } = indexOf(articles);
  assert.ok(['follow', 'error', 'messag', 'appear', 'user', 'attempt', 'log'].every((t) => figures.commonTerms.includes(t)), 'the sentence is common words');

  const { results } = await rank(sentence);
  assert.equal(results[0]!.number, 300001);
  assert.ok(results[0]!.sentenceTokens >= 12);
  // Without the fingerprint it would not be first: articles that merely hold the words score higher.
  const scattered = results.filter((r) => r.sentenceTokens === 0);
  assert.ok(scattered.length >= 30);
  assert.ok(scattered[0]!.score > results[0]!.score, `${scattered[0]!.score} > ${results[0]!.score}`);
  const [s] = sentencesOf(sentence);
  assert.ok(fetched.includes(fullTextPaths.sentences(shardOfSentence(s!.fingerprint))));
  assert.equal([...index.files.keys()].filter((p) => p.startsWith('/search/index/s/')).length, SENTENCE_SHARDS);
  // A sentence pasted without the words before its comma finds it too.
  const tail = indexOf([...articles, article(300002, 'Domain controller offline', 'If the domain controller is offline, users may see an error message when they attempt to log on.')]);
  const tailed = (await tail.rank('users may see an error message when they attempt to log on')).results;
  assert.equal(tailed[0]!.number, 300002);
  assert.ok(tailed.find((r) => r.sentenceTokens === 0)!.score > tailed[0]!.score);
});

test('the sentence shards are read in the first round, with the term shards; a query of four words or fewer reads none', async () => {
  const articles = Array.from({ length: 20 }, (_, i) => article(300000 + i, `Article ${i}`, `Service ${i} stops when the disk is full. The event log records it.`));
  const index = buildFullTextIndex(articles);
  const figures: IndexFigures = { articles: index.state.articles, commonTerms: index.state.commonTerms };
  const requested: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((done) => (release = done));
  const get = async (path: string) => {
    requested.push(path);
    await gate;
    return index.files.get(path) ?? null;
  };
  const ranking = rankQuery('Service 7 stops when the disk is full', {}, figures, get);
  await new Promise((done) => setImmediate(done));
  // Nothing has been answered yet: what was asked is the first round.
  const firstRound = [...requested];
  release();
  const { results } = await ranking;
  assert.equal(results[0]!.number, 300007);
  const [s] = sentencesOf('Service 7 stops when the disk is full');
  assert.ok(firstRound.includes(fullTextPaths.sentences(shardOfSentence(s!.fingerprint))), firstRound.join(' '));
  assert.ok(firstRound.some((p) => p.startsWith('/search/index/t/')));

  const short = indexOf(articles);
  await short.rank('disk is full now');
  assert.ok(short.fetched.length > 0);
  assert.ok(!short.fetched.some((p) => p.startsWith('/search/index/s/')), short.fetched.join(' '));
});

test(`a sentence held by more than ${MAX_SENTENCE_ARTICLES} articles is boilerplate: not indexed`, () => {
  const boilerplate = 'Microsoft has confirmed this to be a problem in the products listed.';
  const kept = 'Restart the server after you install the service pack.';
  const articles = Array.from({ length: MAX_SENTENCE_ARTICLES + 1 }, (_, i) => article(400000 + i, `Article ${i}`, `${boilerplate} ${i < MAX_SENTENCE_ARTICLES ? kept : ''}`));
  const index = buildFullTextIndex(articles);
  const holders = (text: string) => {
    const [s] = sentencesOf(text);
    const shard = shardOfSentence(s!.fingerprint);
    return decodeSentenceShard(index.files.get(fullTextPaths.sentences(shard))!, shard, new Set([s!.fingerprint])).get(s!.fingerprint);
  };
  assert.equal(holders(boilerplate), undefined);
  assert.equal(holders(kept)?.length, MAX_SENTENCE_ARTICLES);
  assert.equal(index.state.boilerplate.length, 1);
});

test('a sentence shard decodes to what was written', () => {
  fc.assert(fc.property(
    fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 40 }),
    fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 999_999 }), { minLength: 1, maxLength: 5 }), { minLength: 40, maxLength: 40 }),
    fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    (values, lists, absent) => {
      const shard = 7;
      const fps = [...new Set(values.map((v) => v - (v % SENTENCE_SHARDS) + shard))].filter((f) => f < 2 ** 32).sort((a, b) => a - b);
      const entries = fps.map((fingerprint, i) => ({ fingerprint, numbers: [...lists[i]!].sort((a, b) => a - b) }));
      const bytes = encodeSentenceShard(entries);
      const missing = absent - (absent % SENTENCE_SHARDS) + shard;
      const found = decodeSentenceShard(bytes, shard, new Set([...fps, missing]));
      for (const e of entries) assert.deepEqual(found.get(e.fingerprint), e.numbers);
      if (!fps.includes(missing)) assert.equal(found.has(missing), false);
    },
  ));
});

test('an edit to one article rewrites only the sentence shards of the sentences it gained or lost', () => {
  const FILLER = 'The administrator reviewed the configuration of the server and the network before the change was made.';
  const articles = Array.from({ length: 60 }, (_, i) => article(100000 + i, `Article about topic ${i}`, `${FILLER} Component ${i} writes its log to the disk.`));
  const before = buildFullTextIndex(articles).files;
  const body = `${FILLER} Component 7 writes its log to the disk. Zebras graze quietly near the old server room.`;
  const edited = articles.map((a, i) => (i === 7 ? article(100007, 'Article about topic 7', body) : a));
  const after = buildFullTextIndex(edited).files;
  const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
  const changed = [...after.keys()].filter((path) => path.startsWith('/search/index/s/') && !same(before.get(path), after.get(path)!));
  const old = new Set(articles[7]!.terms.sentences);
  const now = new Set(edited[7]!.terms.sentences);
  const moved = [...now].filter((f) => !old.has(f)).concat([...old].filter((f) => !now.has(f)));
  assert.deepEqual(moved, [fnv1a('zebra graze quietli near the old server room')]);
  assert.deepEqual(changed, [fullTextPaths.sentences(shardOfSentence(moved[0]!))]);
});

test('a run of words with no sentence end is bounded: no fingerprint over the longest sentence, a few comma tails', () => {
  // A wrapped dump of 60,000 comma-separated values: a hash of the rest at every comma was quadratic (an hour for 4 MiB).
  const dump = Array.from({ length: 60_000 }, (_, i) => `v${i % 97}`).join(', ');
  const sentences = sentencesOf(dump);
  assert.ok(sentences.length <= MAX_TAILS, `${sentences.length} fingerprints`);
  for (const s of sentences) assert.ok(s.terms.length >= MIN_SENTENCE_TOKENS && s.terms.length <= MAX_SENTENCE_TOKENS, `${s.terms.length} tokens`);
  // A sentence of ordinary length keeps its fingerprint and its tails.
  const message = sentencesOf('When the relay starts, the queue is opened, and the gizmo reports that the port is in use.');
  assert.ok(message.some((s) => s.whole) && message.filter((s) => !s.whole).length >= 2);
});
