import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate, yearOf } from '../../scripts/normalise/dates.ts';
import { collectingReport } from '../../scripts/normalise/report.ts';

test('DD-MON-YYYY → ISO', () => {
  assert.equal(normaliseDate('07-SEP-2001'), '2001-09-07');
  assert.equal(normaliseDate('31-DEC-1999'), '1999-12-31');
});

test('a 1-digit day', () => {
  assert.equal(normaliseDate('3-MAR-1990'), '1990-03-03');
});

test('month case does not matter; surrounding spaces are trimmed', () => {
  assert.equal(normaliseDate(' 15-jan-1998 '), '1998-01-15');
});

test('leap years', () => {
  assert.equal(normaliseDate('29-FEB-2000'), '2000-02-29');
  const report = collectingReport('f');
  assert.equal(normaliseDate('29-FEB-1999', report), null);
  assert.equal(report.diagnostics[0]?.rule, 'kb:date-invalid');
});

test('invalid values → null and a warning naming the field', () => {
  for (const bad of ['32-JAN-2000', '00-JAN-2000', '12-FOO-2000', '2000-01-12', '12/01/2000', 'yesterday']) {
    const report = collectingReport('f');
    assert.equal(normaliseDate(bad, report), null, bad);
    assert.equal(report.diagnostics.length, 1, bad);
    assert.equal(report.diagnostics[0]?.rule, 'kb:date-invalid');
    assert.match(report.diagnostics[0]?.message ?? '', /Last Modified/);
    assert.equal(report.diagnostics[0]?.severity, 'warning');
  }
});

test('missing → null and a warning', () => {
  const report = collectingReport('f');
  assert.equal(normaliseDate(undefined, report), null);
  assert.equal(report.diagnostics[0]?.rule, 'kb:date-missing');
});

test('yearOf', () => {
  assert.equal(yearOf('1989-08-09'), 1989);
  assert.equal(yearOf(null), null);
});
