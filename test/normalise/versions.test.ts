import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseVersions, parseVersionGroups, pickVersionsValue } from '../../scripts/normalise/versions.ts';
import { collectingReport } from '../../scripts/normalise/report.ts';

test('PRODUCT.md example: WINDOWS:97; winnt:4.0', () => {
  assert.deepEqual(normaliseVersions('WINDOWS:97; winnt:4.0', undefined), ['windows:97', 'winnt:4.0']);
});

test('platform lower-cased, versions split on commas, sorted', () => {
  assert.deepEqual(normaliseVersions('WINNT:4.0,3.51', undefined), ['winnt:3.51', 'winnt:4.0']);
});

test('bare list: no platform, bare versions', () => {
  assert.deepEqual(normaliseVersions('2.0,1.0,1.5a', undefined), ['1.0', '1.5a', '2.0']);
});

test('versions separated by spaces are separate items, also mixed with commas', () => {
  assert.deepEqual(normaliseVersions('7.1 7.2 7.2b', undefined), ['7.1', '7.2', '7.2b']);
  assert.deepEqual(normaliseVersions('WINDOWS:8.x, 9.x, 9.5', undefined), ['windows:8.x', 'windows:9.5', 'windows:9.x']);
});

test('; without a following space', () => {
  assert.deepEqual(normaliseVersions('OS/2:2.1;WINDOWS:3.2', undefined), ['os/2:2.1', 'windows:3.2']);
});

test('later group without platform gives bare versions; leading : means no platform', () => {
  assert.deepEqual(normaliseVersions('MS-DOS:2.5,2.6; :8.0,8.1', undefined), ['8.0', '8.1', 'ms-dos:2.5', 'ms-dos:2.6']);
  assert.deepEqual(normaliseVersions(undefined, ':3.3,3.4'), ['3.3', '3.4']);
});

test('PLATFORM: with nothing yields no version but keeps the platform group', () => {
  assert.deepEqual(normaliseVersions('winnt:', undefined), []);
  assert.deepEqual(parseVersionGroups('winnt:'), [{ platform: 'winnt', items: [] }]);
});

test('service packs and words stay with the version before them', () => {
  assert.deepEqual(normaliseVersions(':1.0,2.0 (all SP),2.5 SP2', undefined), ['1.0', '2.0 (all SP)', '2.5 SP2']);
  assert.deepEqual(normaliseVersions('4.20 and later', undefined), ['4.20 and later']);
  assert.deepEqual(normaliseVersions('1.10 1.20 and later', undefined), ['1.10', '1.20 and later']);
  assert.deepEqual(normaliseVersions('for March 1994', undefined), ['for March 1994']);
  assert.deepEqual(normaliseVersions('1995 edition', undefined), ['1995 edition']);
});

test('| columns are split into bare versions, duplicates dropped', () => {
  assert.deepEqual(normaliseVersions('1.50 2.00 | 2.00 2.50', undefined), ['1.50', '2.00', '2.50']);
});

test('platform whitespace tidied; pipe-joined platforms share items; placeholders mean no platform', () => {
  assert.deepEqual(normaliseVersions('MS- DOS:3.3', undefined), ['ms-dos:3.3']);
  assert.deepEqual(normaliseVersions('WINDOWS NT:3.5', undefined), ['windows nt:3.5']);
  assert.deepEqual(normaliseVersions('WINDOWS|MACINTOS:2.0', undefined), ['macintos:2.0', 'windows:2.0']);
  assert.deepEqual(normaliseVersions('N\\A:1.1; WINDOWS:2.0', undefined), ['1.1', 'windows:2.0']);
});

test('a platform named inside a group switches the platform', () => {
  assert.deepEqual(normaliseVersions('windows:98, macintosh:2.0', undefined), ['macintosh:2.0', 'windows:98']);
});

test('a cut header is completed from the footer', () => {
  const report = collectingReport('x');
  assert.deepEqual(normaliseVersions('MS-DOS:5.0; WINDOWS NT:1.0,2.', 'MS-DOS:5.0; WINDOWS NT:1.0,2.0,3.0', report), [
    'ms-dos:5.0',
    'windows nt:1.0',
    'windows nt:2.0',
    'windows nt:3.0',
  ]);
  assert.equal(report.rules['kb:versions-completed'], 1);
  assert.equal(report.diagnostics.length, 0);
});

test('footer with leading : and equal header: no note, no warning', () => {
  const report = collectingReport('x');
  assert.equal(pickVersionsValue('3.0,3.1', ':3.0,3.1', report), ':3.0,3.1');
  assert.equal(pickVersionsValue('', ':', report), ':');
  assert.deepEqual(report.rules, {});
});

test('header and footer that disagree: the header, with a warning naming the field', () => {
  const report = collectingReport('kb/001/Q1234/README.md');
  assert.deepEqual(normaliseVersions('WINDOWS:1.0', 'WINDOWS:2.0', report), ['windows:1.0']);
  assert.equal(report.diagnostics[0]?.rule, 'kb:versions-mismatch');
  assert.match(report.diagnostics[0]?.message ?? '', /Version\(s\)/);
});

test('empty and absent values', () => {
  assert.deepEqual(normaliseVersions(undefined, undefined), []);
  assert.deepEqual(normaliseVersions('', ''), []);
  assert.deepEqual(normaliseVersions(' ; ;', undefined), []);
});
