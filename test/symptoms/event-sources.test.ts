import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalEventSource, eventSourceKey, eventSourceSlug } from '../../scripts/symptoms/event-sources.ts';

test('one key for every spelling of a source', () => {
  for (const s of ['MSExchangeMTA', 'MS Exchange MTA', 'MsExchangeMTA', 'MSEXchangeMTA', ' msexchangemta ']) assert.equal(eventSourceKey(s), 'msexchangemta');
  assert.equal(eventSourceKey('MSExchangeIS Private'), 'msexchangeisprivate');
  assert.notEqual(eventSourceKey('…'), '');
});
test('slugs are URL-safe and shared by all spellings', () => {
  assert.equal(eventSourceSlug('Service Control Manager'), 'servicecontrolmanager');
  assert.equal(eventSourceSlug('_Exchange Inter-Org Synch'), eventSourceSlug('Exchange InterOrg Synch'));
  assert.match(eventSourceSlug('ÄÖ/..'), /^[a-z0-9-]+$/);
});
test('canonical spelling for known sources, as written otherwise', () => {
  assert.equal(canonicalEventSource('MSexchangeDS'), 'MSExchangeDS');
  assert.equal(canonicalEventSource('Netlogon'), 'NETLOGON');
  assert.equal(canonicalEventSource(' FooSvc '), 'FooSvc');
});
