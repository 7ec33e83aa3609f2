import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseIssueType, normaliseSolutionType, normaliseTechnology } from '../../scripts/normalise/footer.ts';
import { normaliseQueryWords } from '../../scripts/normalise/query-words.ts';
import { collectingReport } from '../../scripts/normalise/report.ts';

test('issue type: the value, null when absent or empty', () => {
  assert.equal(normaliseIssueType('kbprb'), 'kbprb');
  assert.equal(normaliseIssueType(undefined), null);
  assert.equal(normaliseIssueType('  '), null);
});

test('issue type: multi-valued → the first known, counted', () => {
  const report = collectingReport('f');
  assert.equal(normaliseIssueType('kbhowto kbinfo', report), 'kbhowto');
  assert.equal(report.rules['kb:issue-type-multiple'], 1);
});

test('issue type: junk and product tokens skipped', () => {
  assert.equal(normaliseIssueType('kbzzzjunkthatgoesonandon kbinfo'), 'kbinfo');
  assert.equal(normaliseIssueType('kbbug kbsomeproduct2000'), 'kbbug');
});

test('issue type: nothing known → null and a warning naming the field', () => {
  const report = collectingReport('f');
  assert.equal(normaliseIssueType('kbnonsense', report), null);
  assert.equal(report.diagnostics[0]?.rule, 'kb:issue-type-unknown');
  assert.match(report.diagnostics[0]?.message ?? '', /Issue type/);
});

test('solution type', () => {
  assert.equal(normaliseSolutionType('kbfix'), 'kbfix');
  assert.equal(normaliseSolutionType('kbpending kbnofix'), 'kbpending');
  assert.equal(normaliseSolutionType(undefined), null);
});

test('technology items', () => {
  assert.deepEqual(normaliseTechnology('kbAudDeveloper kbOne  kbone kbTwo '), ['kbAudDeveloper', 'kbOne', 'kbTwo']);
  assert.deepEqual(normaliseTechnology(undefined), []);
});

test('query words', () => {
  assert.deepEqual(normaliseQueryWords('widget  Tuning, widget 2.0'), ['widget', 'Tuning', '2.0']);
  assert.deepEqual(normaliseQueryWords(null), []);
  assert.deepEqual(normaliseQueryWords(''), []);
  assert.deepEqual(normaliseQueryWords('kbwidget KBSubcategory: spin'), ['kbwidget', 'spin']);
});
