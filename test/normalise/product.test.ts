import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familyOf, normaliseProduct, productFamily, PRODUCT_FAMILIES } from '../../scripts/normalise/product.ts';
import { collectingReport } from '../../scripts/normalise/report.ts';

test('product as written, trimmed; null when empty or absent', () => {
  assert.equal(normaliseProduct('  Microsoft Exchange '), 'Microsoft Exchange');
  assert.equal(normaliseProduct(''), null);
  assert.equal(normaliseProduct('   '), null);
  assert.equal(normaliseProduct(undefined), null);
});

/** All 44 `Product(s)` values of FORMAT §2, as the shared corpus writes them (with `Microsoft `). */
const ALL_PRODUCTS: [string, string][] = [
  ['Microsoft Windows NT', 'windows-nt'],
  ['Microsoft Exchange', 'exchange'],
  ['Microsoft Windows 95.x Retail Product', 'windows-95'],
  ['Microsoft FoxPro', 'foxpro'],
  ['Microsoft Visual Basic for Windows', 'visual-basic'],
  ['Microsoft Systems Management Server', 'sms'],
  ['Microsoft C Compiler', 'c-compiler'],
  ['Microsoft Home Games', 'home-games'],
  ['Microsoft Mail For PC Networks', 'mail-pc'],
  ['Microsoft SNA Server', 'sna-server'],
  ['Word 97 for Windows', 'word'],
  ['Microsoft Home Multimedia Titles', 'home-multimedia'],
  ['Microsoft Disk Operating System', 'ms-dos'],
  ['Internet Information Server', 'iis'],
  ['Microsoft Windows 3.x Retail Product', 'windows-3x'],
  ['Microsoft Windows Software Development Kit', 'windows-sdk'],
  ['The Microsoft Network', 'msn'],
  ['Microsoft Press', 'press'],
  ['Microsoft SourceSafe', 'sourcesafe'],
  ['Microsoft Home Kids Products', 'home-kids'],
  ['Windows for Workgroups and Windows NT Networking Issues', 'windows-networking'],
  ['Microsoft Mail For Appletalk Networks', 'mail-appletalk'],
  ['Microsoft PowerPoint for Windows', 'powerpoint'],
  ['Microsoft Programming Utilities', 'programming-utilities'],
  ['Microsoft Schedule+ for Windows', 'schedule-plus'],
  ['Microsoft LAN Manager', 'lan-manager'],
  ['Microsoft Macro Assembler', 'masm'],
  ['Word Front Page', 'frontpage'],
  ['Open Database Connectivity (ODBC)', 'odbc'],
  ['Microsoft Fortran Compiler', 'fortran'],
  ['Microsoft Automap', 'automap'],
  ['Microsoft Access Distribution Kit', 'access-distribution-kit'],
  ['Miscellaneous Windows Products', 'windows-misc'],
  ['Microsoft Developer Network', 'msdn'],
  ['Microsoft Fox Miscellaneous Products', 'foxpro'],
  ['Miscellaneous Software Development Kits', 'sdk-misc'],
  ['Microsoft Windows Device Driver Kit', 'windows-ddk'],
  ['Microsoft Mastering Series', 'mastering-series'],
  ['Microsoft Windows Printing Issues', 'windows-printing'],
  ['Microsoft Product Support Information', 'support-info'],
  ['Microsoft Home Miscellaneous Products', 'home-misc'],
  ['Miscrosoft Systems Journal', 'msj'],
  ['Microsoft Tips for the Macintosh System', 'macintosh-tips'],
];

test('all 43 KB products map to a family in the table, without warnings', () => {
  assert.equal(ALL_PRODUCTS.length, 43);
  for (const [product, slug] of ALL_PRODUCTS) {
    const report = collectingReport('f');
    assert.equal(productFamily(product, [], report), slug, product);
    assert.deepEqual(report.diagnostics, [], product);
    assert.ok(PRODUCT_FAMILIES.some((f) => f.slug === slug), slug);
  }
});

test('with or without "Microsoft ", any case', () => {
  assert.equal(productFamily('Exchange', []), 'exchange');
  assert.equal(productFamily('Windows NT', []), 'windows-nt');
  assert.equal(productFamily('microsoft   windows nt', []), 'windows-nt');
});

test('MSPL See article: the family from the mspl13_ keyword', () => {
  assert.equal(productFamily('See article', ['ENDUSER', 'mspl13_c']), 'mspl-c');
  assert.equal(productFamily('See article', ['ENDUSER', 'MSPL13_BASIC']), 'mspl-basic');
  assert.equal(productFamily('See article', ['mspl13_masm']), 'mspl-masm');
  assert.equal(productFamily('See article', ['ENDUSER']), 'mspl');
});

test('unknown product: slug of its name and a warning; missing: unknown and a warning', () => {
  const report = collectingReport('f');
  assert.equal(productFamily('Microsoft Flux Capacitor+ 2', [], report), 'flux-capacitor-plus-2');
  assert.equal(report.diagnostics[0]?.rule, 'kb:product-unknown');
  assert.match(report.diagnostics[0]?.message ?? '', /Product\(s\)/);
  const missing = collectingReport('f');
  assert.equal(productFamily(null, [], missing), 'unknown');
  assert.equal(missing.diagnostics[0]?.rule, 'kb:product-missing');
});

test('the family table: unique slugs, readable names, URL-safe slugs', () => {
  const slugs = PRODUCT_FAMILIES.map((f) => f.slug);
  assert.equal(new Set(slugs).size, slugs.length);
  for (const f of PRODUCT_FAMILIES) {
    assert.match(f.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(f.name.length > 0);
  }
  assert.equal(familyOf('exchange').name, 'Exchange');
  assert.deepEqual(familyOf('nope'), { slug: 'nope', name: 'nope' });
});
