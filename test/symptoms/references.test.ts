import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractReferences } from '../../scripts/symptoms/references.ts';
import { input } from './helpers.ts';

const refs = (text: string, extra = {}) => extractReferences(input(text, extra));

describe('extractReferences (FORMAT §8)', () => {
  test('R1 indented lines, R2 dashes, R3 ARTICLE-ID, R8 inline', () => {
    assert.deepEqual(refs('  Q123456 HOWTO: Do a Thing\n  Q234567: Another Thing\n- Q345678 A Third\nARTICLE-ID: Q45678\nsee Q56789.'),
      ['Q123456', 'Q234567', 'Q345678', 'Q45678', 'Q56789']);
  });
  test('R4 KB article with a bare number', () => {
    assert.deepEqual(refs('Please read KB article 306460 and Knowledge Base article Q151261.'), ['Q151261', 'Q306460']);
  });
  test('R5 split URL, R6 scid URL, R7 hotfix names', () => {
    assert.deepEqual(refs('(http://support.microsoft.com/support/kb/articles/q140/3/41.asp)'), ['Q140341']);
    assert.deepEqual(refs('http://support.microsoft.com/default.aspx?scid=kb;EN-US;q154512'), ['Q154512']);
    assert.deepEqual(refs('Run Q220816.exe or get /downloads/critical/q274149/default.asp'), ['Q220816', 'Q274149']);
  });
  test('excludes the article itself; sorted unique', () => {
    assert.deepEqual(refs('Q999999 and Q200000 and Q100000 and Q200000', { id: 'Q999999' }), ['Q100000', 'Q200000']);
  });
  test('traps: 4 or 7 digits, glued words, plain "article number"', () => {
    assert.deepEqual(refs('Kyocera Q8010, Q2200510=QMS-PS, MSQ123456, Q123456A, article number 16922'), []);
  });
});
