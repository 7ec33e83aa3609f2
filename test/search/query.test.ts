/** The query parser the search page bundles (scripts/index/query.ts): every form issue #4 names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, shardOf } from '../../scripts/index/query.ts';

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
