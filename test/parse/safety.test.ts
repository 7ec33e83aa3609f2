/**
 * What must hold for any input, not just the corpus: parseArticle never throws, article text only ever
 * becomes escaped text in a fixed set of elements, front matter is never run as code, and gray-matter's
 * unbounded cache is never filled.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import matter from 'gray-matter';
import { parseArticle } from '../../scripts/parse/index.ts';
import type { SourceFile } from '../../scripts/types.ts';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/parse');
/** The elements the parse stage may emit; anything else in bodyHtml came from article text. */
const ALLOWED = new Set(['h2', 'h3', 'p', 'pre', 'a', 'ol', 'ul', 'li', 'blockquote', 'strong', 'br', 'hr']);

function source(text: string): SourceFile {
  return { path: 'kb/099/Q99001/README.md', folderId: 'Q99001', text, encoding: 'utf-8', bytes: text.length };
}

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
}

/** KB-ish lines: the pieces the recogniser reacts to, mixed with markup and noise. */
const kbLine = fc.oneof(
  fc.constantFrom(
    'Article: Q99001', 'Last Modified: 01-JAN-2000', '', '  ', 'SYMPTOMS', '========', '-----', '----  ----',
    '1. Step one', 'a. Sub step', '- bullet', '* star', '   indented code;', '+----+', '| x |', 'Event ID: 1',
    'Source: X', 'HKEY_LOCAL_MACHINE\\X', 'C:\\>dir', 'Q123456 Title', '<script>alert(1)</script>', '<!-- x -->',
    '{{ x }}', '{% raw %}', '{% endraw %}', '<A0><7F><1C>', '=' .repeat(70), 'Keywords          : kb',
    '-'.repeat(79), 'The information in this article applies to:', 'Additional query words: x', '---', '## Q1: t',
  ),
  fc.string({ maxLength: 40 }),
);
const kbText = fc.array(kbLine, { maxLength: 40 }).map((lines) => lines.map((l) => `\t${l}`).join('\n'));

test('never throws and never emits markup from the text, for arbitrary KB-like pages', () => {
  fc.assert(
    fc.property(fc.boolean(), fc.boolean(), kbText, (front, wrap, body) => {
      const text = `${front ? '---\ntitle: "Q99001: t"\n---\n\n' : ''}## Q99001: t\n\n${wrap ? `{% raw %}\n${body}\n{% endraw %}\n` : body}`;
      const article = parseArticle(source(text));
      for (const tag of tagsOf(article.bodyHtml)) assert.ok(ALLOWED.has(tag), `unexpected <${tag}> in ${article.bodyHtml}`);
      assert.ok(!article.bodyHtml.includes('<!--'));
      assert.equal(typeof article.bodyText, 'string');
    }),
    { numRuns: 500 },
  );
});

test('never throws on arbitrary strings', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (text) => {
      const article = parseArticle(source(text));
      assert.ok(Array.isArray(article.diagnostics));
    }),
    { numRuns: 1000 },
  );
});

test('a `---js` front matter is rejected, not evaluated', () => {
  const article = parseArticle(source(readFileSync(resolve(fixtures, 'front-matter-js/input.md'), 'utf8')));
  assert.equal((globalThis as Record<string, unknown>).__kbEvaluated, undefined);
  assert.equal(article.diagnostics[0]?.rule, 'kb:front-matter-language');
  assert.equal(article.diagnostics[0]?.severity, 'rejected');
});

test('gray-matter is always given options, so its cache stays empty', () => {
  parseArticle(source(readFileSync(resolve(fixtures, 'frame-kb-dialect/input.md'), 'utf8')));
  const cache = (matter as unknown as { cache: Record<string, unknown> }).cache;
  assert.equal(Object.keys(cache).length, 0);
});
