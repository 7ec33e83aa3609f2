import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractEvents, findEvents } from '../../scripts/symptoms/events.ts';
import { input } from './helpers.ts';

const ev = (source: string | null, id: number) => ({ source, id });

describe('extractEvents: patterns (FORMAT §6)', () => {
  test('E1 spellings of Event ID', () => {
    for (const text of ['Event ID: 1000', 'Event ID=1000', 'EventID:1000', 'EVENT ID : 1000', 'the Event Id 1000 entry', 'Event ID #1000', 'Event ID number 1000']) {
      assert.deepEqual(extractEvents(input(`The log shows ${text} each hour.`)), [ev(null, 1000)], text);
    }
  });
  test('bracketed form takes the bracketed source', () => {
    assert.deepEqual(extractEvents(input('The description for Event ID [77] in Source [FooSvc] could not be found.')), [ev('FooSvc', 77)]);
  });
  test('E2/E6 lists, but not ranges', () => {
    assert.deepEqual(extractEvents(input('Watch for Event IDs 3001 and 3002.')), [ev(null, 3001), ev(null, 3002)]);
    assert.deepEqual(extractEvents(input('It logs events 501, 502, and 503.')), [ev(null, 501), ev(null, 502), ev(null, 503)]);
    assert.deepEqual(extractEvents(input('This page lists event IDs 100 through 900.')), []);
  });
  test('E3 `Event:` label and E4 `Event N:` / `Event N, Source, Type`', () => {
    assert.deepEqual(extractEvents(input('  Event: 321\n  Description: a thing failed')), [ev(null, 321)]);
    assert.deepEqual(extractEvents(input('  Event 88, SNA Server, Warning, something happened')), [ev('SNA Server', 88)]);
  });
  test('E5 prose, E7 `Event #N` / `event number N`, E8 `Event Error N`, title and query words', () => {
    assert.deepEqual(extractEvents(input('The service then logs event 42 and stops.')), [ev(null, 42)]);
    assert.deepEqual(extractEvents(input('See Event #43 and event number 44.')), [ev(null, 43), ev(null, 44)]);
    assert.deepEqual(extractEvents(input('', { title: 'Event Error 45 Logged at Startup' })), [ev(null, 45)]);
    assert.deepEqual(extractEvents(input('', { queryWords: 'netbeui event 46' })), [ev(null, 46)]);
  });
});

describe('extractEvents: sources', () => {
  test('NT4 block: Event ID then Source (no space after colons)', () => {
    assert.deepEqual(extractEvents(input('  Event ID:501\n  Source:MSExchangeIS\n  Type:Error')), [ev('MSExchangeIS', 501)]);
  });
  test('Source / Event / Category block', () => {
    assert.deepEqual(extractEvents(input('  Source: MSExchangeIMC\n  Event: 4001\n  Category: Initialization')), [ev('MSExchangeIMC', 4001)]);
  });
  test('Windows 2000 block', () => {
    const text = ['Event Type: Error', 'Event Source: MyService', 'Event Category: None', 'Event ID: 12'].join('\n');
    assert.deepEqual(extractEvents(input(text)), [ev('MyService', 12)]);
  });
  test('Event Viewer detail columns', () => {
    const text = ['  Date: 1/1/99        Event ID: 13', '  Time: 10:00 AM      Source: SomeDrv', '  User: N/A           Type: Error'].join('\n');
    assert.deepEqual(extractEvents(input(text)), [ev('SomeDrv', 13)]);
  });
  test('two records in one block pair with their own source lines', () => {
    const text = ['Event ID: 1', 'Source: Alpha', 'Event ID: 2', 'Source: Beta'].join('\n');
    assert.deepEqual(extractEvents(input(text)), [ev('Alpha', 1), ev('Beta', 2)]);
  });
  test('a source line in another block does not apply', () => {
    assert.deepEqual(extractEvents(input('Source: Alpha\n\nLater, Event ID 3 appears.')), [ev(null, 3)]);
  });
  test('one-line forms', () => {
    assert.deepEqual(extractEvents(input('  Event ID: 14  Source: Srv')), [ev('Srv', 14)]);
    assert.deepEqual(extractEvents(input('Event ID: 15 Source: Some Service Type: Error')), [ev('Some Service', 15)]);
    assert.deepEqual(extractEvents(input('Source: DCOM Event ID: 16 User: SYSTEM')), [ev('DCOM', 16)]);
  });
  test('a known source word before the ID, canonical spelling', () => {
    assert.deepEqual(extractEvents(input('Look for MsExchangeMTA Event ID 17 in the log.')), [ev('MSExchangeMTA', 17)]);
    assert.deepEqual(extractEvents(input('the netlogon event 18 appears')), [ev('NETLOGON', 18)]);
  });
  test('an unknown word before the ID is not a source', () => {
    assert.deepEqual(extractEvents(input('Windows NT Event ID 19 is logged.')), [ev(null, 19)]);
  });
  test('"from source X" needs a name-like word', () => {
    assert.deepEqual(extractEvents(input('Event ID 20 from source MyInstaller is logged.')), [ev('MyInstaller', 20)]);
    assert.deepEqual(extractEvents(input('Event ID 21 comes from source code that was changed.')), [ev(null, 21)]);
  });
  test('sourced entry wins over the bare mention of the same id; sorted by id then source', () => {
    const text = 'Server logs Event 4001.\n\n  Source: Zeta\n  Event ID: 4001\n\n  Source: Alpha\n  Event ID: 4001\n\nAlso event 7.';
    assert.deepEqual(extractEvents(input(text)), [ev(null, 7), ev('Alpha', 4001), ev('Zeta', 4001)]);
  });
  test('same source spelled two ways is one entry', () => {
    const text = '  Event ID: 30\n  Source: MSexchangeDS\n\n  Event ID: 30\n  Source: MSExchangeDS';
    assert.deepEqual(extractEvents(input(text)), [ev('MSExchangeDS', 30)]);
  });
});

describe('extractEvents: traps', () => {
  test('programming events have no number', () => {
    assert.deepEqual(extractEvents(input('Put the code in the Click event procedure; the Load event fires first.')), []);
  });
  test('glued names, BASIC ON UEVENT, severity, decimals, hex, big values, error numbers', () => {
    for (const text of ['Run EVENT1.BAS and Event32.dll', 'ON UEVENT GOSUB 100', 'X.400 Service Event, severity 14', 'event 10.67', 'setting event 000001A4', 'events 214992 and up', 'error 2140 occurred', 'RAS Event IDs begin with a prefix']) {
      assert.deepEqual(extractEvents(input(text)), [], text);
    }
  });
  test('citation lines name another article\'s events: kept with `via`, never paired with the block\'s source', () => {
    assert.deepEqual(extractEvents(input('  Q123456 XADM: Service Stops with Event 9999')), [{ source: null, id: 9999, via: 'Q123456', viaTitle: 'XADM: Service Stops with Event 9999' }]);
    assert.deepEqual(extractEvents(input('  Source: FooSvc\n  Q123456 XADM: Service Stops with Event 9999')), [{ source: null, id: 9999, via: 'Q123456', viaTitle: 'XADM: Service Stops with Event 9999' }]);
  });
  test('never throws on odd input', () => {
    assert.deepEqual(extractEvents({ id: 'Q1', title: undefined as unknown as string, bodyText: null as unknown as string, queryWords: null, product: null }), []);
  });
  test('hits carry context for measuring', () => {
    const [hit] = findEvents(input('  Event ID: 5 happened'));
    assert.equal(hit?.context, 'Event ID: 5 happened');
    assert.equal(hit?.rule, 'event-id');
  });
});
