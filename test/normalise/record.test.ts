import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecord, canonicalPermalink } from '../../scripts/normalise/record.ts';
import { PRODUCT_FAMILIES } from '../../scripts/normalise/product.ts';
import { noSymptoms, parsedPage } from './fixture.ts';

function rules(diagnostics: { rule: string }[]): string[] {
  return diagnostics.map((d) => d.rule);
}

test('a well-formed page: every field of the record, no diagnostics', () => {
  const { record, diagnostics } = buildRecord(parsedPage(), noSymptoms);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(record, {
    id: 'Q123456',
    number: 123456,
    title: 'PRB: The Widget Spins Forever',
    permalink: '/kb/123/Q123456/',
    lastModified: '2000-04-01',
    year: 2000,
    product: 'Microsoft Exchange',
    productFamily: 'exchange',
    versions: ['windows:1.0', 'windows:2.0', 'winnt:4.0'],
    platforms: ['Windows', 'Windows NT'],
    os: [],
    keywords: ['kbWidget', 'kbSpin'],
    issueType: 'kbprb',
    solutionType: null,
    technology: ['kbWidgetSearch', 'kbAudDeveloper'],
    articleType: 'prb',
    titleTags: ['PRB'],
    dialect: 'kb',
    appliesTo: ['Microsoft Widget Server, versions 1.0, 2.0'],
    sections: [],
    events: [],
    eventMessages: [],
    errorCodes: [],
    errorMessages: [],
    references: [],
    queryWords: ['spin', 'spinning'],
    sourcePath: 'kb/123/Q123456/README.md',
  });
});

test('canonical permalinks pad 5-digit ids to six before taking three digits', () => {
  assert.equal(canonicalPermalink('Q10022'), '/kb/010/Q10022/');
  assert.equal(canonicalPermalink('Q182346'), '/kb/182/Q182346/');
});

test('a permalink pointing elsewhere is refused: warning and the canonical one', () => {
  for (const bad of ['/kb/123/Q654321/', '/kb/123/Q123456/../../../etc/', '../outside/', 'https://example.com/kb/123/Q123456/', '/kb/123/Q123456', '/', '/index.html']) {
    const { record, diagnostics } = buildRecord(parsedPage({ permalinkLine: bad }), noSymptoms);
    assert.equal(record?.permalink, '/kb/123/Q123456/', bad);
    assert.deepEqual(rules(diagnostics), ['kb:permalink-refused'], bad);
    assert.equal(diagnostics[0]?.severity, 'warning');
    assert.equal(diagnostics[0]?.file, 'kb/123/Q123456/README.md');
  }
});

test('a missing or non-string permalink: warning and the canonical one', () => {
  const missing = buildRecord(parsedPage({ permalinkLine: null }), noSymptoms);
  assert.equal(missing.record?.permalink, '/kb/123/Q123456/');
  assert.deepEqual(rules(missing.diagnostics), ['kb:permalink-missing']);
  const parsed = parsedPage();
  parsed.frontMatter.permalink = ['/kb/123/Q123456/'];
  const notString = buildRecord(parsed, noSymptoms);
  assert.equal(notString.record?.permalink, '/kb/123/Q123456/');
  assert.deepEqual(rules(notString.diagnostics), ['kb:permalink-invalid']);
});

test('a title that is not a string falls back to the ## heading, then to the id', () => {
  const parsed = parsedPage();
  parsed.frontMatter.title = 42;
  const fromHeading = buildRecord(parsed, noSymptoms);
  assert.equal(fromHeading.record?.title, 'PRB: The Widget Spins Forever');
  assert.deepEqual(rules(fromHeading.diagnostics), ['kb:title-invalid']);

  const bare = parsedPage({ titleLine: null, heading: null });
  const fromId = buildRecord(bare, noSymptoms);
  assert.equal(fromId.record?.title, 'Q123456');
  assert.deepEqual(rules(fromId.diagnostics), ['kb:title-invalid']);
});

test('title entities decoded; a title naming another id is kept with a warning', () => {
  const { record } = buildRecord(parsedPage({ titleLine: '"Q123456: &quot;Quoted&quot; &amp; C:&#92;"' }), noSymptoms);
  assert.equal(record?.title, '"Quoted" & C:\\');
  const other = buildRecord(parsedPage({ titleLine: '"Q999999: Another"' }), noSymptoms);
  assert.equal(other.record?.title, 'Another');
  assert.deepEqual(rules(other.diagnostics), ['kb:title-id-mismatch']);
});

test('the id comes from the folder; a disagreeing Article: header is a warning', () => {
  const { record, diagnostics } = buildRecord(parsedPage({ header: { Article: 'Q777777' } }), noSymptoms);
  assert.equal(record?.id, 'Q123456');
  assert.deepEqual(rules(diagnostics), ['kb:article-id-mismatch']);
});

test('no id anywhere: rejected, no record', () => {
  const parsed = parsedPage({ header: { Article: 'none' } }, 'misc/README.md');
  const { record, diagnostics } = buildRecord(parsed, noSymptoms);
  assert.equal(record, null);
  assert.ok(diagnostics.some((d) => d.severity === 'rejected' && d.rule === 'kb:id-missing'));
});

test('bad values never throw: they become null/[] with warnings', () => {
  const { record, diagnostics } = buildRecord(
    parsedPage({ header: { 'Last Modified': '99-XYZ-20', 'Product(s)': '' }, footer: [['Issue type', 'kbgibberish']] }),
    noSymptoms,
  );
  assert.equal(record?.lastModified, null);
  assert.equal(record?.year, null);
  assert.equal(record?.product, null);
  assert.equal(record?.productFamily, 'unknown');
  assert.equal(record?.issueType, null);
  assert.deepEqual(rules(diagnostics).sort(), ['kb:date-invalid', 'kb:issue-type-unknown', 'kb:product-missing']);
});

test('MSPL dialect: See article, mspl13_ keywords, or no footer and no product', () => {
  const mspl = buildRecord(
    parsedPage({ id: 'Q54321', header: { 'Product(s)': 'See article', 'Keyword(s)': 'ENDUSER | SR# S900101-1 | mspl13_c', 'Version(s)': '5.10 6.00 | 6.00', 'Operating System(s)': 'MS-DOS | OS/2', 'Last Modified': '9-AUG-1990' }, footer: null }),
    noSymptoms,
  );
  assert.equal(mspl.record?.dialect, 'mspl');
  assert.equal(mspl.record?.productFamily, 'mspl-c');
  assert.deepEqual(mspl.record?.keywords, ['ENDUSER', 'mspl13_c']);
  assert.deepEqual(mspl.record?.versions, ['5.10', '6.00']);
  assert.deepEqual(mspl.record?.platforms, ['MS-DOS', 'OS/2']);
  assert.equal(mspl.record?.lastModified, '1990-08-09');
  const kbNoFooter = buildRecord(parsedPage({ footer: null }), noSymptoms);
  assert.equal(kbNoFooter.record?.dialect, 'kb');
});

test('symptoms: copied, references without the article itself, sorted unique; events sorted by id, source, then via', () => {
  const { record } = buildRecord(parsedPage(), {
    events: [
      { source: 'Srv', id: 2011 }, { source: null, id: 7 }, { source: 'Srv', id: 2011, via: 'Q200000', viaTitle: 'A cited title' },
      { source: 'Srv', id: 2011 }, { source: 'Alpha', id: 2011 }, { source: 'Srv', id: 2011, via: 'Q99999', viaTitle: 'Another' },
    ],
    eventMessages: [
      { source: 'Srv', id: 2011, type: 'Error', message: 'The server was unable to allocate memory.' },
      { source: null, id: 7, type: null, message: 'A message.' },
      { source: 'Srv', id: 2011, type: 'Error', message: 'The server was unable to allocate memory.' },
    ],
    errorCodes: [{ kind: 'hresult', code: '0x80004005', display: '0x80004005' }],
    errorMessages: ['Widget not found'],
    references: ['Q200000', 'Q123456', 'Q99999', 'Q200000'],
  });
  assert.deepEqual(record?.references, ['Q99999', 'Q200000']);
  assert.deepEqual(record?.events, [
    { source: null, id: 7 }, { source: 'Alpha', id: 2011 }, { source: 'Srv', id: 2011 },
    { source: 'Srv', id: 2011, via: 'Q99999', viaTitle: 'Another' }, { source: 'Srv', id: 2011, via: 'Q200000', viaTitle: 'A cited title' },
  ]);
  assert.deepEqual(record?.eventMessages, [
    { source: null, id: 7, type: null, message: 'A message.' },
    { source: 'Srv', id: 2011, type: 'Error', message: 'The server was unable to allocate memory.' },
  ]);
  assert.deepEqual(record?.errorMessages, ['Widget not found']);
});

test('every family a record can name is in the table or is a slug', () => {
  assert.ok(PRODUCT_FAMILIES.some((f) => f.slug === 'unknown'));
});
