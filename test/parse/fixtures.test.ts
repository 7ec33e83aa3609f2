/**
 * Fixture tests by behaviour: each folder of `test/fixtures/parse/` holds an `input.md` written in the KB page
 * format (never real article text), the expected HTML outline (`output.outline`) and the expected record
 * fields (`expected.json`). `UPDATE=1 npx tsx --test test/parse/fixtures.test.ts` rewrites the expectations:
 * review the diff before committing.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../scripts/parse/index.ts';
import { outline } from './outline.ts';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/parse');
const update = process.env.UPDATE === '1';

/** Every fixture plays article Q99001 unless its folder has an `id` file. */
function sourceOf(folder: string) {
  const idFile = join(folder, 'id');
  const id = existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : 'Q99001';
  const n = id.slice(1).padStart(6, '0');
  const text = readFileSync(join(folder, 'input.md'), 'utf8');
  return { path: `kb/${n.slice(0, 3)}/${id}/README.md`, folderId: id, text, encoding: 'utf-8', bytes: Buffer.byteLength(text) };
}

for (const name of readdirSync(fixtures).sort()) {
  const folder = join(fixtures, name);
  if (!existsSync(join(folder, 'input.md'))) continue;
  test(`fixture: ${name}`, () => {
    const article = parseArticle(sourceOf(folder));
    const actualOutline = outline(article.bodyHtml);
    const actual = {
      frontMatter: article.frontMatter,
      raw: article.raw,
      sections: article.sections,
      rules: Object.fromEntries(Object.entries(article.rules).sort(([a], [b]) => a.localeCompare(b))),
      diagnostics: article.diagnostics,
      bodyText: article.bodyText.split('\n'),
    };
    const outlineFile = join(folder, 'output.outline');
    const expectedFile = join(folder, 'expected.json');
    if (update || !existsSync(expectedFile)) {
      writeFileSync(outlineFile, actualOutline);
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    }
    assert.equal(actualOutline, readFileSync(outlineFile, 'utf8'), `${name}: HTML structure`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')), `${name}: record fields`);
  });
}
