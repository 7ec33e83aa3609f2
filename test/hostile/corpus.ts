/**
 * The hostile corpus of issue #6: broken, oddly encoded and malicious files, written here (never real article
 * text), each with what the build must do with it. `writeHostileCorpus` writes them into a folder; the build
 * test mixes them with real articles copied at test time.
 *
 * Ids are in the Q9000xx range (group `kb/900/`), which the real archive does not use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pseudoRandomBytes, utf16 } from '../read/bytes.ts';

/** What the build must do with a file. */
export type Expectation =
  /** A page and a record for `id`; `shows` must appear in the page text, exactly; `warns` are rule ids expected on the file. */
  | { kind: 'built'; id: string; shows?: string[]; warns?: string[]; record?: Record<string, unknown> }
  /** No page; the summary names the file with this rule. */
  | { kind: 'rejected'; rule: string };

export interface HostileFile {
  /** Path relative to the source root. */
  path: string;
  bytes: Uint8Array;
  /** Why the file is here, for failure messages. */
  what: string;
  expect: Expectation;
}

export const group = (id: string): string => id.slice(1).padStart(6, '0').slice(0, 3);
export const articlePath = (id: string): string => `kb/${group(id)}/${id}/README.md`;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface PageParts {
  id: string;
  title?: string;
  /** The whole front matter block (without the `---` lines); null: no front matter at all. */
  frontMatter?: string | null;
  /** Header lines after `Article:`; default: a product and a date. */
  header?: string[];
  body?: string[];
  /** The footer's label lines. */
  footer?: string[];
}

/** A page in the kbarchive shape: front matter, `## Qn: title`, `{% raw %}`, the TAB-indented text, `{% endraw %}`. */
export function kbPage(p: PageParts): string {
  const title = p.title ?? `${p.id}: Widget Service Stops Responding`;
  const front = p.frontMatter === undefined ? `layout: page\ntitle: ${JSON.stringify(title)}\npermalink: /kb/${group(p.id)}/${p.id}/` : p.frontMatter;
  const header = p.header ?? ['Product(s): Microsoft Exchange', 'Version(s): WINDOWS:1.0', 'Keyword(s): kbwidget kbprb', 'Last Modified: 01-JAN-2000'];
  const body = p.body ?? [
    'SYMPTOMS',
    '========',
    '',
    'The widget service stops responding after the computer resumes from standby.',
    '',
    'RESOLUTION',
    '==========',
    '',
    'Restart the widget service, then reinstall the widget if the problem continues.',
  ];
  const footer = p.footer ?? ['Keywords          : kbwidget kbprb', 'Issue type        : kbprb'];
  const text = [`Article: ${p.id}`, ...header, '', ...body, '', '='.repeat(79), '', ...footer, '', '='.repeat(79)];
  return [
    ...(front === null ? [] : ['---', front, '---']),
    `## ${title}`,
    '',
    '{% raw %}',
    ...text.map((l) => `\t${l}`),
    '{% endraw %}',
    '',
  ].join('\n');
}

function bytesOf(...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? enc(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Windows-1252 bytes for text whose non-ASCII characters are all in the code page. */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '®': 0xae, '©': 0xa9, '—': 0x97, '–': 0x96, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '™': 0x99, '…': 0x85, 'é': 0xe9 };
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : high[c] ?? 0x3f)));
}

/** Payloads that would run if article text ever reached a page as markup or as a template. */
export const XSS = {
  script: '<script>alert("kb-xss-script")</script>',
  img: '<img src=x onerror=alert("kb-xss-img")>',
  link: '<a href="javascript:alert(1)">kb-xss-link</a>',
  svg: '<svg onload=alert("kb-xss-svg")>',
  comment: '<!-- kb-xss-comment -->',
  cdata: '<![CDATA[ kb-xss-cdata ]]>',
  iframe: '<iframe src="javascript:alert(2)"></iframe>',
} as const;

/** Template syntax that an engine would evaluate: `{{ 7*7 }}` must stay literally, never `49`. */
export const TEMPLATES = ['{{ 7*7 }}', '{% include "kb-included" %}', '{{ "kb-up" | upcase }}', '{% raw %}', '{% endraw %}', '${7*7}', '{%- assign kbx = 1 -%}', '{# kb-comment #}'] as const;

const id = (n: number): string => `Q9000${String(n).padStart(2, '0')}`;

/** Every file of the hostile corpus, with what the build must do with it. */
export function hostileFiles(): HostileFile[] {
  const files: HostileFile[] = [];
  const add = (path: string, content: string | Uint8Array, what: string, expect: Expectation): void => {
    files.push({ path, bytes: typeof content === 'string' ? enc(content) : content, what, expect });
  };
  const built = (n: number, extra: Omit<Extract<Expectation, { kind: 'built' }>, 'kind' | 'id'> = {}): Expectation => ({ kind: 'built', id: id(n), ...extra });

  // --- front matter -------------------------------------------------------------------------------------
  add(articlePath(id(1)), kbPage({ id: id(1), frontMatter: 'title: "Q900001: Unclosed\npermalink: [oops' }), 'malformed YAML front matter', { kind: 'rejected', rule: 'kb:front-matter-yaml' });
  add(articlePath(id(2)), kbPage({ id: id(2), frontMatter: 'title: 900002\npermalink: /kb/900/Q900002/' }), 'title is a number', built(2, { warns: ['kb:title-invalid'], shows: ['Widget Service Stops Responding'] }));
  add(articlePath(id(3)), kbPage({ id: id(3), frontMatter: 'title:\n  - one\n  - two\npermalink: /kb/900/Q900003/' }), 'title is a list', built(3, { warns: ['kb:title-invalid'] }));
  add(articlePath(id(4)), kbPage({ id: id(4), frontMatter: 'title: "Q900004: Permalink Is an Object"\npermalink:\n  path: /etc/\n  x: 1' }), 'permalink is an object', built(4, { warns: ['kb:permalink-invalid'], record: { permalink: '/kb/900/Q900004/' } }));
  add(articlePath(id(5)), kbPage({ id: id(5), frontMatter: null }), 'no front matter at all', built(5, { warns: ['kb:front-matter-missing', 'kb:title-invalid', 'kb:permalink-missing'], shows: ['Widget Service Stops Responding'] }));
  add(articlePath(id(6)), kbPage({ id: id(6), frontMatter: '- just\n- a list' }), 'front matter is a YAML list, not a mapping', { kind: 'rejected', rule: 'kb:front-matter-yaml' });
  add(articlePath(id(7)), `---js\n{ title: (globalThis.__kbHostileEval = 1, "x") }\n---\n${kbPage({ id: id(7), frontMatter: null })}`, '`---js` front matter (gray-matter would eval it)', { kind: 'rejected', rule: 'kb:front-matter-language' });
  add(articlePath(id(8)), kbPage({ id: id(8), frontMatter: '' }), 'empty front matter block', built(8, { warns: ['kb:permalink-missing'] }));
  add(articlePath(id(9)), `---\ntitle: "Q900009: Never Closed"\npermalink: /kb/900/Q900009/\n## Q900009: Never Closed\n\n{% raw %}\n\tArticle: Q900009\n\tLast Modified: 01-JAN-2000\n\n\tThe front matter has no closing line.\n{% endraw %}\n`, 'front matter never closed', { kind: 'rejected', rule: 'kb:front-matter-unclosed' });
  add(articlePath(id(10)), kbPage({ id: id(10), frontMatter: 'title: "Q900010: Anchors"\nbase: &a [*a, *a]\npermalink: /kb/900/Q900010/' }), 'a self-referencing YAML anchor in an unused key', built(10));

  add(articlePath(id(18)), `${'-'.repeat(40)}\n${kbPage({ id: id(18), frontMatter: null })}`, 'starts with a rule of dashes, not front matter', built(18, { warns: ['kb:front-matter-missing'] }));

  // --- encodings ----------------------------------------------------------------------------------------
  const fancy = 'Widget® Service — “Quoted” and ‘single’ Marks';
  add(articlePath(id(11)), bytesOf([0xef, 0xbb, 0xbf], kbPage({ id: id(11), title: `${id(11)}: ${fancy}` })), 'UTF-8 with BOM', built(11, { shows: [fancy] }));
  add(articlePath(id(12)), cp1252(kbPage({ id: id(12), title: `${id(12)}: ${fancy}`, body: ['SYMPTOMS', '========', '', 'Café™ — it’s “broken”… really.'] })), 'Windows-1252 bytes', built(12, { shows: [fancy, 'Café™ — it’s “broken”… really.'], warns: ['kb:encoding'] }));
  add(articlePath(id(13)), utf16(kbPage({ id: id(13), title: `${id(13)}: ${fancy}` }), 'le'), 'UTF-16LE with BOM', built(13, { shows: [fancy] }));
  add(articlePath(id(14)), utf16(kbPage({ id: id(14), title: `${id(14)}: ${fancy}` }), 'be'), 'UTF-16BE with BOM', built(14, { shows: [fancy] }));
  add(articlePath(id(15)), kbPage({ id: id(15), body: ['SYMPTOMS', '========', '', 'Bell\u0007 and escape\u001b[31m and NUL\u0000 are stray control characters.'] }), 'stray control characters', built(15, { warns: ['kb:encoding'], shows: ['Bell and escape[31m and NUL are stray control characters.'] }));
  add(articlePath(id(16)), kbPage({ id: id(16), title: `${id(16)}: CRLF Line Endings` }).replace(/\n/g, '\r\n'), 'CRLF line endings', built(16, { shows: ['CRLF Line Endings', 'RESOLUTION'], record: { lastModified: '2000-01-01', sections: ['SYMPTOMS', 'RESOLUTION'] } }));
  add(articlePath(id(17)), kbPage({ id: id(17), title: `${id(17)}: Mixed Line Endings` }).split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join(''), 'mixed CRLF, CR and LF endings', built(17, { shows: ['Mixed Line Endings'], record: { lastModified: '2000-01-01', sections: ['SYMPTOMS', 'RESOLUTION'] } }));

  // --- empty, binary, enormous --------------------------------------------------------------------------
  add(articlePath(id(20)), '', 'empty file', { kind: 'rejected', rule: 'kb:empty-file' });
  add(articlePath(id(21)), bytesOf([0xef, 0xbb, 0xbf]), 'only a BOM', { kind: 'rejected', rule: 'kb:empty-file' });
  add(articlePath(id(22)), '\n\n   \n\t\n', 'only white space', { kind: 'rejected', rule: 'kb:no-article-text' });
  add(articlePath(id(23)), pseudoRandomBytes(20_000, 7), 'binary garbage', { kind: 'rejected', rule: 'kb:binary-file' });
  add(articlePath(id(24)), bytesOf([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', pseudoRandomBytes(3000, 3)), 'a PNG named README.md', { kind: 'rejected', rule: 'kb:binary-file' });
  add(articlePath(id(25)), kbPage({ id: id(25), body: Array.from({ length: 90_000 }, (_, i) => `Line ${i} of a file that is far too large to be an article, padded out with words.`) }), 'enormous file (over the 4 MiB limit)', { kind: 'rejected', rule: 'kb:file-too-large' });
  add(articlePath(id(26)), kbPage({ id: id(26), body: ['SYMPTOMS', '========', '', `Long: ${'word '.repeat(150_000)}end.`] }), 'enormous line (750,000 characters)', built(26, { warns: ['kb:long-line'] }));
  add(articlePath(id(27)), kbPage({ id: id(27), body: Array.from({ length: 25_000 }, (_, i) => (i % 50 === 0 ? '' : i % 7 === 0 ? `  indented ${i}   column   ${i * 3}` : `Sentence ${i} of a long but otherwise ordinary article body.`)) }), 'large file (about 1.3 MB) under the limit', built(27));
  add(articlePath(id(28)), kbPage({ id: id(28), body: ['SYMPTOMS', '========', '', `${'='.repeat(200_000)}`, '', `${'-'.repeat(100_000)} ${'1. '.repeat(30_000)}`] }), 'enormous runs of rule characters', built(28, { warns: ['kb:long-line'] }));

  // Shapes that made a stage quadratic (each took minutes to hours at this size before it was fixed): a run of a
  // few hundred thousand spaces, one line with thousands of STOP codes, hex values and events, one block of
  // thousands of `Source:`/`Event ID:` lines, and a header keyword thousands of characters long with a footer.
  add(articlePath(id(29)), kbPage({
    id: id(29),
    header: ['Product(s): Microsoft Exchange', `Keyword(s): ${'kbwidgetkbprb'.repeat(3000)}kbwid`, 'Last Modified: 01-JAN-2000'],
    body: [
      'SYMPTOMS', '========', '',
      `Spaces:${' '.repeat(300_000)}end, Source: ${' '.repeat(100_000)}x Event ${' '.repeat(100_000)}y`,
      '',
      'STOP 0x0000000A 0x80004005 error 2140 Event ID: 4087 Source: MSExchangeIMC '.repeat(3000),
      '',
      ...Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `Event ID: ${i}` : 'Source: MSExchangeIMC')),
    ],
  }), 'pathological repetitions (quadratic before issue #6)', built(29, { warns: ['kb:long-line'], record: { keywords: ['kbwidget', 'kbprb'] } }));

  // --- duplicate ids: the same Q number in two folders ---------------------------------------------------
  add(articlePath(id(30)), kbPage({ id: id(30), title: `${id(30)}: The Right Copy` }), 'the copy in its own folder', built(30, { shows: ['The Right Copy'] }));
  add(`kb/901/${id(30)}/README.md`, kbPage({ id: id(30), title: `${id(30)}: The Misfiled Copy` }), 'the same id under a wrongly numbered folder', { kind: 'rejected', rule: 'kb:duplicate-id' });
  add(articlePath(id(31)), kbPage({ id: id(31), title: `${id(31)}: Header Names Another Article`, header: [`Product(s): Microsoft Exchange`, 'Last Modified: 01-JAN-2000'] }).replace(`Article: ${id(31)}`, `Article: ${id(30)}`), '`Article:` names another id', built(31, { warns: ['kb:article-id-mismatch'] }));
  add(articlePath(id(32)), kbPage({ id: id(32), frontMatter: `title: "${id(30)}: Claims to Be Another"\npermalink: /kb/900/${id(30)}/` }), 'front matter title and permalink of another article', built(32, { warns: ['kb:permalink-refused', 'kb:title-id-mismatch'], record: { permalink: '/kb/900/Q900032/' } }));

  // --- nonsense header values ---------------------------------------------------------------------------
  add(articlePath(id(40)), kbPage({ id: id(40), header: ['Product(s): ', 'Version(s): ;;: ,', 'Operating System(s): ', 'Keyword(s): ', 'Last Modified: 31-FEB-2000'] }), 'empty product, impossible date, empty lists', built(40, { warns: ['kb:date-invalid', 'kb:product-missing'], record: { lastModified: null, product: null, year: null } }));
  add(articlePath(id(41)), kbPage({ id: id(41), header: ['Product(s): Microsoft Exchange', 'Last Modified: yesterday-ish'] }), 'unparseable date', built(41, { warns: ['kb:date-invalid'], record: { lastModified: null } }));
  add(articlePath(id(42)), kbPage({ id: id(42), header: ['Product(s): Microsoft Exchange'] }), 'no Last Modified line', built(42, { warns: ['kb:date-missing'], record: { lastModified: null } }));
  add(articlePath(id(43)), kbPage({ id: id(43), header: ['Product(s): ..', 'Version(s): ..; WINDOWS:..; .:.', 'Keyword(s): .. . ../.. %2e%2e ~ index.html ?q=1 #x', 'Last Modified: 01-JAN-2000'], footer: ['Keywords          : .. . kbwidget', 'Issue type        : ../../etc', 'Technology        : ..'] }), 'path-like product and keywords', built(43, { warns: ['kb:product-unknown'] }));

  // --- hostile text -------------------------------------------------------------------------------------
  const all = Object.values(XSS).join(' ');
  add(articlePath(id(50)), kbPage({ id: id(50), title: `${id(50)}: ${XSS.script} ${XSS.comment} ${XSS.cdata}` }), 'script, comment and CDATA in the title', built(50, { shows: [`${XSS.script} ${XSS.comment} ${XSS.cdata}`] }));
  add(articlePath(id(51)), kbPage({ id: id(51), body: ['SYMPTOMS', '========', '', ...Object.values(XSS), '', `    ${all}`, '', `1. ${XSS.img}`, '- ' + XSS.link, '', 'Event ID: 4087', `Source: ${XSS.svg}`] }), 'markup in the body', built(51, { shows: Object.values(XSS) }));
  add(articlePath(id(52)), kbPage({ id: id(52), frontMatter: `title: ${JSON.stringify(`${id(52)}: ${XSS.img}`)}\npermalink: /kb/900/${id(52)}/\nlayout: "<script>alert(1)</script>"\nonload: "alert(1)"`, header: [`Product(s): ${XSS.img}`, `Version(s): WINDOWS:${XSS.script}`, `Operating System(s): ${XSS.link}`, `Keyword(s): javascript:alert(1) ${XSS.svg}`, 'Last Modified: 01-JAN-2000'], footer: [`Keywords          : javascript:alert(1) <b>bold</b>`, `Technology        : ${XSS.iframe}`, 'Issue type        : <script>'] }), 'markup in front matter and header fields', built(52, { shows: [XSS.img] }));
  add(articlePath(id(53)), kbPage({ id: id(53), body: ['SYMPTOMS', '========', '', 'See article Q900030 and <a href="javascript:alert(3)">Q900031</a>.', 'Also http://example.com/"onmouseover="alert(4) and javascript:alert(5).'] }), 'markup around citations and URLs', built(53, { shows: ['javascript:alert(5)'] }));

  // --- template syntax ----------------------------------------------------------------------------------
  const templates = TEMPLATES.join(' ');
  add(articlePath(id(60)), kbPage({ id: id(60), title: `${id(60)}: Template {{ 7*7 }} and {% include "x" %}`, body: ['SYMPTOMS', '========', '', ...TEMPLATES.map((t) => `Text ${t} text.`), '', `    ${templates}`, '{% endraw %}', 'Text after a stray endraw {{ 7*7 }}.'] }), 'Liquid/Nunjucks syntax in title and body, a stray `{% endraw %}` mid-text', built(60, { shows: ['Template {{ 7*7 }} and {% include "x" %}', ...TEMPLATES.map((t) => `Text ${t} text.`), 'Text after a stray endraw {{ 7*7 }}.'] }));
  add(articlePath(id(61)), kbPage({ id: id(61), frontMatter: `title: "${id(61)}: {{ 7*7 }}"\npermalink: "/kb/900/{{ page.fileSlug }}/"\neleventyComputed:\n  title: "{{ 7*7 }}"\npagination:\n  data: collections.all`, header: ['Product(s): {{ 7*7 }}', 'Keyword(s): {{7*7}} {%raw%}', 'Last Modified: 01-JAN-2000'] }), 'template syntax in front matter and headers', built(61, { warns: ['kb:permalink-refused'], shows: ['{{ 7*7 }}'], record: { title: '{{ 7*7 }}', product: '{{ 7*7 }}' } }));

  // --- permalinks that would escape or collide ----------------------------------------------------------
  add(articlePath(id(70)), kbPage({ id: id(70), frontMatter: `title: "${id(70)}: Escaping Permalink"\npermalink: ../../etc/` }), 'permalink ../../etc/', built(70, { warns: ['kb:permalink-refused'], record: { permalink: '/kb/900/Q900070/' } }));
  add(articlePath(id(71)), kbPage({ id: id(71), frontMatter: `title: "${id(71)}: Absolute Permalink"\npermalink: /../../../../tmp/kb-hostile-escape/` }), 'permalink climbing above the root', built(71, { warns: ['kb:permalink-refused'] }));
  add(articlePath(id(72)), kbPage({ id: id(72), frontMatter: `title: "${id(72)}: Home Page Permalink"\npermalink: /index.html` }), 'permalink at the home page', built(72, { warns: ['kb:permalink-refused'] }));
  add(articlePath(id(73)), kbPage({ id: id(73), frontMatter: `title: "${id(73)}: URL Permalink"\npermalink: "https://evil.example/x/"` }), 'permalink to another site', built(73, { warns: ['kb:permalink-refused'] }));

  // --- structure ----------------------------------------------------------------------------------------
  add(articlePath(id(80)), kbPage({ id: id(80) }).replace('{% endraw %}', ''), '`{% raw %}` never closed', built(80, { warns: ['kb:raw-unclosed'] }));
  add(articlePath(id(81)), kbPage({ id: id(81) }).replace('{% raw %}\n', '').replace('{% endraw %}', ''), 'no raw wrapper', built(81, { warns: ['kb:raw-missing'] }));
  add(articlePath(id(82)), `---\ntitle: "${id(82)}: Nothing Inside"\npermalink: /kb/900/${id(82)}/\n---\n## ${id(82)}: Nothing Inside\n\n{% raw %}\n{% endraw %}\n`, 'nothing between the raw tags', { kind: 'rejected', rule: 'kb:no-article-text' });
  add(`kb/900/Q0/README.md`, kbPage({ id: 'Q0' }), 'a folder whose number is not an article number', { kind: 'rejected', rule: 'kb:id-missing' });
  return files;
}

/** Writes the files under `root`. */
export function writeHostileCorpus(root: string, files: HostileFile[] = hostileFiles()): void {
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.bytes);
  }
}
