/**
 * Property tests (fast-check) for the front-matter reader and the header/footer normalisers (issue #6): for any
 * input they return, never throw, and what they return keeps its documented shape. The unit tests pin the
 * corpus's spellings; these say what must hold for everything else a folder of files can hold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readFrontMatter } from '../../scripts/parse/front-matter.ts';
import { parseArticle } from '../../scripts/parse/index.ts';
import {
  buildRecord,
  canonicalPermalink,
  collectingReport,
  normaliseDate,
  normaliseKeywords,
  normaliseVersions,
  splitKeywords,
} from '../../scripts/normalise/index.ts';
import type { ParsedArticle } from '../../scripts/types.ts';

/** Any text, including astral characters, lone surrogates and control characters. */
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
/** Text built from the pieces the parsers react to, so the interesting branches are reached often. */
const pieces = (words: string[]) => fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((p) => p.join(''));

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

test('normaliseDate: any text gives null with a warning, or a real calendar date', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, pieces(['-', '0', '1', '2', '29', '31', 'FEB', 'feb', '2000', '1900', ' ', 'X'])), (value) => {
      const report = collectingReport('f');
      const iso = normaliseDate(value, report);
      if (iso === null) {
        assert.equal(report.diagnostics.length, 1);
        assert.match(report.diagnostics[0]!.rule, /^kb:date-(missing|invalid)$/);
        assert.match(report.diagnostics[0]!.message, /^Last Modified: /);
      } else {
        assert.match(iso, /^\d{4}-\d{2}-\d{2}$/);
        // The date exists: it survives a round trip through the calendar.
        assert.equal(new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10), iso);
        assert.deepEqual(report.diagnostics, []);
      }
    }),
    { numRuns: 2000 },
  );
});

test('normaliseDate: every real DD-MON-YYYY date is read, in any letter case', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }), fc.boolean(), (d, lower) => {
      const mon = MONTHS[d.getUTCMonth()]!;
      const text = `${d.getUTCDate()}-${lower ? mon.toLowerCase() : mon}-${d.getUTCFullYear()}`;
      assert.equal(normaliseDate(text), d.toISOString().slice(0, 10));
    }),
  );
});

test('normaliseVersions: any header and footer give sorted, unique, trimmed, non-empty items', () => {
  const value = fc.oneof(anyText, pieces(['WINDOWS:', 'winnt:', '3.1', '4.0', ',', ';', ' ', ':', 'SP1', 'MACINTOSH', '..']));
  fc.assert(
    fc.property(fc.option(value, { nil: undefined }), fc.option(value, { nil: undefined }), (header, footer) => {
      const versions = normaliseVersions(header, footer, collectingReport('f'));
      assert.deepEqual(versions, [...new Set(versions)].sort());
      for (const v of versions) {
        assert.ok(v !== '' && v === v.trim(), JSON.stringify(v));
        assert.ok(!/[;\n]/.test(v), JSON.stringify(v));
      }
    }),
    { numRuns: 1000 },
  );
});

test('normaliseVersions: PLATFORM:v1,v2 groups become lower-cased platform:version items, whatever the spacing', () => {
  const platform = fc.constantFrom('WINDOWS', 'WinNT', 'MS-DOS', 'MACINTOSH', 'os/2');
  const version = fc.stringMatching(/^[1-9]\d?\.\d{1,2}[a-z]?$/);
  const gap = fc.constantFrom('', ' ', '  ');
  fc.assert(
    fc.property(fc.array(fc.tuple(platform, fc.array(version, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 4 }), gap, (groups, g) => {
      const value = groups.map(([p, vs]) => `${p}${g}:${g}${vs.join(`${g},${g}`)}`).join(`${g};${g}`);
      const expected = [...new Set(groups.flatMap(([p, vs]) => vs.map((v) => `${p.toLowerCase()}:${v}`)))].sort();
      assert.deepEqual(normaliseVersions(value, undefined), expected);
    }),
  );
});

test('normaliseKeywords: any header and footer give unique tokens, keeping every footer keyword', () => {
  const value = fc.oneof(anyText, pieces(['kb', 'kbprb', 'kbbug', 'kbusage', 'kbfaq', ' ', ',', '|', 'SR#', ' S891010-116', 'TAR55548', 'mspl13_basic']));
  fc.assert(
    fc.property(fc.option(value, { nil: undefined }), fc.option(value, { nil: undefined }), (header, footer) => {
      const keywords = normaliseKeywords(header, footer, collectingReport('f'));
      const keys = keywords.map((k) => k.toLowerCase());
      assert.equal(new Set(keys).size, keys.length, 'deduplicated case-insensitively');
      for (const k of keywords) assert.ok(k !== '' && !/[\s,|]/.test(k), JSON.stringify(k));
      // Nothing the footer says is lost (the footer is the complete list: header tokens are repaired from it).
      for (const f of splitKeywords(footer)) assert.ok(keys.includes(f.toLowerCase()), `${f} kept`);
    }),
    { numRuns: 1000 },
  );
});

test('readFrontMatter: any text gives data (a plain object), no front matter, or an error with a rule and a line', () => {
  const text = fc.oneof(
    anyText,
    fc.tuple(fc.constantFrom('---\n', '---yaml\n', '---js\n', '---\r\n', '----\n', '--- \n'), anyText, fc.constantFrom('\n---\n', '\n', '---', ''), anyText).map((p) => p.join('')),
  );
  fc.assert(
    fc.property(text, (value) => {
      const r = readFrontMatter(value);
      if (r.error) {
        assert.match(r.error.rule, /^kb:front-matter-(yaml|language|unclosed)$/);
        assert.ok(r.error.line >= 1 && r.error.reason.length > 0);
      } else {
        assert.equal(Object.getPrototypeOf(r.data), Object.prototype);
        assert.ok(r.contentLine >= 1);
      }
    }),
    { numRuns: 2000 },
  );
});

test('readFrontMatter: any title written as a YAML string reads back exactly', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (title) => {
      const r = readFrontMatter(`---\ntitle: ${JSON.stringify(title)}\npermalink: /kb/900/Q900001/\n---\nbody\n`);
      assert.equal(r.error, undefined);
      assert.equal(r.data.title, title);
    }),
    { numRuns: 500 },
  );
});

test('readFrontMatter: only YAML is ever read; other languages are refused, never run', () => {
  fc.assert(
    fc.property(fc.constantFrom('js', 'javascript', 'coffee', 'toml', 'json', 'cson', 'anything'), (language) => {
      const r = readFrontMatter(`---${language}\n{ title: (globalThis.__kbPropertyEval = 1, "x") }\n---\nbody\n`);
      assert.equal(r.error?.rule, 'kb:front-matter-language');
      assert.equal((globalThis as Record<string, unknown>).__kbPropertyEval, undefined);
    }),
  );
});

/** A parsed article with the given front matter and header values, for buildRecord. */
function parsed(frontMatter: Record<string, unknown>, header: ParsedArticle['raw']['header'], footer: Record<string, string>): ParsedArticle {
  const text = '## Q900001: Heading Title\n';
  return {
    source: { path: 'kb/900/Q900001/README.md', folderId: 'Q900001', text, encoding: 'utf-8', bytes: text.length },
    frontMatter,
    plainText: '',
    raw: { header, footer, appliesTo: [], queryWords: null },
    sections: [],
    bodyHtml: '',
    bodyText: '',
    rules: {},
    diagnostics: [],
  };
}

test('buildRecord: any front matter and header values give a record at the canonical address, with a real title', () => {
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyText, fc.constantFrom('../../etc/', '/kb/900/Q900002/', '/kb/900/Q900001/', 'https://evil.example/', '{{ page.url }}'));
  const field = fc.option(fc.oneof(anyText, pieces(['Q900001', 'Q900002', ' ', '01-JAN-2000', '<script>', '..'])), { nil: undefined });
  fc.assert(
    fc.property(value, value, field, field, field, field, field, (title, permalink, article, product, versions, keywords, lastModified) => {
      const { record, diagnostics } = buildRecord(
        parsed({ title, permalink }, { article, product, versions, keywords, lastModified }, { keywords: keywords ?? '' }),
        { events: [], eventMessages: [], errorCodes: [], errorMessages: [], references: [] },
      );
      assert.ok(record);
      assert.equal(record.id, 'Q900001');
      assert.equal(record.permalink, canonicalPermalink('Q900001'));
      assert.ok(typeof record.title === 'string' && record.title !== '');
      assert.ok(record.product === null || (record.product !== '' && record.product === record.product.trim()));
      assert.ok(record.lastModified === null || /^\d{4}-\d{2}-\d{2}$/.test(record.lastModified));
      for (const d of diagnostics) {
        assert.equal(d.severity, 'warning');
        assert.ok(d.message.length > 20 && !d.message.includes('undefined'), d.message);
      }
    }),
    { numRuns: 1000 },
  );
});

test('header lines with any values: the article still parses and builds, one warning per bad field', () => {
  const value = fc.oneof(anyText.map((s) => s.replace(/[\r\n]/g, ' ')), fc.constantFrom('', ' ', 'x', '31-FEB-2000', '{{ 7*7 }}', '<img src=x onerror=alert(1)>'));
  fc.assert(
    fc.property(value, value, value, value, (product, versions, keywords, lastModified) => {
      const lines = [`Article: Q900001`, `Product(s): ${product}`, `Version(s): ${versions}`, `Keyword(s): ${keywords}`, `Last Modified: ${lastModified}`, '', 'The body text.'];
      const text = `---\ntitle: "Q900001: t"\npermalink: /kb/900/Q900001/\n---\n## Q900001: t\n\n{% raw %}\n${lines.map((l) => `\t${l}`).join('\n')}\n{% endraw %}\n`;
      const article = parseArticle({ path: 'kb/900/Q900001/README.md', folderId: 'Q900001', text, encoding: 'utf-8', bytes: text.length });
      const { record, diagnostics } = buildRecord(article, { events: [], eventMessages: [], errorCodes: [], errorMessages: [], references: [] });
      assert.ok(record, JSON.stringify(article.diagnostics));
      assert.equal(record.product, product.trim() === '' ? null : record.product);
      const dateWarnings = diagnostics.filter((d) => d.rule.startsWith('kb:date-'));
      assert.equal(dateWarnings.length, record.lastModified === null ? 1 : 0);
    }),
    { numRuns: 300 },
  );
});

test('readFrontMatter: a `__proto__` key is data, not a way to change every object', () => {
  const r = readFrontMatter('---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\ntitle: t\n---\nbody\n');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(r.data), Object.prototype);
  assert.equal(r.data.title, 't');
});
