/**
 * The full-text index (issue #19) from articles written here, through the same functions the build and the browser
 * use: terms made as the parse workers make them (articleTerms), files as the build writes them (buildFullTextIndex),
 * queries ranked as the page ranks them (rankQuery), over the files in memory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFullTextIndex, type IndexArticle } from '../../scripts/index/full-text/write-index.ts';
import { together } from '../../scripts/index/full-text/rank.ts';
import { decodeShard, fullTextPaths, HEAD_POSTINGS, shardOfTerm, SHARDS } from '../../scripts/index/full-text/format.ts';
import { queryTerms, tokenize } from '../../scripts/index/full-text/tokens.ts';
import { phraseIn, snippetOf } from '../../scripts/index/full-text/snippet.ts';
import { article, indexOf } from './in-memory-index.ts';

const FILLER = 'The administrator reviewed the configuration of the server and the network before the change was made.';

test('tokens keep what administrators type: joined identifiers whole and as parts, numbers whole, words stemmed', () => {
  assert.deepEqual(queryTerms('Kbstuff.sys'), ['kbstuff.sys', 'kbstuff', 'sy']);
  assert.deepEqual(queryTerms('0x80004005 STOP 0x0000000A'), ['0x80004005', 'stop', '0x0000000a']);
  assert.deepEqual(queryTerms('MSExchangeIMC NTLDR 4087'), ['msexchangeimc', 'ntldr', '4087']);
  assert.deepEqual(queryTerms('expired expires expiring'), ['expir']);
  assert.deepEqual(queryTerms("don't"), ['dont']);
  const [token] = tokenize('  Kbstuff.sys');
  assert.deepEqual({ start: token!.start, end: token!.end }, { start: 2, end: 13 });
});

test('every article term is indexed, body included, and found in the shard its hash names', () => {
  const body = `${'Introductory words. '.repeat(400)}The registry key UniqueDeepWord is read at the very end.`;
  const { index } = indexOf([article(100001, 'A title', body)]);
  assert.equal([...index.files.keys()].filter((p) => p.startsWith('/search/index/t/')).length, SHARDS);
  const shard = index.files.get(fullTextPaths.shard(shardOfTerm('uniquedeepword')))!;
  const entry = decodeShard(shard, new Set(['uniquedeepword'])).get('uniquedeepword');
  assert.deepEqual(entry?.postings.numbers, [100001]);
  assert.ok(entry.postings.blocks![0]![0]! > 40, 'its block is where it stands, deep in the body');
});

test('numbers match whole, never as prefixes', async () => {
  const { search } = indexOf([
    article(100001, 'Event 4087 is logged', FILLER),
    article(100002, 'Call (408) 325-7000 for help', FILLER),
    article(100003, 'Error 40871 appears', FILLER),
    article(100004, 'Version 4.087 of the tool', FILLER),
  ]);
  assert.deepEqual(await search('4087'), [100001]);
  assert.deepEqual(await search('408'), [100002]);
  assert.deepEqual(await search('325-7000'), [100002]);
});

test('the title weighs more than the body, and words that stand together more than words scattered', async () => {
  const { search } = indexOf([
    article(100001, 'Modem settings', `${FILLER} The lease of the address expired while the modem was idle.`),
    article(100002, 'DHCP lease expired', FILLER),
    article(100003, 'Routing notes', `The lease was renewed. ${FILLER} ${FILLER} ${FILLER} ${FILLER} Much later the certificate expired.`),
  ]);
  const ranked = await search('lease expired');
  assert.equal(ranked[0], 100002, 'in the title');
  assert.ok(ranked.indexOf(100001) < ranked.indexOf(100003), `together before scattered: ${ranked.join(' ')}`);
  assert.equal(together([{ weight: 2, blocks: [3] }, { weight: 1, blocks: [4] }]), 3);
  assert.equal(together([{ weight: 2, blocks: [3] }, { weight: 1, blocks: [9] }]), 0);
});

test('an article whose title holds every word of the query ranks above one that holds them in its text', async () => {
  const { search } = indexOf([
    // A long article: its title's words weigh less in it than they would in a short one.
    article(200001, 'Minimum requirements', FILLER.repeat(40)),
    article(200002, 'Requirements of the setup program', `${'Check the minimum requirements first. '.repeat(12)}${FILLER}`),
    article(200003, 'Network notes', FILLER),
  ]);
  assert.deepEqual((await search('minimum requirements')).slice(0, 2), [200001, 200002]);
});

test('a short query\'s word in a title as typed ranks above the same stem in another form', async () => {
  const { search, index } = indexOf([
    // The longer article would rank below on the words alone: only the form of `savings` lifts it.
    article(210001, 'Daylight savings time ends on the wrong date', FILLER.repeat(8)),
    article(210002, 'Daylight saving transition dates', FILLER),
    article(210003, 'Network notes', FILLER),
  ]);
  assert.deepEqual((await search('daylight savings')).slice(0, 2), [210001, 210002]);
  assert.deepEqual((await search('daylight saving')).slice(0, 2), [210002, 210001]);
  // The form is in the shard of its term: no request more.
  const shard = decodeShard(index.files.get(fullTextPaths.shard(shardOfTerm(tokenize('savings')[0]!.term)))!, new Set(['=savings']));
  assert.deepEqual(shard.get('=savings')?.postings.numbers, [210001]);
});

test('a common term keeps only its highest-impact postings in its shard; its tail holds the rest, read when needed', async () => {
  const many: IndexArticle[] = [];
  for (let i = 0; i < HEAD_POSTINGS + 200; i++) {
    // Short articles saying "printer" often have the highest impact; a few long ones mention it once.
    const long = i % 6 === 0;
    many.push(article(200000 + i, `Article ${i}`, long ? `${FILLER.repeat(20)} printer` : `printer printer ${FILLER}`, { productFamily: long ? 'windows-nt' : 'exchange' }));
  }
  const { index, search, fetched } = indexOf(many);
  const entry = decodeShard(index.files.get(fullTextPaths.shard(shardOfTerm('printer')))!, new Set(['printer'])).get('printer')!;
  assert.equal(entry.df, HEAD_POSTINGS + 200);
  assert.equal(entry.postings.numbers.length, HEAD_POSTINGS);
  assert.ok(entry.tail, 'a tail file is named');
  assert.ok(entry.postings.numbers.every((n) => (n - 200000) % 6 !== 0), 'the head holds the short articles, where the word weighs most');
  // Filtered to the long articles, the head alone finds none of them: the tail is read.
  const filtered = await search('printer', { family: 'windows-nt' });
  assert.equal(filtered.length, Math.ceil((HEAD_POSTINGS + 200) / 6));
  assert.ok(fetched.includes(fullTextPaths.tail(entry.tail)));
  assert.ok(fetched.includes(fullTextPaths.filter('family', 'windows-nt')));
});

test('filters narrow with words and browse without them', async () => {
  const { search } = indexOf([
    article(100001, 'Mail stops', FILLER, { productFamily: 'exchange', year: 1998 }),
    article(100002, 'Mail queue grows', FILLER, { productFamily: 'windows-nt', year: 1999 }),
    article(100003, 'Printer jams', FILLER, { productFamily: 'exchange', year: 1999, events: [{ id: 4087, source: 'MSExchangeIMC' }] }),
  ]);
  assert.deepEqual(await search('mail', { family: 'exchange' }), [100001]);
  assert.deepEqual(await search('', { family: 'exchange' }), [100003, 100001], 'browsing lists the newest numbers first');
  assert.deepEqual(await search('', { year: '1999', source: 'msexchangeimc' }), [100003]);
});

test('a quoted phrase needs its words; the page checks their order in the text', async () => {
  const { search } = indexOf([
    article(100001, 'One', `${FILLER} The mail service fails to start.`),
    article(100002, 'Two', `${FILLER} The service for mail is slow.`),
    article(100003, 'Three', `${FILLER} Nothing about it.`),
  ]);
  assert.deepEqual((await search('"mail service"')).sort(), [100001, 100002]);
  assert.ok(phraseIn('The mail service fails to start.', 'mail service'));
  assert.ok(!phraseIn('The service for mail is slow.', 'mail service'));
});

test('the snippet is the passage where the query matched, its words marked', () => {
  const text = `${'Opening words of the article. '.repeat(30)}Later the DHCP lease expired and clients lost their addresses. ${'Closing words. '.repeat(30)}`;
  const parts = snippetOf(text, new Map([['dhcp', 3], ['leas', 2], ['expir', 1]]));
  const marked = parts.filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marked, ['DHCP', 'lease', 'expired']);
  assert.match(parts.map((p) => p.text).join(''), /^… .*DHCP lease expired and clients .* …$/);
});

test('an edit to one article rewrites only the shards of its terms', () => {
  const articles = Array.from({ length: 60 }, (_, i) => article(100000 + i, `Article about topic ${i}`, `${FILLER} Word${i} appears here.`));
  const before = buildFullTextIndex(articles).files;
  const edited = articles.map((a, i) => (i === 7 ? article(100007, 'Article about topic 7', `${FILLER} Word7 appears here. Zebra.`) : a));
  const after = buildFullTextIndex(edited).files;
  const changed = [...after.keys()].filter((path) => !before.get(path)?.every((b, i) => after.get(path)![i] === b) || before.get(path)!.length !== after.get(path)!.length);
  assert.ok(changed.includes(fullTextPaths.shard(shardOfTerm('zebra'))));
  // The article's own terms move (its length changed); no other article's impacts do.
  const itsTerms = new Set(queryTerms(`Article about topic 7 ${FILLER} Word7 appears here. Zebra. Q100007 KB100007 Microsoft Exchange Server`).map(shardOfTerm));
  for (const path of changed) assert.ok([...itsTerms].some((shard) => fullTextPaths.shard(shard) === path), `${path} holds a term of the edited article`);
});

test('a message pasted from Event Viewer finds the article that quotes the entry, and via events weigh nothing', async () => {
  const message = 'The gizmo relay could not bind its listening socket to the configured port.';
  const { search } = indexOf([
    // The entry as the article quotes it is a symptom of the article: weighed as one, beyond the body's words.
    article(100001, 'Relay stops at startup', FILLER, { events: [{ source: 'GizmoRelay', id: 7301 }], eventMessages: [{ source: 'GizmoRelay', id: 7301, type: 'Error', message }] }),
    article(100002, 'Configuring the gizmo relay', `${FILLER} The relay opens a listening socket. Bind the port you configured. The gizmo could not be reached.`),
    // A fix list naming event 7302 in a cited article's title: not an article about 7302.
    article(100003, 'Fixes in the gizmo service pack', FILLER, { events: [{ source: null, id: 7302, via: 'Q100009', viaTitle: 'Relay Logs Event 7302' }] }),
    article(100004, 'Relay logs event 7302', `${FILLER} The relay logs event 7302 when its queue is full.`, { events: [{ source: null, id: 7302 }] }),
  ]);
  assert.equal((await search(message))[0], 100001);
  assert.equal((await search('7302'))[0], 100004, 'the article about the event first');
});
