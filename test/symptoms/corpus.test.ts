/**
 * The extractors against the real corpus, read at test time (never committed). Expected values were checked by
 * reading each article; counts are plausibility bands around FORMAT §6/§8 and `measure.ts`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { symptomInputFromReadme } from '../../scripts/symptoms/corpus-input.ts';
import { extractSymptoms } from '../../scripts/symptoms/index.ts';
import { eventSourceKey } from '../../scripts/symptoms/event-sources.ts';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';
import { realInput } from './helpers.ts';

const ev = (source: string | null, id: number) => ({ source, id });

describe('real articles', () => {
  test('Q182346: Source/Event/Category block → MSExchangeIMC 4087 (the title\'s bare "Event 4087" folds into it)', () => {
    assert.deepEqual(extractSymptoms(realInput('Q182346')).events, [ev('MSExchangeIMC', 4087)]);
  });
  test('Q139643: NT4 block without spaces; HRESULT in the description', () => {
    const s = extractSymptoms(realInput('Q139643'));
    assert.deepEqual(s.events, [ev('MSExchangeIS', 2011)]);
    assert.deepEqual(s.errorCodes.map((c) => c.code), ['0x80040115']);
  });
  test('Q150843: Event IDs N and N (title)', () => {
    assert.deepEqual(extractSymptoms(realInput('Q150843')).events, [ev(null, 2635), ev(null, 2748)]);
  });
  test('Q142497: "logs event 684 and 685" in prose', () => {
    assert.deepEqual(extractSymptoms(realInput('Q142497')).events, [ev(null, 684), ev(null, 685)]);
  });
  test('Q129730: "DHCP Events 1010, 1016, and 1014" in the title', () => {
    assert.deepEqual(extractSymptoms(realInput('Q129730')).events, [ev('DHCP', 1010), ev('DHCP', 1014), ev('DHCP', 1016)]);
  });
  test('Q110666: "Event 624, SNA Server, Warning, …" lines', () => {
    const events = extractSymptoms(realInput('Q110666')).events;
    assert.ok(events.some((e) => e.id === 624 && e.source === 'SNA Server'));
    assert.ok(events.some((e) => e.id === 650 && e.source === 'SNA Server'));
  });
  test('Q322829: Event Viewer detail columns give MSExchangeIMC 3039', () => {
    assert.ok(extractSymptoms(realInput('Q322829')).events.some((e) => e.id === 3039 && e.source === 'MSExchangeIMC'));
  });
  test('Q106153: STOP: C0000218 without 0x', () => {
    assert.ok(extractSymptoms(realInput('Q106153')).errorCodes.some((c) => c.code === 'stop-0xc0000218'));
  });
  test('Q26796: error A2027 and its message', () => {
    const s = extractSymptoms(realInput('Q26796'));
    assert.deepEqual(s.errorCodes.map((c) => c.code), ['a2027']);
    assert.deepEqual(s.errorMessages, ['error A2027: Operand expected']);
  });
  test('Q10022 cites Q151261; Q300197 cites through scid=kb;EN-US;q154512; Kyocera Q8010 is no citation', () => {
    assert.deepEqual(extractSymptoms(realInput('Q10022')).references, ['Q151261']);
    assert.ok(extractSymptoms(realInput('Q300197')).references.includes('Q154512'));
    assert.deepEqual(extractSymptoms(realInput('Q84252')).references, []);
  });
});

describe('whole corpus', () => {
  test('scale is plausible and fast', () => {
    const root = realCorpusDir();
    const paths = realArticlePaths();
    const ids = new Set(paths.map((p) => p.split('/')[2]!));
    let withEvents = 0;
    let withRefs = 0;
    let citations = 0;
    let resolved = 0;
    const eventIds = new Set<number>();
    const sources = new Set<string>();
    const started = performance.now();
    let spent = 0;
    for (const path of paths) {
      const input = symptomInputFromReadme(readFileSync(join(root, path), 'utf8'));
      const t0 = performance.now();
      const s = extractSymptoms(input);
      spent += performance.now() - t0;
      if (s.events.length > 0) withEvents++;
      for (const e of s.events) {
        assert.ok(Number.isInteger(e.id) && e.id >= 0 && e.id <= 65535, `${input.id}: event id ${e.id}`);
        eventIds.add(e.id);
        if (e.source !== null) sources.add(eventSourceKey(e.source));
      }
      if (s.references.length > 0) withRefs++;
      assert.ok(!s.references.includes(input.id), `${input.id} cites itself`);
      citations += s.references.length;
      resolved += s.references.filter((r) => ids.has(r)).length;
    }
    assert.ok(paths.length > 59000, `${paths.length} articles`);
    assert.ok(withEvents >= 1800 && withEvents <= 2600, `${withEvents} articles with events`);
    assert.ok(eventIds.size >= 1000 && eventIds.size <= 1500, `${eventIds.size} distinct event ids`);
    assert.ok(sources.size >= 150 && sources.size <= 350, `${sources.size} distinct sources`);
    assert.ok(withRefs >= 12000 && withRefs <= 15000, `${withRefs} articles with references`);
    assert.ok(resolved / citations > 0.7, `${resolved}/${citations} citations resolve`);
    // Generous: the extractors take ~3–5 s for the corpus on a loaded 2-core machine.
    assert.ok(spent < 30000, `extractors took ${Math.round(spent)} ms (total ${Math.round(performance.now() - started)} ms)`);
  });
});
