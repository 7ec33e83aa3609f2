/**
 * `Product(s):` as written, and the product family readers browse by.
 *
 * `Product(s)` has exactly 44 values (FORMAT §2; all 44 occur in the shared corpus, counts below): a
 * coarse category, 1:1 with the kbarchive `[code]` folders. Each maps to one family with a readable
 * slug and name; spelling variants with or without `Microsoft ` (and the source's `Miscrosoft`) map to the
 * same family. MSPL pages say `See article` (3,279 pages); their family comes from the `mspl13_*` keyword
 * that names the Programmer's Library disc (basic 1,878, c 1,242, masm 154 pages; 5 with none → `mspl`).
 * An unknown product still gets a family (slug of its name) and a warning, so no article is left out of
 * browsing; an empty one gets `unknown`.
 */
import { quote, silentReport, type NormaliseReport } from './report.ts';

export interface ProductFamily {
  /** URL slug: `windows-nt`. */
  slug: string;
  /** Display name: `Windows NT`. */
  name: string;
  /** One line for the family page. */
  description?: string;
}

/** The families, in the order of the product pages' index (largest first, as in the corpus). */
export const PRODUCT_FAMILIES: readonly ProductFamily[] = [
  { slug: 'windows-nt', name: 'Windows NT', description: 'Windows NT Server and Workstation, Windows 2000 and their components.' },
  { slug: 'exchange', name: 'Exchange', description: 'Exchange Server and its clients, connectors and gateways.' },
  { slug: 'windows-95', name: 'Windows 95', description: 'Windows 95 and Windows 98 retail products.' },
  { slug: 'foxpro', name: 'FoxPro', description: 'FoxPro and Visual FoxPro, with the miscellaneous Fox products.' },
  { slug: 'visual-basic', name: 'Visual Basic', description: 'Visual Basic for Windows.' },
  { slug: 'sms', name: 'Systems Management Server' },
  { slug: 'c-compiler', name: 'C and Visual C++', description: 'Microsoft C, QuickC and Visual C++ compilers, libraries and tools.' },
  { slug: 'home-games', name: 'Games', description: 'Home games: Flight Simulator, Age of Empires and others.' },
  { slug: 'mail-pc', name: 'Mail for PC Networks' },
  { slug: 'sna-server', name: 'SNA Server' },
  { slug: 'word', name: 'Word and Office', description: 'Word 97 for Windows and related Office articles.' },
  { slug: 'home-multimedia', name: 'Multimedia Titles', description: 'Encarta, Bookshelf, Cinemania and other reference titles.' },
  { slug: 'ms-dos', name: 'MS-DOS' },
  { slug: 'iis', name: 'Internet Information Server' },
  { slug: 'windows-3x', name: 'Windows 3.x' },
  { slug: 'windows-sdk', name: 'Windows SDK', description: 'The Windows Software Development Kit.' },
  { slug: 'msn', name: 'The Microsoft Network' },
  { slug: 'press', name: 'Microsoft Press', description: 'Corrections and notes for Microsoft Press books.' },
  { slug: 'sourcesafe', name: 'SourceSafe' },
  { slug: 'home-kids', name: 'Kids Products', description: 'Creative Writer, Fine Artist, Magic School Bus and other titles for children.' },
  { slug: 'windows-networking', name: 'Windows Networking', description: 'Windows for Workgroups and Windows NT networking issues.' },
  { slug: 'mail-appletalk', name: 'Mail for AppleTalk Networks' },
  { slug: 'powerpoint', name: 'PowerPoint' },
  { slug: 'programming-utilities', name: 'Programming Utilities', description: 'Linkers, CodeView, NMAKE and other programming tools.' },
  { slug: 'schedule-plus', name: 'Schedule+' },
  { slug: 'lan-manager', name: 'LAN Manager' },
  { slug: 'masm', name: 'Macro Assembler (MASM)' },
  { slug: 'frontpage', name: 'FrontPage' },
  { slug: 'odbc', name: 'ODBC', description: 'Open Database Connectivity drivers and tools.' },
  { slug: 'fortran', name: 'Fortran' },
  { slug: 'automap', name: 'Automap and MapPoint' },
  { slug: 'access-distribution-kit', name: 'Access Distribution Kit' },
  { slug: 'windows-misc', name: 'Other Windows Products' },
  { slug: 'msdn', name: 'Developer Network (MSDN)' },
  { slug: 'sdk-misc', name: 'Other Development Kits' },
  { slug: 'windows-ddk', name: 'Windows DDK', description: 'The Windows Device Driver Kit.' },
  { slug: 'mastering-series', name: 'Mastering Series' },
  { slug: 'windows-printing', name: 'Windows Printing' },
  { slug: 'support-info', name: 'Product Support Information' },
  { slug: 'home-misc', name: 'Other Home Products' },
  { slug: 'msj', name: 'Microsoft Systems Journal' },
  { slug: 'macintosh-tips', name: 'Tips for the Macintosh' },
  { slug: 'mspl-basic', name: "Programmer's Library: BASIC", description: 'Programmer\u2019s Library articles on QuickBASIC, BASIC PDS and GW-BASIC (1988–1991).' },
  { slug: 'mspl-c', name: "Programmer's Library: C", description: 'Programmer\u2019s Library articles on C, QuickC and the tools (1988–1991).' },
  { slug: 'mspl-masm', name: "Programmer's Library: MASM", description: 'Programmer\u2019s Library articles on the Macro Assembler (1988–1991).' },
  { slug: 'mspl', name: "Programmer's Library", description: 'Programmer\u2019s Library articles that name no disc.' },
  { slug: 'unknown', name: 'Unclassified', description: 'Articles with no Product(s) value.' },
];

/**
 * `Product(s)` key (lower-cased, without `Microsoft `/`The Microsoft `) → family slug.
 * Shared-corpus counts per value in the comments.
 */
const FAMILY_BY_PRODUCT: Record<string, string> = {
  'windows nt': 'windows-nt', // 8,988
  'exchange': 'exchange', // 6,275
  'windows 95.x retail product': 'windows-95', // 5,353
  'foxpro': 'foxpro', // 3,811
  'visual basic for windows': 'visual-basic', // 2,812
  'systems management server': 'sms', // 2,760
  'c compiler': 'c-compiler', // 2,753
  'home games': 'home-games', // 2,267
  'mail for pc networks': 'mail-pc', // 2,202
  'sna server': 'sna-server', // 2,145
  'word 97 for windows': 'word', // 1,877
  'home multimedia titles': 'home-multimedia', // 1,755
  'disk operating system': 'ms-dos', // 1,658
  'internet information server': 'iis', // 1,633
  'windows 3.x retail product': 'windows-3x', // 963
  'windows software development kit': 'windows-sdk', // 952
  'network': 'msn', // 909, `The Microsoft Network`
  'press': 'press', // 580
  'sourcesafe': 'sourcesafe', // 577
  'home kids products': 'home-kids', // 525
  'windows for workgroups and windows nt networking issues': 'windows-networking', // 493
  'mail for appletalk networks': 'mail-appletalk', // 488
  'powerpoint for windows': 'powerpoint', // 470
  'programming utilities': 'programming-utilities', // 405
  'schedule+ for windows': 'schedule-plus', // 375
  'lan manager': 'lan-manager', // 352
  'macro assembler': 'masm', // 345
  'word front page': 'frontpage', // 332
  'open database connectivity (odbc)': 'odbc', // 308
  'fortran compiler': 'fortran', // 289
  'automap': 'automap', // 283
  'access distribution kit': 'access-distribution-kit', // 218
  'miscellaneous windows products': 'windows-misc', // 182
  'developer network': 'msdn', // 111
  'fox miscellaneous products': 'foxpro', // 105: readers of FoxPro want these too
  'miscellaneous software development kits': 'sdk-misc', // 73
  'windows device driver kit': 'windows-ddk', // 71
  'mastering series': 'mastering-series', // 60
  'windows printing issues': 'windows-printing', // 31
  'product support information': 'support-info', // 23
  'home miscellaneous products': 'home-misc', // 22
  'systems journal': 'msj', // 18, written `Miscrosoft Systems Journal`
  'tips for the macintosh system': 'macintosh-tips', // 4
};

const MSPL_FAMILY_BY_KEYWORD: Record<string, string> = {
  mspl13_basic: 'mspl-basic',
  mspl13_c: 'mspl-c',
  mspl13_masm: 'mspl-masm',
};

/** `Product(s)` as written, trimmed; null when absent or empty. */
export function normaliseProduct(value: string | undefined): string | null {
  const text = value?.trim().replace(/\s+/g, ' ') ?? '';
  return text === '' ? null : text;
}

/** True for the MSPL placeholder `See article`. */
export function isSeeArticle(product: string | null): boolean {
  return product !== null && /^see article$/i.test(product.trim());
}

function productKey(product: string): string {
  return product
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the )?mi(s)?crosoft /, '');
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/\+/g, ' plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The family slug for browsing: from `Product(s)`, or for MSPL `See article` from the `mspl13_*` keyword.
 * Never empty: an unknown product gets the slug of its name (and a warning), a missing one `unknown`.
 */
export function productFamily(
  product: string | null,
  keywords: readonly string[],
  report: NormaliseReport = silentReport,
): string {
  if (product === null) {
    report.warn('kb:product-missing', 'Product(s): the header names no product; the article is filed under "unknown".');
    return 'unknown';
  }
  if (isSeeArticle(product)) {
    for (const keyword of keywords) {
      const family = MSPL_FAMILY_BY_KEYWORD[keyword.toLowerCase()];
      if (family !== undefined) return family;
    }
    report.note('kb:product-mspl-no-disc');
    return 'mspl';
  }
  const family = FAMILY_BY_PRODUCT[productKey(product)];
  if (family !== undefined) return family;
  const slug = slugify(productKey(product)) || 'unknown';
  report.warn('kb:product-unknown', `Product(s): ${quote(product)} is not a known product; it is filed under "${slug}".`);
  return slug;
}

/** The family of a slug, or a made-up one for slugs of unknown products. */
export function familyOf(slug: string): ProductFamily {
  return PRODUCT_FAMILIES.find((f) => f.slug === slug) ?? { slug, name: slug };
}
