import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, stripTitleId, titleTags } from '../../scripts/normalise/title.ts';
import { articleType } from '../../scripts/normalise/article-type.ts';

test('the leading Qnnn: is removed', () => {
  assert.deepEqual(stripTitleId('Q123456: HOWTO: Tune the Widget'), { id: 'Q123456', title: 'HOWTO: Tune the Widget' });
  assert.deepEqual(stripTitleId('No Id Here'), { id: null, title: 'No Id Here' });
});

test('HTML entities decoded (FORMAT §1 list)', () => {
  assert.equal(decodeEntities('&quot;Disk Full&quot; &amp; &lt;drive&gt;'), '"Disk Full" & <drive>');
  assert.equal(decodeEntities('C:&#92;TEMP &#91;x&#93; &#36;5 &#42; &#124;'), 'C:\\TEMP [x] $5 * |');
  assert.equal(decodeEntities('&#95;&#95;init'), '__init');
  assert.equal(decodeEntities('&#x41;&apos;'), "A'");
});

test('unknown or unsafe entities stay as written', () => {
  assert.equal(decodeEntities('&bogus; &#0; &#xD800; & alone'), '&bogus; &#0; &#xD800; & alone');
});

test('a title cut short keeps its trailing ...', () => {
  assert.equal(stripTitleId('Q99999: PRB: Something Long Was Cut at Sixty-Five Characters and...').title, 'PRB: Something Long Was Cut at Sixty-Five Characters and...');
});

test('title tags', () => {
  assert.deepEqual(titleTags('XFOR: Gateway Drops Mail'), ['XFOR']);
  assert.deepEqual(titleTags('PRB: ERROR: Cannot Open File'), ['PRB', 'ERROR']);
  assert.deepEqual(titleTags('XADM : Store Stops'), ['XADM']);
  assert.deepEqual(titleTags('Err Msg: Drive Not Ready'), ['Err Msg']);
  assert.deepEqual(titleTags('Windows Err Msg: Out of Memory'), ['Windows Err Msg']);
  assert.deepEqual(titleTags('Age of Empires: Setup Hangs'), ['Age of Empires']);
  assert.deepEqual(titleTags('No Tag in This Title'), []);
  assert.deepEqual(titleTags('How to use it: a sentence'), []);
  assert.deepEqual(titleTags('TAG:no space after'), []);
});

test('article type: FIX tag wins over the footer issue type', () => {
  assert.equal(articleType({ titleTags: ['FIX'], issueType: 'kbbug', keywords: [] }), 'fix');
});

test('article type: DOC/SAMPLE tags name the kind of article', () => {
  assert.equal(articleType({ titleTags: ['DOCERR'], issueType: 'kbinfo', keywords: [] }), 'doc');
  assert.equal(articleType({ titleTags: ['Doc Err'], issueType: null, keywords: [] }), 'doc');
  assert.equal(articleType({ titleTags: ['SAMPLE'], issueType: 'kbhowto', keywords: [] }), 'sample');
});

test('article type: the footer issue type wins for issue-like types', () => {
  assert.equal(articleType({ titleTags: ['PRB'], issueType: 'kbbug', keywords: [] }), 'bug');
  assert.equal(articleType({ titleTags: ['XADM'], issueType: 'kbprb', keywords: [] }), 'prb');
  assert.equal(articleType({ titleTags: ['Err Msg'], issueType: 'kbprb', keywords: [] }), 'prb');
});

test('article type: title tags without an issue type', () => {
  assert.equal(articleType({ titleTags: ['BUG'], issueType: null, keywords: [] }), 'bug');
  assert.equal(articleType({ titleTags: ['INF'], issueType: null, keywords: [] }), 'info');
  assert.equal(articleType({ titleTags: ['HOW TO'], issueType: null, keywords: [] }), 'howto');
  assert.equal(articleType({ titleTags: ['WFWG Err Msg'], issueType: null, keywords: [] }), 'errmsg');
  assert.equal(articleType({ titleTags: ['FILE'], issueType: null, keywords: [] }), 'file');
});

test('article type: keywords as the last evidence, then other', () => {
  assert.equal(articleType({ titleTags: [], issueType: null, keywords: ['ENDUSER', 'buglist2.00', 'mspl13_c'] }), 'bug');
  assert.equal(articleType({ titleTags: [], issueType: null, keywords: ['buglist2.00', 'fixlist2.10'] }), 'fix');
  assert.equal(articleType({ titleTags: [], issueType: null, keywords: ['kberrmsg'] }), 'errmsg');
  assert.equal(articleType({ titleTags: ['XCON'], issueType: null, keywords: ['kbnetwork'] }), 'other');
});

test('article type: kbArtTypeINF and kbfaq keywords mean info', () => {
  assert.equal(articleType({ titleTags: [], issueType: null, keywords: ['kbArtTypeINF'] }), 'info');
  assert.equal(articleType({ titleTags: [], issueType: null, keywords: ['kbusage', 'kbfaq'] }), 'info');
});
