/**
 * The normalisers on the real corpus, read at test time (never committed): a few articles that FORMAT.md
 * names for a rule, then a sweep of all 59,132. Expected values are either quoted by FORMAT.md/PRODUCT.md
 * or computed from the article's own footer at test time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';
import { buildRecord, type BuildRecordResult } from '../../scripts/normalise/record.ts';
import { PRODUCT_FAMILIES } from '../../scripts/normalise/product.ts';
import { splitKeywords } from '../../scripts/normalise/keywords.ts';
import { toParsedArticle } from './raw-fields.ts';
import { noSymptoms } from './fixture.ts';

const root = realCorpusDir();

/** `Q10022` → `kb/010/Q10022/README.md` (the number zero-padded to six, first three digits). */
function pathOf(id: string): string {
  return `kb/${id.slice(1).padStart(6, '0').slice(0, 3)}/${id}/README.md`;
}

function build(id: string): BuildRecordResult & { parsed: ReturnType<typeof toParsedArticle> } {
  const path = pathOf(id);
  const parsed = toParsedArticle(path, readFileSync(join(root, path), 'utf8'));
  return { ...buildRecord(parsed, noSymptoms), parsed };
}

test('the corpus is there', () => {
  assert.ok(existsSync(join(root, pathOf('Q10022'))));
});

test('kb/010/Q10022: the PRODUCT.md versions example', () => {
  const { record } = build('Q10022');
  assert.deepEqual(record?.versions, ['windows:97', 'winnt:4.0']);
  assert.deepEqual(record?.platforms, ['Windows', 'Windows NT']);
  assert.equal(record?.permalink, '/kb/010/Q10022/');
  assert.deepEqual(record?.titleTags, ['OFF97']);
});

test('kb/011/Q11997: a cut Version(s) header is completed from the footer', () => {
  const { record, rules, parsed } = build('Q11997');
  assert.equal(rules['kb:versions-completed'], 1);
  const header = parsed.raw.header.versions ?? '';
  const footer = parsed.raw.footer['version'] ?? '';
  assert.ok(footer.startsWith(header) && footer.length > header.length, 'the header is a cut prefix of the footer');
  // The cut item (`…,4.`) is gone; the footer's last item is there.
  const lastFooterItem = footer.split(',').pop() ?? '';
  assert.ok(record?.versions.includes(`windows nt:${lastFooterItem}`));
  assert.ok(!record?.versions.includes('windows nt:4.'));
});

test('kb/012/Q12049: glued header keywords are repaired from the footer', () => {
  const { record, rules, parsed } = build('Q12049');
  assert.equal(rules['kb:keyword-glued-repaired'], 1);
  assert.deepEqual(record?.keywords, splitKeywords(parsed.raw.footer['keywords']));
  assert.deepEqual(record?.keywords, ['kbusage', 'kbfaq']);
});

test('kb/011/Q11958: a header keyword cut at 87 characters is completed', () => {
  const { record, rules, parsed } = build('Q11958');
  assert.equal(rules['kb:keyword-cut-repaired'], 1);
  assert.ok(!record?.keywords.includes('kb'));
  for (const k of splitKeywords(parsed.raw.footer['keywords'])) assert.ok(record?.keywords.includes(k), k);
});

test('kb/011/Q11817: a 1-digit day; MSPL dialect and family from the mspl13_ keyword', () => {
  const { record } = build('Q11817');
  assert.equal(record?.lastModified, '1989-08-09');
  assert.equal(record?.year, 1989);
  assert.equal(record?.dialect, 'mspl');
  assert.equal(record?.productFamily, 'mspl-basic');
  assert.equal(record?.issueType, null);
});

test('kb/107/Q107637: service packs stay with their version; the footer : means bare versions', () => {
  const { record } = build('Q107637');
  assert.ok(record?.versions.includes('3.0 (all SP)'));
  assert.ok(record?.versions.includes('4.0 SP1'));
  assert.ok(record?.versions.every((v) => !v.startsWith(':')));
});

test('kb/010/Q10758: PLATFORM: with nothing gives no version but a platform', () => {
  const { record } = build('Q10758');
  assert.deepEqual(record?.versions, []);
  assert.deepEqual(record?.platforms, ['Windows NT']);
});

test('kb/012/Q12027 and kb/032/Q32891: title entities decoded', () => {
  assert.match(build('Q12027').record?.title ?? '', /^"Bad File Name"; OPEN "COM1:"/);
  assert.match(build('Q32891').record?.title ?? '', /^__fac /);
});

test('whole-corpus sweep', () => {
  const paths = realArticlePaths();
  assert.ok(paths.length >= 59_000, `${paths.length} articles`);
  const familySlugs = new Set(PRODUCT_FAMILIES.map((f) => f.slug));
  const problems: string[] = [];
  const fail = (path: string, what: string) => {
    if (problems.length < 20) problems.push(`${path}: ${what}`);
    else problems.push('');
  };
  let mspl = 0;
  let seeArticle = 0;
  for (const path of paths) {
    const parsed = toParsedArticle(path, readFileSync(join(root, path), 'utf8'));
    const { record, diagnostics } = buildRecord(parsed, noSymptoms);
    // The corpus is clean (FORMAT.md): any diagnostic here is a normaliser bug.
    for (const d of diagnostics) fail(path, `${d.rule}: ${d.message}`);
    if (record === null) {
      fail(path, 'no record');
      continue;
    }
    if (record.lastModified === null || !/^\d{4}-\d{2}-\d{2}$/.test(record.lastModified) || Number.isNaN(Date.parse(record.lastModified))) {
      fail(path, `lastModified ${record.lastModified}`);
    }
    if (record.year === null || record.year < 1988 || record.year > 2002) fail(path, `year ${record.year}`);
    for (const k of record.keywords) if (k === '' || /\s/.test(k)) fail(path, `keyword ${JSON.stringify(k)}`);
    for (const k of splitKeywords(parsed.raw.footer['keywords'])) {
      if (!record.keywords.some((r) => r.toLowerCase() === k.toLowerCase())) fail(path, `footer keyword ${k} lost`);
    }
    if (!familySlugs.has(record.productFamily) || record.productFamily === 'unknown') fail(path, `family ${record.productFamily}`);
    if (record.permalink !== parsed.frontMatter.permalink) fail(path, `permalink ${record.permalink}`);
    // Entities are decoded once: a title whose TXT source itself held `&amp;` (1 page, written `&amp;amp;`)
    // keeps it, as its author wrote it.
    const doubleEscaped = /&amp;(quot|amp|lt|gt|#\d+);/.test(String(parsed.frontMatter.title));
    if (/^Q\d+:/.test(record.title) || (/&(quot|amp|lt|gt|#\d+);/.test(record.title) && !doubleEscaped)) fail(path, `title ${record.title}`);
    const sorted = [...new Set(record.versions)].sort();
    if (JSON.stringify(sorted) !== JSON.stringify(record.versions)) fail(path, 'versions not sorted/unique');
    for (const v of record.versions) if (v.trim() === '' || v !== v.trim() || /^[^:]*[A-Z][^:]*:/.test(v)) fail(path, `version ${v}`);
    if (record.dialect === 'mspl') mspl++;
    if (record.product === 'See article') seeArticle++;
  }
  assert.deepEqual(problems.filter((p) => p !== ''), [], `${problems.length} problems`);
  assert.equal(mspl, seeArticle, 'MSPL pages are exactly the See article pages');
});
