/**
 * A deliberately simple stand-in for the KB recogniser (scripts/parse/, written in parallel):
 * line regexes that pull the raw header/footer values out of a real page, so the normalisers can be
 * developed and measured against the corpus without depending on the parser. Not used by the build.
 *
 * It relies on FORMAT.md's measurements: the front matter is always `layout`/`title`/`permalink`
 * (§1, 100% uniform), the header is always the six labelled lines (§2), and the footer is the
 * `Label<padded>: value` lines after a rule of 70 `=` (§5).
 */
import type { KbRawFields, ParsedArticle } from '../../scripts/types.ts';

export interface RawPage {
  frontMatter: { title?: string; permalink?: string; layout?: string };
  /** The `## Qn: title` heading text, or null. */
  heading: string | null;
  /** The text between `{% raw %}` and `{% endraw %}`, one leading TAB removed per line. */
  plainText: string;
  raw: KbRawFields;
}

const HEADER_LABELS: Record<string, keyof KbRawFields['header']> = {
  'Article': 'article',
  'Product(s)': 'product',
  'Version(s)': 'versions',
  'Operating System(s)': 'os',
  'Keyword(s)': 'keywords',
  'Last Modified': 'lastModified',
};

/** Undo YAML double-quoted escapes (`\"`, `\\`); genmd never needed others. */
function yamlUnquote(value: string): string {
  const v = value.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) return v.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

export function extractRawPage(text: string): RawPage {
  const frontMatter: RawPage['frontMatter'] = {};
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm?.[1] !== undefined) {
    for (const line of fm[1].split('\n')) {
      const m = /^(title|permalink|layout):\s*(.*)$/.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) frontMatter[m[1] as 'title' | 'permalink' | 'layout'] = yamlUnquote(m[2]);
    }
  }
  const heading = /^## (.*)$/m.exec(text)?.[1] ?? null;
  const rawMatch = /\{% raw %\}\n?([\s\S]*?)\{% endraw %\}/.exec(text);
  const plainText = (rawMatch?.[1] ?? '')
    .split('\n')
    .map((l) => l.replace(/^\t/, ''))
    .join('\n');
  return { frontMatter, heading, plainText, raw: extractRawFields(plainText) };
}

export function extractRawFields(plainText: string): KbRawFields {
  const lines = plainText.split('\n');
  const header: KbRawFields['header'] = {};
  const footer: Record<string, string> = {};
  const appliesTo: string[] = [];
  const queryWords: string[] = [];
  let i = 0;
  // Header: the labelled lines at the top (FORMAT §2: always the six, in order, then a blank line).
  for (; i < lines.length && i < 12; i++) {
    const line = lines[i] ?? '';
    const m = /^(Article|Product\(s\)|Version\(s\)|Operating System\(s\)|Keyword\(s\)|Last Modified):(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      const key = HEADER_LABELS[m[1]];
      if (key) header[key] = m[2].trim();
    } else if (line.trim() === '' && Object.keys(header).length > 0) {
      break;
    }
  }
  // The footer opens at the last rule of exactly 70 `=` (FORMAT §5); body text has such rules too.
  let footerStart = -1;
  lines.forEach((line, index) => {
    if (/^={70}\s*$/.test(line)) footerStart = index;
  });
  let inApplies = false;
  let inFooter = false;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (i === footerStart) {
      inFooter = true;
      continue;
    }
    if (inFooter) {
      // The closing rule (77 `=`) ends the footer.
      if (/^=+\s*$/.test(line)) {
        inFooter = false;
        continue;
      }
      const m = /^([A-Za-z][A-Za-z ]*?)\s*:\s?(.*)$/.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) footer[m[1].toLowerCase()] = m[2].trim();
      continue;
    }
    if (/^-{60,}\s*$/.test(line)) {
      inApplies = !inApplies;
      continue;
    }
    if (inApplies) {
      const item = /^\s*- (.*)$/.exec(line);
      if (item?.[1] !== undefined) appliesTo.push(item[1].trim());
      continue;
    }
    const q = /^Additional query words:(.*)$/.exec(line);
    if (q?.[1] !== undefined) queryWords.push(q[1].trim());
  }
  return {
    header,
    footer,
    appliesTo,
    queryWords: queryWords.length > 0 ? queryWords.join(' ').trim() : null,
  };
}

/** Path `kb/182/Q182346/README.md` → `Q182346`. */
export function folderIdOf(path: string): string | null {
  return /(?:^|\/)kb\/\d{3}\/(Q\d+)\/README\.md$/.exec(path)?.[1] ?? null;
}

/** A `ParsedArticle` good enough for `buildRecord`: the body fields are left empty. */
export function toParsedArticle(path: string, text: string): ParsedArticle {
  const page = extractRawPage(text);
  const frontMatter: ParsedArticle['frontMatter'] = { ...page.frontMatter };
  return {
    source: { path, folderId: folderIdOf(path), text, encoding: 'utf-8', bytes: Buffer.byteLength(text) },
    frontMatter,
    plainText: page.plainText,
    raw: page.raw,
    sections: [],
    bodyHtml: '',
    bodyText: '',
    rules: {},
    diagnostics: [],
  };
}
