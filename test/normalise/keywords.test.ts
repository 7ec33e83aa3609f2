import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseKeywords, splitKeywords } from '../../scripts/normalise/keywords.ts';
import { collectingReport } from '../../scripts/normalise/report.ts';

test('union of header and footer, in order of first appearance', () => {
  assert.deepEqual(normaliseKeywords('kbAlpha kbBeta', 'kbBeta kbGamma'), ['kbAlpha', 'kbBeta', 'kbGamma']);
});

test('deduplicated case-insensitively keeping the first spelling', () => {
  assert.deepEqual(normaliseKeywords('kbSetUp kbsetup', 'KBSETUP kbOther'), ['kbSetUp', 'kbOther']);
});

test('split on whitespace, commas and |', () => {
  assert.deepEqual(splitKeywords('a,b | c\td  e'), ['a', 'b', 'c', 'd', 'e']);
});

test('a header token cut short is repaired from the footer (kbVC2 / kbVC22)', () => {
  const report = collectingReport('x');
  assert.deepEqual(normaliseKeywords('kbVC10 kbVC2', 'kbVC10 kbVC22 kbVC33', report), ['kbVC10', 'kbVC22', 'kbVC33']);
  assert.equal(report.rules['kb:keyword-cut-repaired'], 1);
});

test('a lone cut "kb" at the end is completed to the footer keyword in its place', () => {
  assert.deepEqual(normaliseKeywords('kbone kbtwo kb', 'kbone kbtwo kbthree kbfour'), ['kbone', 'kbtwo', 'kbthree', 'kbfour']);
});

test('glued header tokens are repaired from the footer (kbusagekbfaq)', () => {
  const report = collectingReport('x');
  assert.deepEqual(normaliseKeywords('kbusagekbfaq', 'kbusage kbfaq', report), ['kbusage', 'kbfaq']);
  assert.equal(report.rules['kb:keyword-glued-repaired'], 1);
});

test('glued and cut at once', () => {
  assert.deepEqual(normaliseKeywords('kbA kbGroupkbbu', 'kbA kbGroup kbbuglist kbfixlist'), ['kbA', 'kbGroup', 'kbbuglist', 'kbfixlist']);
});

test('a cut is only allowed for the last header token; otherwise the token is kept as written', () => {
  assert.deepEqual(normaliseKeywords('kbVC2 kbOther', 'kbVC22 kbOther'), ['kbVC2', 'kbOther', 'kbVC22']);
});

test('no footer: header tokens as written', () => {
  assert.deepEqual(normaliseKeywords('kbOne kbTwo', undefined), ['kbOne', 'kbTwo']);
});

test('MSPL: columns split, ENDUSER and the disc keyword kept, support-request ids dropped', () => {
  assert.deepEqual(normaliseKeywords('ENDUSER | SR# S880101-12 B_QuickBas | mspl13_basic', undefined), [
    'ENDUSER',
    'B_QuickBas',
    'mspl13_basic',
  ]);
  assert.deepEqual(normaliseKeywords('ENDUSER | TAR12345 | mspl13_c', undefined), ['ENDUSER', 'mspl13_c']);
  assert.deepEqual(normaliseKeywords('ENDUSER | | mspl13_masm', undefined), ['ENDUSER', 'mspl13_masm']);
  assert.deepEqual(normaliseKeywords('ENDUSER | s_c, h_masm | mspl13_c', undefined), ['ENDUSER', 's_c', 'h_masm', 'mspl13_c']);
});

test('no keyword contains whitespace', () => {
  for (const k of normaliseKeywords(' a  b\tc ', 'd\te , f')) assert.doesNotMatch(k, /\s/);
});

test('empty and absent', () => {
  assert.deepEqual(normaliseKeywords(undefined, undefined), []);
  assert.deepEqual(normaliseKeywords('', ''), []);
});
