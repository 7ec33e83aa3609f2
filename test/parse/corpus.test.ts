/**
 * The whole real corpus (59,132 articles, extracted at test time, never committed) through parseArticle:
 * nothing throws, every article yields a body, and no frame line (header, applies-to, query words, footer)
 * leaks into the body. Failures are collected and the first ones listed, so one run shows the pattern.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseArticle } from '../../scripts/parse/index.ts';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';

/** Header lines as the generator writes them (a body may wrap a sentence before `Article:`, so the value counts). */
const HEADER_LINE = /^(Article: Q\d+|Product\(s\): .|Version\(s\): .|Operating System\(s\): .|Keyword\(s\): .|Last Modified: \d{1,2}-[A-Z]{3}-\d{4})/m;
const FOOTER_LINE = /^(Keywords|Technology|Version|Issue type|Solution Type|Hardware|Component|Platform) {2,}: /m;
/** The footer's rules: `=`×70 directly over a label line, `=`×77 closing the text. Other long `=` lines are body
 *  (MSPL banners, boxed titles, a last heading underlined with 77 `=`). */
const FOOTER_RULE = /^={70}\n[A-Z][A-Za-z ]+ {2,}: |\n\n={77}\s*$/;
/** The framed block's opening; the words alone also start ordinary sentences and lists in some bodies. */
const APPLIES_TO_INTRO = /^-{40,}\nThe information in this article applies to:/m;

test('every real article parses, with its frame kept out of the body', { timeout: 120_000 }, () => {
  const root = realCorpusDir();
  const paths = realArticlePaths();
  assert.ok(paths.length > 59_000, `expected the full corpus, found ${paths.length} articles`);
  const failures: string[] = [];
  const fail = (path: string, why: string): void => {
    failures.push(`${path}: ${why}`);
  };
  for (const path of paths) {
    const folderId = path.split('/')[2]!;
    const text = readFileSync(join(root, path), 'utf8');
    const article = parseArticle({ path, folderId, text, encoding: 'utf-8', bytes: text.length });
    const { bodyHtml, bodyText, raw } = article;
    if (article.diagnostics.some((d) => d.severity === 'rejected')) fail(path, `rejected: ${JSON.stringify(article.diagnostics)}`);
    // An article whose text is only its frame says so with a warning; any other article must have a body.
    if (!bodyHtml && !article.diagnostics.some((d) => d.rule === 'kb:body-empty')) fail(path, 'no bodyHtml');
    if (raw.header.article !== folderId) fail(path, `Article: ${raw.header.article}`);
    if (!raw.header.lastModified) fail(path, 'no Last Modified');
    if (HEADER_LINE.test(bodyText)) fail(path, `header line in bodyText: ${HEADER_LINE.exec(bodyText)?.[0]}`);
    if (FOOTER_LINE.test(bodyText)) fail(path, `footer line in bodyText: ${FOOTER_LINE.exec(bodyText)?.[0]}`);
    if (FOOTER_RULE.test(bodyText)) fail(path, 'footer rule in bodyText');
    if (APPLIES_TO_INTRO.test(bodyText) || bodyHtml.includes('<hr>\n<p>The information in this article applies to:')) {
      fail(path, 'applies-to intro in body');
    }
    if (bodyText.includes('Additional query words:')) {
      // Only the one article that mentions the label inside a sentence may keep it (FORMAT.md §5).
      if (/^Additional query words:/m.test(bodyText)) fail(path, 'query words line in bodyText');
    }
    for (const needle of [`Article: ${folderId}`, `Last Modified: ${raw.header.lastModified}`, 'Keywords          :', 'Issue type        :']) {
      if (bodyHtml.includes(needle)) fail(path, `"${needle}" in bodyHtml`);
    }
    if (bodyHtml.includes('<script') || bodyHtml.includes('<!--')) fail(path, 'unescaped markup in bodyHtml');
  }
  assert.equal(failures.length, 0, `${failures.length} failures, first 15:\n${failures.slice(0, 15).join('\n')}`);
});
