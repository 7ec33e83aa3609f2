/** Issue #21: the event as logged (`eventMessages`), on entries written for these tests in the corpus's layouts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractEventMessages, joinMessage, MAX_MESSAGE_LENGTH } from '../../scripts/symptoms/event-messages.ts';
import { extractEvents } from '../../scripts/symptoms/events.ts';
import { extractSymptoms } from '../../scripts/symptoms/index.ts';
import { input } from './helpers.ts';

const msg = (source: string | null, id: number, type: string | null, message: string) => ({ source, id, type, message });
const messages = (body: string) => extractEventMessages(input(body));

describe('extractEventMessages: layouts', () => {
  test('NT4 block, description wrapped until the blank line', () => {
    const text = ['  Event ID: 8101', '  Source: GizmoSvc', '  Type: Error', '  Category: Startup', '  Description: The gizmo could not',
      '  start because   the sprocket was missing.', '', 'The article goes on here.'].join('\n');
    assert.deepEqual(messages(text), [msg('GizmoSvc', 8101, 'Error', 'The gizmo could not start because the sprocket was missing.')]);
  });
  test('no spaces after the colons; `Description:` alone with its text on the next lines', () => {
    assert.deepEqual(messages('  Event ID:8102\n  Source:GizmoSvc\n  Type:Warning\n  Description:\n  Sprocket low.'), [msg('GizmoSvc', 8102, 'Warning', 'Sprocket low.')]);
  });
  test('Windows 2000 block with Date/Time/User/Computer', () => {
    const text = ['  Event Type:Information', '  Event Source: GizmoSvc', '  Event Category:None', '  Event ID:8103', '  Date:1/2/2001',
      '  Time:1:02:03 PM', '  User:N/A', '  Computer:GIZMO1', '  Description: The gizmo started.'].join('\n');
    assert.deepEqual(messages(text), [msg('GizmoSvc', 8103, 'Information', 'The gizmo started.')]);
  });
  test('Event Viewer columns, then the description after a blank line', () => {
    const text = ['  Date:     <date>         Event ID: 8104', '  Time:     <time>         Source:   GizmoSvc', '  User:     N/A            Type:     Error',
      '  Computer: <Server>       Category: Sprockets', '', '  Description:', '  The sprocket queue is full.'].join('\n');
    assert.deepEqual(messages(text), [msg('GizmoSvc', 8104, 'Error', 'The sprocket queue is full.')]);
  });
  test('one-line entries, the Q200092 form with its message quoted in the next block, `Event:` labels', () => {
    assert.deepEqual(messages('  Event ID: 8105 Source: GizmoSvc Description: The gizmo is tired.'), [msg('GizmoSvc', 8105, null, 'The gizmo is tired.')]);
    assert.deepEqual(messages('  ID: 8106, Source: GizmoSvc, Type: Error,\n\n  "The gizmo could not be\n  started"'), [msg('GizmoSvc', 8106, 'Error', 'The gizmo could not be started')]);
    assert.deepEqual(messages('  Source: GizmoSvc\n  Event: 8107\n  Category: Startup\n  Description: Started.'), [msg('GizmoSvc', 8107, null, 'Started.')]);
  });
  test('an id line without colon takes the source the event patterns found on it', () => {
    assert.deepEqual(messages('  Event Id 8108 - Source: GizmoSvc\n  Description: Partial sync done.'), [msg('GizmoSvc', 8108, null, 'Partial sync done.')]);
    assert.deepEqual(messages('  Event ID 8109\n  Source GizmoSvc\n  Type Error\n  Description: No sprocket.'), [msg('GizmoSvc', 8109, 'Error', 'No sprocket.')]);
  });
  test('several entries in one block; sorted by id then source (null first)', () => {
    const text = ['  Event ID: 8111', '  Source: Zeta', '  Description: second.', '  Event ID: 8110', '  Description: first.', '  Event ID: 8111',
      '  Source: Alpha', '  Description: third.'].join('\n');
    assert.deepEqual(messages(text), [msg(null, 8110, null, 'first.'), msg('Alpha', 8111, null, 'third.'), msg('Zeta', 8111, null, 'second.')]);
  });
  test('explanations after the entry are not its description', () => {
    assert.deepEqual(messages('  Event ID: 8112\n  Source: GizmoSvc\n  Description: Gizmo up.\n  Cause: The administrator started it.'), [msg('GizmoSvc', 8112, null, 'Gizmo up.')]);
  });
  test('no description, no id, a citation, or prose: no message', () => {
    for (const text of ['  Event ID: 8113\n  Source: GizmoSvc\n  Type: Error', '  Source: GizmoSvc\n  Description: no id here',
      '  Q123456 GIZ: Event ID 8114\n  Description: not this article\'s', 'The Description: field of Event ID 8115 is empty.']) {
      assert.deepEqual(messages(text), [], text);
    }
  });
  test('long descriptions are cut at a word near 600 characters', () => {
    const long = joinMessage([`${'sprocket '.repeat(100)}end`]);
    assert.ok(long.length <= MAX_MESSAGE_LENGTH && long.endsWith('…') && !long.includes('  '), long);
    assert.equal(joinMessage(['"Quoted', 'text."']), 'Quoted text.');
  });
  test('every logged (id, source) is also in events, and extractSymptoms carries the messages', () => {
    const text = '  Event Category: Logons\n\n  Event ID:       8116\n\n  Event Source:   GizmoSvc\n\n  Description:\n  Logged on.';
    assert.deepEqual(extractEventMessages(input(text)), [msg('GizmoSvc', 8116, null, 'Logged on.')]);
    assert.deepEqual(extractEvents(input(text)), [{ source: 'GizmoSvc', id: 8116 }]);
    assert.deepEqual(extractSymptoms(input(text)).eventMessages, [msg('GizmoSvc', 8116, null, 'Logged on.')]);
  });
  test('never throws', () => {
    assert.deepEqual(extractEventMessages({ id: 'Q1', title: undefined as unknown as string, bodyText: null as unknown as string, queryWords: null, product: null }), []);
  });
});
