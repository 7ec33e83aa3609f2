/** The query parser the search page bundles (scripts/index/query.ts): every form issue #4 names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKUP_ARTICLES, lookupPaths, parseQuery, shardOf, type ErrorShard } from '../../scripts/index/query.ts';
import { writeLookups } from '../../scripts/index/lookups.ts';

test('article numbers in every form', () => {
  for (const q of ['Q182346', '182346', 'KB182346', 'kb 182346', ' q182346 ']) assert.equal(parseQuery(q).article, 'Q182346', q);
  assert.equal(parseQuery('Q10022').article, 'Q10022');
  assert.equal(parseQuery('dhcp lease').article, null);
});

test('event IDs, with the source when one is given', () => {
  for (const q of ['4087', 'event 4087', 'Event ID 4087', 'event id: 4087']) assert.deepEqual(parseQuery(q).event, { id: 4087, sourceKey: null, source: null }, q);
  assert.deepEqual(parseQuery('MSExchangeIMC 4087').event, { id: 4087, sourceKey: 'msexchangeimc', source: 'MSExchangeIMC' });
  assert.deepEqual(parseQuery('MSExchangeIMC event ID 4087').event, { id: 4087, sourceKey: 'msexchangeimc', source: 'MSExchangeIMC' });
  assert.equal(parseQuery('Service Control Manager 7000').event?.sourceKey, 'servicecontrolmanager');
  assert.equal(parseQuery('0x80004005').event, null);
  assert.equal(parseQuery('error 2140').event, null);
});

test('error codes in every form get the keys the articles were indexed under', () => {
  for (const q of ['0x80004005', '80004005', '-2147467259']) assert.equal(parseQuery(q).errorCodes[0], '0x80004005', q);
  assert.deepEqual(parseQuery('STOP 0x0000000A').errorCodes, ['stop-0x0000000a']);
  assert.ok(parseQuery('0xA').errorCodes.includes('stop-0x0000000a'));
  assert.deepEqual(parseQuery('error 2140').errorCodes, ['error-2140']);
  assert.ok(parseQuery('2140').errorCodes.includes('error-2140'));
  assert.deepEqual(parseQuery('LNK2001').errorCodes, ['lnk2001']);
  assert.deepEqual(parseQuery('excel macro').errorCodes, []);
});

test('shards are stable and spread', () => {
  assert.equal(shardOf('0x80004005', 64), shardOf('0x80004005', 64));
  const used = new Set(Array.from({ length: 1000 }, (_, i) => shardOf(String(i), 32)));
  assert.equal(used.size, 32);
});

test('an error code\'s lookup lists its first 100 articles, those naming it in their title first, and counts them all', async () => {
  const ids = Array.from({ length: 240 }, (_, i) => `Q${100000 + i}`);
  // Every tenth article names the code in its title, the rest only in their text.
  const titles = new Map(ids.map((id, i) => [id, i % 10 === 9 ? `STOP 0x0000000A after setup (${i})` : `Setup notes (${i})`]));
  const written = new Map<string, string>();
  await writeLookups(async (path, content) => void written.set(path, String(content)), {
    titles,
    listings: { events: [], errors: [{ code: 'stop-0x0000000a', display: 'STOP 0x0000000A', kind: 'stop', articles: ids }] },
  });
  const shard = JSON.parse(written.get(lookupPaths.errorShard('stop-0x0000000a'))!) as ErrorShard;
  const entry = shard['stop-0x0000000a']!;
  assert.equal(entry.count, 240);
  assert.equal(entry.articles.length, LOOKUP_ARTICLES);
  const named = ids.filter((_, i) => i % 10 === 9);
  assert.deepEqual(entry.articles.slice(0, named.length).map(([id]) => id), named, 'the 24 that name it in their title come first');
  assert.deepEqual(entry.articles.slice(named.length).map(([id]) => id), ids.filter((_, i) => i % 10 !== 9).slice(0, LOOKUP_ARTICLES - named.length));
});
