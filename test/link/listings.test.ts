/**
 * The event listings behind /events/<id>/ and /events/sources/<slug>/ (issue #21): per source, its spellings with
 * their article counts, the articles that describe the event, apart from them the articles naming it through a
 * cited article's title (`via`), and the entries as logged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildListings } from '../../scripts/link/listings.ts';
import type { ArticleRecord, EventMessage, EventRef } from '../../scripts/types.ts';
import { testRecord } from '../helpers/records.ts';

const record = (number: number, events: EventRef[], eventMessages: EventMessage[] = []): ArticleRecord =>
  testRecord(number, `Article ${number}`, { events, eventMessages, lastModified: null, year: null, product: null });

const listings = buildListings([
  record(100001, [{ source: 'GizmoIMC', id: 7001 }], [{ source: 'GizmoIMC', id: 7001, type: 'Error', message: 'The gizmo queue could not be opened.' }]),
  record(100002, [{ source: 'GizmoIMC', id: 7001 }]),
  record(100003, [{ source: 'GizmoImc', id: 7001 }]),
  record(100004, [{ source: null, id: 7001, via: 'Q100009', viaTitle: 'Gizmo Stops with Event 7001' }, { source: null, id: 7002 }]),
  record(100005, [{ source: null, id: 7003, via: 'Q100001', viaTitle: 'An event named only through a citation' }]),
], (slug) => slug);

test('an event\'s source group: spellings by use, the articles that describe it, and those naming it through a citation apart', () => {
  const event = listings.events.find((e) => e.id === 7001)!;
  const gizmo = event.sources.find((s) => s.key === 'gizmoimc')!;
  assert.equal(gizmo.name, 'GizmoIMC', 'the spelling most articles use');
  assert.deepEqual(gizmo.spellings, [{ spelling: 'GizmoIMC', articles: 2 }, { spelling: 'GizmoImc', articles: 1 }]);
  assert.deepEqual(gizmo.articles, ['Q100001', 'Q100002', 'Q100003']);
  assert.deepEqual(gizmo.messages, [{ article: 'Q100001', type: 'Error', message: 'The gizmo queue could not be opened.' }]);
  const unnamed = event.sources.find((s) => s.key === '')!;
  assert.deepEqual(unnamed.articles, [], 'a fix list does not describe the event');
  assert.deepEqual(unnamed.via, [{ article: 'Q100004', cited: 'Q100009', title: 'Gizmo Stops with Event 7001' }]);
  assert.equal(event.articleCount, 4, 'three describe it, one names it through a citation');
});

test('an event named only through a citation has its page; source pages list only events the articles describe', () => {
  const only = listings.events.find((e) => e.id === 7003)!;
  assert.deepEqual(only.sources.map((s) => ({ articles: s.articles, via: s.via.map((v) => v.cited) })), [{ articles: [], via: ['Q100001'] }]);
  const source = listings.sources.find((s) => s.key === 'gizmoimc')!;
  assert.deepEqual(source.spellings, [{ spelling: 'GizmoIMC', articles: 2 }, { spelling: 'GizmoImc', articles: 1 }]);
  assert.deepEqual(source.events.map((e) => e.id), [7001]);
  assert.equal(source.articleCount, 3);
});
