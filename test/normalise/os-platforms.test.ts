import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseOs } from '../../scripts/normalise/os.ts';
import { normalisePlatforms, platformName } from '../../scripts/normalise/platforms.ts';

test('os: split on , ; |, trimmed, empties dropped', () => {
  assert.deepEqual(normaliseOs('MS-DOS | OS/2'), ['MS-DOS', 'OS/2']);
  assert.deepEqual(normaliseOs('WINDOWS, winnt;  UNIX '), ['WINDOWS', 'winnt', 'UNIX']);
  assert.deepEqual(normaliseOs('MS-DOS |'), ['MS-DOS']);
  assert.deepEqual(normaliseOs(''), []);
  assert.deepEqual(normaliseOs(undefined), []);
});

test('os: exact repeats listed once', () => {
  assert.deepEqual(normaliseOs('OS/2 | OS/2'), ['OS/2']);
});

test('platform names', () => {
  const cases: [string, string][] = [
    ['WINDOWS', 'Windows'],
    ['windows', 'Windows'],
    ['winnt', 'Windows NT'],
    ['WinNT', 'Windows NT'],
    ['windows nt', 'Windows NT'],
    ['nt', 'Windows NT'],
    ['ms-dos', 'MS-DOS'],
    ['MS- DOS', 'MS-DOS'],
    ['MS_DOS', 'MS-DOS'],
    ['DOS', 'MS-DOS'],
    ['win95', 'Windows 95'],
    ['Win2000', 'Windows 2000'],
    ['WIN3X', 'Windows 3.x'],
    ['macintosh', 'Macintosh'],
    ['MAC', 'Macintosh'],
    ['os/2', 'OS/2'],
    ['0S/2', 'OS/2'],
    ['OS2', 'OS/2'],
    ['UNIX', 'UNIX'],
  ];
  for (const [raw, name] of cases) assert.equal(platformName(raw), name, raw);
});

test('not platforms', () => {
  assert.equal(platformName('IIS'), null);
  assert.equal(platformName('5.10'), null);
  assert.equal(platformName(''), null);
});

test('platforms from version groups and OS: unique, sorted', () => {
  assert.deepEqual(normalisePlatforms(['windows', 'winnt', 'WINNT'], ['MS-DOS', 'OS/2', '1.00']), ['MS-DOS', 'OS/2', 'Windows', 'Windows NT']);
  assert.deepEqual(normalisePlatforms(['windows|macintos'], []), ['Macintosh', 'Windows']);
  assert.deepEqual(normalisePlatforms([], []), []);
});
