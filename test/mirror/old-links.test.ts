/**
 * assets/old-links.ts: every old KB URL form under base `/` and `/kb/`, the ambiguity between them, hostile
 * inputs (which must give null or a same-site article path), and random strings (fast-check).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveOldLink, type OldLink } from '../../assets/old-links.ts';
import { permalinkOf } from '../../scripts/link/citations.ts';

const BASES = ['/', '/kb/'] as const;

/** What a resolved link must be: base + the article's permalink (permalinkOf starts with its own `/`). */
function expected(base: string, number: number): OldLink {
  return { kind: 'article', number, path: base + permalinkOf(`Q${number}`).slice(1) };
}

/** The shape every non-null path has, whatever the input. */
const PATH_SHAPE = /^\/(?:[a-z0-9]+\/)*kb\/[0-9]{3}\/Q[1-9][0-9]{0,6}\/$/;

function assertSafe(result: OldLink | null, base: string): void {
  if (result === null) return;
  assert.equal(result.kind, 'article');
  assert.ok(Number.isInteger(result.number) && result.number >= 1 && result.number <= 9_999_999, `number ${result.number}`);
  assert.deepEqual(result, expected(base, result.number));
  assert.match(result.path, PATH_SHAPE);
  assert.ok(result.path.startsWith(base) && !result.path.startsWith('//'), result.path);
}

/** Forms relative to the base (pathname after the base, search), each naming 182346. */
const FORMS_182346: Array<[rest: string, search: string]> = [
  ['Q182346/', ''],
  ['Q182346', ''],
  ['q182346/', ''],
  ['q182346', ''],
  ['kb/Q182346/', ''],
  ['kb/Q182346', ''],
  ['kb/q182346/', ''],
  ['KB/Q182346', ''],
  ['kb/182346', ''],
  ['kb/182346/', ''],
  ['kb/182346/en-us', ''],
  ['kb/182346/en-us/', ''],
  ['kb/182346/EN-US/', ''],
  ['kb/182346/de', ''],
  ['kb/182346/de/', ''],
  ['kb/182346/zh-hant-tw', ''],
  ['default.aspx', '?scid=kb;en-us;182346'],
  ['default.aspx', '?scid=kb;EN-US;Q182346'],
  ['default.aspx', '?scid=KB;en-us;182346'],
  ['default.aspx', '?scid=kb;en-us;q182346'],
  ['default.aspx', '?scid=kb%3Ben-us%3B182346'],
  ['default.aspx', '?scid=kb%3ben-us%3bQ182346'],
  ['default.aspx', '?scid=kb%3Ben-us;182346'],
  ['Default.aspx', '?scid=kb;en-us;182346'],
  ['DEFAULT.ASPX', '?scid=kb;en-us;182346'],
  ['default.aspx', '?id=1&scid=kb;en-us;182346&x=y'],
  ['default.aspx', '?ln=en-us&scid=kb;en-us;182346'],
  ['default.aspx', '?SCID=kb;en-us;182346'],
  ['default.aspx', 'scid=kb;en-us;182346'],
  ['', '?kbid=182346'],
  ['', '?kbid=Q182346'],
  ['', '?kbid=q182346'],
  ['', '?kbid=KB182346'],
  ['', '?kbid=kb182346'],
  ['', '?KBID=182346'],
  ['', '?KbId=182346'],
  ['', '?ln=en-us&kbid=182346&x=1'],
  ['', 'kbid=182346'],
  ['index.html', '?kbid=182346'],
  // Query parameters beside a path form are ignored, whatever they say.
  ['Q182346/', '?next=//example.org'],
  ['kb/182346', '?url=https://example.org/&kbid=999'],
  ['default.aspx', '?next=//example.org&scid=kb;en-us;182346&url=javascript:alert(1)'],
  ['', '?url=//example.org&kbid=182346'],
];

test('every form names 182346 under base / and /kb/', () => {
  for (const base of BASES) {
    for (const [rest, search] of FORMS_182346) {
      assert.deepEqual(resolveOldLink(base + rest, search, base), expected(base, 182346), `${base}${rest}${search}`);
    }
  }
});

test('the path is the base plus the article permalink', () => {
  assert.deepEqual(resolveOldLink('/Q182346/', '', '/'), { kind: 'article', number: 182346, path: '/kb/182/Q182346/' });
  assert.deepEqual(resolveOldLink('/kb/Q182346/', '', '/kb/'), { kind: 'article', number: 182346, path: '/kb/kb/182/Q182346/' });
  assert.deepEqual(resolveOldLink('/a/b/kb/182346/en-us/', '', '/a/b/'), { kind: 'article', number: 182346, path: '/a/b/kb/182/Q182346/' });
  // Small numbers land in zero-padded folders.
  assert.equal(resolveOldLink('/Q10022', '', '/')?.path, '/kb/010/Q10022/');
  assert.equal(resolveOldLink('/kb/1', '', '/')?.path, '/kb/000/Q1/');
  assert.equal(resolveOldLink('/kb/kb/9999999/', '', '/kb/')?.path, '/kb/kb/999/Q9999999/');
});

test('numbers: 1 to 7 ASCII digits, leading zeros allowed and read as decimal, 0 refused', () => {
  const cases: Array<[string, number | null]> = [
    ['1', 1],
    ['9999999', 9_999_999],
    ['0182346', 182346],
    ['0000010', 10],
    ['010', 10], // decimal, not octal
    ['0', null],
    ['0000000', null],
    ['10000000', null], // 8 digits
    ['01823460', null], // 8 digits, even with a leading zero
    ['', null],
    ['+182346', null],
    ['-182346', null],
    ['182346.0', null],
    ['1e5', null],
    ['0x1F', null],
    [' 182346', null],
    ['182346 ', null],
  ];
  for (const base of BASES) {
    for (const [digits, number] of cases) {
      const want = number === null ? null : expected(base, number);
      assert.deepEqual(resolveOldLink(`${base}Q${digits}/`, '', base), want, `Q${digits}`);
      assert.deepEqual(resolveOldLink(`${base}kb/${digits}`, '', base), want, `kb/${digits}`);
      assert.deepEqual(resolveOldLink(`${base}default.aspx`, `?scid=kb;en-us;${digits}`, base), want, `scid ${digits}`);
      assert.deepEqual(resolveOldLink(base, `?kbid=${digits}`, base), want, `kbid=${digits}`);
    }
  }
});

test('under base /kb/: the stripped reading first, then the root-relative one', () => {
  const base = '/kb/';
  // `kb/182346` after the base.
  assert.deepEqual(resolveOldLink('/kb/kb/182346', '', base), expected(base, 182346));
  // Stripped to `182346` (no form), so read from the root: `kb/182346` (a whole old host pointed at the archive).
  assert.deepEqual(resolveOldLink('/kb/182346', '', base), expected(base, 182346));
  assert.deepEqual(resolveOldLink('/kb/182346/en-us/', '', base), expected(base, 182346));
  // `Q182346` after the base.
  assert.deepEqual(resolveOldLink('/kb/Q182346', '', base), expected(base, 182346));
  // Not under the base at all: root-relative.
  assert.deepEqual(resolveOldLink('/Q182346/', '', base), expected(base, 182346));
  assert.deepEqual(resolveOldLink('/default.aspx', '?scid=kb;en-us;182346', base), expected(base, 182346));
  assert.deepEqual(resolveOldLink('/', '?kbid=182346', base), expected(base, 182346));
  assert.deepEqual(resolveOldLink('/index.html', '?kbid=182346', base), expected(base, 182346));
  // The base without its slash is not the base: `kb` from the root is no form.
  assert.equal(resolveOldLink('/kb', '?kbid=182346', base), null);
  // Neither reading is a form.
  assert.equal(resolveOldLink('/kb/kb/kb/182346', '', base), null);
  assert.equal(resolveOldLink('/kb/kb/default.aspx', '?scid=kb;en-us;182346', base), null);
  assert.equal(resolveOldLink('/kb/kb/', '?kbid=182346', base), null);
  // Under base `/`, `/182346` is nothing (there is no root-relative second chance).
  assert.equal(resolveOldLink('/182346', '', '/'), null);
});

test('forms only where they belong: default.aspx and kbid at the base root, scid only on default.aspx', () => {
  for (const base of BASES) {
    const none: Array<[string, string]> = [
      ['kb/default.aspx', '?scid=kb;en-us;182346'],
      ['x/default.aspx', '?scid=kb;en-us;182346'],
      ['default.aspx/', '?scid=kb;en-us;182346'],
      ['default.asp', '?scid=kb;en-us;182346'],
      ['', '?scid=kb;en-us;182346'],
      ['default.aspx', '?kbid=182346'],
      ['kb/', '?kbid=182346'],
      ['search/', '?kbid=182346'],
      ['index.htm', '?kbid=182346'],
      ['Q182346/index.html', ''],
      ['Q182346//', ''],
      ['kb/Q182346/en-us', ''],
      ['kb//182346', ''],
      ['kb/182346//', ''],
      ['kb/182346/en-us/x', ''],
      ['kb/182346/en_us', ''],
      ['kb/182346/en-us-extra-long', ''], // 16 chars: over 10
      ['kb/182346/de1', ''],
      ['kb/KB182346', ''],
      ['QQ182346', ''],
      ['Q 182346', ''],
      ['kb', ''],
      ['', ''],
      ['', '?'],
      ['', '?kbid'],
      ['', '?kbid='],
      ['', '?kbid=Q'],
      ['', '?kbid=KBQ182346'],
      ['', '?kbid=&kbid=182346'], // the first kbid (empty) decides
      ['', '?q=182346'],
      ['', '?xkbid=182346'],
      ['', '?kbid2=182346'],
      ['default.aspx', '?scid=kb;182346'],
      ['default.aspx', '?scid=en-us;182346'],
      ['default.aspx', '?scid=kb;en-us;182346;'],
      ['default.aspx', '?scid=kb;en-us;kb182346'],
      ['default.aspx', '?scid=kb;;182346'],
      ['default.aspx', '?scid=kb;en-us-123;182346'],
      ['default.aspx', '?scid=kb%253Ben-us%253B182346'], // doubly encoded
      ['default.aspx', '?scid=/support/kb/articles/q182/3/46.asp'],
      ['default.aspx', '?scid='],
      ['default.aspx', ''],
    ];
    for (const [rest, search] of none) {
      assert.equal(resolveOldLink(base + rest, search, base), null, `${base}${rest}${search}`);
    }
  }
  // The first parameter of a name decides, as URLSearchParams.get would.
  assert.deepEqual(resolveOldLink('/', '?kbid=1&kbid=2', '/'), { kind: 'article', number: 1, path: '/kb/000/Q1/' });
  assert.equal(resolveOldLink('/', '?kbid=x&kbid=2', '/'), null);
  assert.deepEqual(resolveOldLink('/default.aspx', '?scid=kb;en-us;1&scid=kb;en-us;2', '/'), { kind: 'article', number: 1, path: '/kb/000/Q1/' });
});

test('hostile inputs give null', () => {
  for (const base of BASES) {
    const hostile: Array<[string, string]> = [
      ['', '?kbid=//example.org'],
      ['', '?kbid=javascript:alert(1)'],
      ['', '?kbid=182346@evil.org'],
      ['', '?kbid=182346/../../x'],
      ['', '?kbid=182346%2F..%2F..%2Fx'],
      ['', '?kbid=%2F%2Fexample.org'],
      ['', '?kbid=https://example.org/kb/182346'],
      ['', '?kbid=%31%38%32%33%34%36'], // percent-encoded digits are not decoded
      ['', '?kbid=182346#x'],
      ['', '?kbid=182346%00'],
      ['', '?kbid=182346\n'],
      ['', '?next=//example.org'],
      ['', '?url=https://example.org/'],
      ['', '?next=/Q182346/'],
      ['%2F%2Fexample.org', ''],
      ['%2F%2Fexample.org/Q182346', ''],
      ['kb%2F182346', ''],
      ['kb%2f182346', ''],
      ['Q182346%2F', ''],
      ['kb/%2e%2e/182346', ''],
      ['kb/../182346', ''],
      ['kb/./182346', ''],
      ['Q182346/../../evil', ''],
      ['Q182346/..', ''],
      ['../Q182346', ''],
      ['kb/182346/../../evil', ''],
      ['kb\\182346', ''],
      ['\\Q182346', ''],
      ['/example.org/Q182346', ''],
      ['//example.org/Q182346', ''],
      ['%51182346', ''], // an encoded Q
      ['Q182346?', ''],
      ['Q182346#x', ''],
      ['default.aspx', '?scid=kb;en-us;//example.org'],
      ['default.aspx', '?scid=kb%3Ben-us%3B%2F%2Fexample.org'],
      ['default.aspx', '?scid=kb;en-us;182346@evil.org'],
      ['default.aspx', '?scid=kb;en-us;182346%2F..%2Fx'],
      ['default.aspx', '?scid=kb;en-us;javascript:alert(1)'],
      ['default.aspx', '?next=https://example.org&url=//example.org'],
    ];
    for (const [rest, search] of hostile) {
      assert.equal(resolveOldLink(base + rest, search, base), null, `${base}${rest}${search}`);
    }
  }
});

test('unicode digits and look-alike letters do not match: only ASCII 0-9 and ASCII letters', () => {
  for (const base of BASES) {
    const cases: Array<[string, string]> = [
      ['Q١٨٢٣٤٦', ''], // Arabic-Indic
      ['kb/١٨٢٣٤٦', ''],
      ['Q۱۸۲۳۴۶', ''], // Extended Arabic-Indic
      ['Q１８２３４６', ''], // full-width
      ['kb/१८२३४६', ''], // Devanagari
      ['Q18234６', ''], // one full-width digit among ASCII ones
      ['\u212Ab/182346', ''], // Kelvin sign, which folds to k under Unicode case folding
      ['Ｑ182346', ''], // full-width Q
      ['', '?kbid=١٨٢٣٤٦'],
      ['', '?kbid=Q１８２３４６'],
      ['', '?\u212Abid=182346'],
      ['default.aspx', '?scid=kb;en-us;١٨٢٣٤٦'],
      ['default.aspx', '?s\u0441id=kb;en-us;182346'], // Cyrillic с
      ['kb/182346/\u0435n-us', ''], // Cyrillic е in the language segment
    ];
    for (const [rest, search] of cases) {
      assert.equal(resolveOldLink(base + rest, search, base), null, `${base}${rest}${search}`);
    }
  }
});

test('over-long input: a pathname over 2,000 chars gives null; a search over 2,000 chars is ignored', () => {
  for (const base of BASES) {
    const longLang = `kb/182346/en-us/${'x'.repeat(2100)}`;
    assert.equal(resolveOldLink(base + longLang, '', base), null);
    const longPath = `${base}${'Q'.repeat(2001)}182346`;
    assert.equal(resolveOldLink(longPath, '', base), null);
    // Just under the limit, a padded-but-valid number still fails only because it is more than 7 digits.
    assert.equal(resolveOldLink(`${base}Q${'0'.repeat(1990)}1`, '', base), null);
    const longSearch = `?kbid=182346&pad=${'a'.repeat(2000)}`;
    assert.equal(resolveOldLink(base, longSearch, base), null);
    assert.equal(resolveOldLink(`${base}default.aspx`, `?scid=kb;en-us;182346&${'a=1&'.repeat(600)}`, base), null);
    // The path still counts when only the search is too long.
    assert.deepEqual(resolveOldLink(`${base}Q182346/`, `?${'a'.repeat(2001)}`, base), expected(base, 182346));
    // Exactly 2,000 chars of search is still read.
    const exact = `?kbid=182346&p=${'a'.repeat(2000 - '?kbid=182346&p='.length)}`;
    assert.equal(exact.length, 2000);
    assert.deepEqual(resolveOldLink(base, exact, base), expected(base, 182346));
  }
  // The pathname limit itself, seen through a deep base: a valid form just under it resolves, just over it not.
  const deep = `/${'a/'.repeat(995)}`; // 1,991 chars
  assert.equal(`${deep}Q182346/`.length, 1999);
  assert.deepEqual(resolveOldLink(`${deep}Q182346/`, '', deep), expected(deep, 182346));
  assert.equal(`${deep}kb/Q182346/`.length, 2002);
  assert.equal(resolveOldLink(`${deep}kb/Q182346/`, '', deep), null);
  // Bounded work even on a huge hostile string (a catastrophic regex would hang here).
  const started = Date.now();
  for (let i = 0; i < 200; i++) {
    resolveOldLink(`/${'kb/'.repeat(600)}`, `?${'kbid=q&'.repeat(280)}`, '/');
    resolveOldLink(`/kb/182346/${'-'.repeat(1980)}`, '', '/');
  }
  assert.ok(Date.now() - started < 2000);
});

test('a base that is not /…/ (or could make a protocol-relative or odd path) gives null', () => {
  for (const base of ['', 'kb/', '/kb', 'kb', '//', '//example.org/', '/kb//', '/../', '/./', '/kb/../', '\\kb\\', '/kb\\x/', '/kb?x/', '/kb#x/']) {
    assert.equal(resolveOldLink('/Q182346/', '', base), null, JSON.stringify(base));
    assert.equal(resolveOldLink(`${base}Q182346/`, '', base), null, JSON.stringify(base));
  }
  // Non-strings at run time (the bundle is called from untyped page code).
  const loose = resolveOldLink as (a: unknown, b: unknown, c: unknown) => OldLink | null;
  assert.equal(loose(undefined, '', '/'), null);
  assert.equal(loose('/Q182346/', null, '/'), null);
  assert.equal(loose('/Q182346/', '', undefined), null);
  // A pathname must be absolute, as location.pathname always is.
  assert.equal(resolveOldLink('Q182346/', '', '/'), null);
  assert.equal(resolveOldLink('', '?kbid=182346', '/'), null);
});

test('a resolved path resolves to nothing, so the not-found page can never redirect in a loop', () => {
  for (const base of BASES) {
    for (const [rest, search] of FORMS_182346) {
      const first = resolveOldLink(base + rest, search, base);
      assert.ok(first);
      assert.equal(resolveOldLink(first.path, '', base), null, first.path);
      assert.equal(resolveOldLink(first.path, search, base), null, `${first.path}${search}`);
    }
  }
  // Browse folders (`/kb/NNN/`) read as `kb/<n>/`, but the not-found page never sees a folder that exists, and
  // the article it names resolves to nothing in turn.
  assert.deepEqual(resolveOldLink('/kb/010/', '', '/'), expected('/', 10));
  assert.equal(resolveOldLink(expected('/', 10).path, '', '/'), null);
});

test('property: every number 1..9999999 in every form round-trips', () => {
  const forms = [
    (n: string) => [`Q${n}/`, ''],
    (n: string) => [`kb/Q${n}`, ''],
    (n: string) => [`kb/${n}/en-us/`, ''],
    (n: string) => ['default.aspx', `?scid=kb%3Ben-us%3BQ${n}`],
    (n: string) => ['index.html', `?kbid=KB${n}`],
  ];
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9_999_999 }),
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom(...BASES, '/a/b-c/'),
      fc.constantFrom(...forms),
      (number, pad, base, form) => {
        const digits = String(number).padStart(Math.min(7, String(number).length + pad), '0');
        const [rest, search] = form(digits) as [string, string];
        assert.deepEqual(resolveOldLink(base + rest, search, base), expected(base, number));
      },
    ),
    { numRuns: 2000 },
  );
});

/** Pieces of near-miss URLs, so random strings often come close to (and sometimes hit) a form. */
const PIECES = [
  '/', '//', 'kb', 'KB', 'Q', 'q', 'kb/', 'Q1', '182346', '0', '1', '9999999', '10000000', '١٨', '１',
  'en-us', 'de', '-', '.', '..', '%2F', '%2f', '%2e', '%3B', '%3b', ';', 'default.aspx', 'index.html',
  '?', '&', '=', 'kbid', 'scid', 'next', 'url', '@', ':', 'javascript', 'example.org', '\\', '#', ' ', '\u212A',
];
const piecesString = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const anyString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  piecesString,
  fc.stringMatching(/^\/(kb\/)?[Qq]?[0-9\u0660-\u0669]{0,9}\/?$/),
);

test('property: any string gives null or base + permalinkOf(Q<n>) with n in 1..9999999', () => {
  let hits = 0;
  fc.assert(
    fc.property(
      fc.constantFrom(...BASES, '/a/b/'),
      fc.oneof(anyString, anyString.map((s) => `/${s}`)),
      fc.oneof(anyString, anyString.map((s) => `?${s}`)),
      fc.boolean(),
      (base, path, search, underBase) => {
        const pathname = underBase ? base + path.replace(/^\//, '') : path;
        const result = resolveOldLink(pathname, search, base);
        if (result) hits++;
        assertSafe(result, base);
        // Whatever the input, the output's path never names another host or climbs out of the site.
        if (result) assert.ok(!/[:@\\%?#]|\/\.\.?\//.test(result.path), result.path);
      },
    ),
    { numRuns: 20000 },
  );
  // The generators must actually reach the non-null branch, or the property would check nothing.
  assert.ok(hits > 50, `only ${hits} inputs resolved`);
});

test('Event Viewer\'s help link lands on the event\'s page, at its source\'s section, at the root and under /kb/', () => {
  const query = '?EvtSrc=MSExchangeIMC&EvtID=4087&EvtType=Error&CoName=Microsoft%20Corporation&ProdName=Microsoft%20Exchange&ProdVer=5.5&FileName=msexcimc.exe&FileVer=5.5.2448.0';
  for (const base of ['/', '/kb/', '/a/b/']) {
    assert.deepEqual(resolveOldLink(`${base}events.asp`, query, base), { kind: 'event', id: 4087, source: 'MSExchangeIMC', path: `${base}events/4087/`, anchor: 'src-msexchangeimc' });
  }
  // Any order and case of the names; a source with spaces; no source; the old host pointed at a prefixed mirror.
  assert.deepEqual(resolveOldLink('/EVENTS.ASP', '?evtid=7&evtsrc=Service+Control+Manager', '/'), { kind: 'event', id: 7, source: 'Service Control Manager', path: '/events/7/', anchor: 'src-servicecontrolmanager' });
  assert.deepEqual(resolveOldLink('/events.asp', '?EvtID=1000', '/'), { kind: 'event', id: 1000, source: null, path: '/events/1000/', anchor: null });
  assert.deepEqual(resolveOldLink('/events.asp', '?EvtSrc=Srv&EvtID=2011', '/kb/'), { kind: 'event', id: 2011, source: 'Srv', path: '/kb/events/2011/', anchor: 'src-srv' });
  // The link as Event Viewer wrote it, on go.microsoft.com: /fwlink/events.asp.
  assert.deepEqual(resolveOldLink('/fwlink/events.asp', '?EvtSrc=Srv&EvtID=2011', '/'), { kind: 'event', id: 2011, source: 'Srv', path: '/events/2011/', anchor: 'src-srv' });
  assert.deepEqual(resolveOldLink('/kb/fwlink/events.asp', '?EvtSrc=Srv&EvtID=2011', '/kb/'), { kind: 'event', id: 2011, source: 'Srv', path: '/kb/events/2011/', anchor: 'src-srv' });
});

test('hostile Event Viewer links name at most an event page of this site, and their source is only text', () => {
  const none: string[] = [
    '?EvtSrc=X&EvtID=65536', '?EvtSrc=X&EvtID=-1', '?EvtSrc=X&EvtID=4087x', '?EvtSrc=X&EvtID=//example.org',
    '?EvtSrc=X&EvtID=javascript:alert(1)', '?EvtSrc=X', '?EvtID=', '?EvtID=%34%30%38%37', '?EvtID=4087%2F..%2F..%2Fx',
    '?EvtID=\u0664\u0660\u0668\u0667',
  ];
  for (const search of none) assert.equal(resolveOldLink('/events.asp', search, '/'), null, search);
  const hostileSources = ['<script>alert(1)</script>', 'javascript:alert(1)', '%2F%2Fexample.org', '"><img src=x onerror=alert(1)>', '%E0%A4%A', 'x'.repeat(101)];
  for (const source of hostileSources) {
    const link = resolveOldLink('/events.asp', `?EvtSrc=${source}&EvtID=4087`, '/');
    assert.ok(link && link.kind === 'event', source);
    assert.equal(link.path, '/events/4087/', `${source}: the path is the event's, whatever the source`);
    assert.ok(link.anchor === null || /^src-[a-z0-9]+$/.test(link.anchor), `${source}: the anchor is letters and digits`);
  }
  assert.equal((resolveOldLink('/events.asp', '?EvtSrc=%E0%A4%A&EvtID=1', '/') as { source: string | null }).source, null, 'bad percent-encoding is no source');
  assert.equal((resolveOldLink('/events.asp', `?EvtSrc=${'x'.repeat(101)}&EvtID=1`, '/') as { source: string | null }).source, null, 'an over-long source is none');
  // Only at the base root: not under another folder, and not `events.aspx`.
  for (const path of ['/kb/events.asp', '/events.aspx', '/events.asp/', '/x/events.asp']) assert.equal(resolveOldLink(path, '?EvtSrc=X&EvtID=1', '/'), null, path);
});
