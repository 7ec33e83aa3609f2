/** The small pure pieces of the recogniser, one behaviour per test. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEscapes } from '../../scripts/parse/escapes.ts';
import { findCitations } from '../../scripts/parse/kbrefs.ts';
import { isColumnRule, listMarker, ruleChar, toLine } from '../../scripts/parse/lines.ts';
import { isProseQuote, layoutOf } from '../../scripts/parse/layout.ts';
import { slugger, slugify } from '../../scripts/parse/slug.ts';
import { unwrapRaw } from '../../scripts/parse/unwrap.ts';

const lines = (...texts: string[]) => texts.map((text, i) => toLine(text, i + 1));

test('list markers: numbers, letters, bullets; not versions or bare markers', () => {
  assert.deepEqual(listMarker(toLine('1. Click Start', 1)), { kind: 'ordered', ordinal: 1, indent: 0, content: 3, textStart: 3 });
  assert.equal(listMarker(toLine('   b. Then this', 1))?.kind, 'lettered');
  assert.equal(listMarker(toLine('   b. Then this', 1))?.ordinal, 2);
  assert.equal(listMarker(toLine('- item', 1))?.kind, 'bullet');
  assert.equal(listMarker(toLine('* item', 1))?.kind, 'bullet');
  assert.equal(listMarker(toLine('5.2   Multiple-Thread Libraries', 1)), null);
  assert.equal(listMarker(toLine('e.g. this', 1)), null);
  assert.equal(listMarker(toLine('1.', 1)), null);
  assert.equal(listMarker(toLine('100. Too many digits', 1)), null);
  assert.equal(listMarker(toLine('0. Zero', 1)), null);
});

test('rules and column rules', () => {
  assert.equal(ruleChar('====='), '=');
  assert.equal(ruleChar('--'), null);
  assert.equal(ruleChar('==-=='), null);
  assert.equal(isColumnRule(toLine('----   -------  --', 1)), true);
  assert.equal(isColumnRule(toLine('-------', 1)), false);
});

test('layouts are recognised from their lines', () => {
  assert.equal(layoutOf(lines('+---+', '| a |', '+---+')), 'box');
  assert.equal(layoutOf(lines('Event ID: 1', 'Source: X')), 'eventlog');
  assert.equal(layoutOf(lines('Event ID: 2011  Source: Srv')), 'eventlog');
  assert.equal(layoutOf(lines('Name    Size', 'a.txt   10')), 'table');
  assert.equal(layoutOf(lines('HKEY_LOCAL_MACHINE\\Software')), 'registry');
  assert.equal(layoutOf(lines('C:\\>dir /s')), 'command');
  assert.equal(layoutOf(lines('#include <stdio.h>')), 'code');
  assert.equal(layoutOf(lines('ARTICLE-ID: Q100108', 'TITLE     : Something')), 'fields');
  assert.equal(layoutOf(lines('This is prose that wraps onto', 'a second line.')), null);
});

test('an indented run is prose only when it is wrapped sentences', () => {
  const prose = lines(
    '   The widget service must be stopped before the catalogue is moved to another',
    '   drive, otherwise the service rebuilds it.',
  );
  assert.equal(isProseQuote(prose), true);
  assert.equal(isProseQuote(lines('   Error 42: cannot open')), false);
  assert.equal(isProseQuote(lines('   short', '   lines')), false);
});

test('citations: 5-6 digit ids and the split URL; not 4 or 7 digits or glued', () => {
  const ids = (text: string) => findCitations(text).map((c) => c.id);
  assert.deepEqual(ids('see Q123456 and Q12345.'), ['Q123456', 'Q12345']);
  assert.deepEqual(ids('ARTICLE-ID: Q100108'), ['Q100108']);
  assert.deepEqual(ids('http://x/support/kb/articles/Q151/8/60.asp'), ['Q151860']);
  assert.deepEqual(ids('Kyocera Q8010, Q2200510=QMS-PS, XQ123456'), []);
});

test('generator escapes decode to their characters; low bytes stay text', () => {
  assert.deepEqual(decodeEscapes('a<A0>b<B7>c<7F>'), { text: 'a\u00a0b\u00b7c', count: 3 });
  assert.deepEqual(decodeEscapes('WIDGET<1C> <00> <20> <F5> <CD>'), { text: 'WIDGET<1C> <00> <20> <F5> <CD>', count: 0 });
});

test('heading slugs are unique within a page', () => {
  const slug = slugger();
  assert.deepEqual(['CAUSE', 'CAUSE', 'Cause 2', '???'].map(slug), ['cause', 'cause-2', 'cause-2-2', 'section']);
  assert.equal(slugify('MORE INFORMATION'), 'more-information');
});

test('unwrap: raw wrapper stripped as text, one TAB removed, heading dropped', () => {
  const u = unwrapRaw('\n## Q1: T\n\n{% raw %}\n\n\tA {{ x }}\n\t\tB {% y %}\n\n{% endraw %}\n');
  assert.equal(u.plainText, '\nA {{ x }}\n\tB {% y %}');
  assert.equal(u.heading, 'Q1: T');
  assert.deepEqual(u.problems, []);
  assert.equal(unwrapRaw('\n## Q1: T\n\n\tText\n').problems[0]?.rule, 'raw-missing');
});
