/**
 * An approximation of what the KB recogniser (scripts/parse/) hands the symptom extractors, built straight from a
 * raw `kb/<NNN>/Q<n>/README.md`. Used only by the tests and by `measure.ts`, so the extractors can be developed
 * and measured against the real corpus before the recogniser lands. Not part of the build.
 *
 * It follows `ParsedArticle.bodyText`: the text between `{% raw %}` and `{% endraw %}`, one leading TAB removed per
 * line, with the header block, the applies-to block, the `Additional query words:` line(s) and the footer removed;
 * every other line kept as written.
 */
import type { SymptomInput } from './types.ts';

const TITLE_LINE = /^title:\s*"(.*)"\s*$/m;
const TITLE_ID = /^Q\d+:\s*/;
/** The six header labels (FORMAT §2: always these, in this order, then a blank line). */
const HEADER_LABEL = /^(Article|Product\(s\)|Version\(s\)|Operating System\(s\)|Keyword\(s\)|Last Modified):/;
const APPLIES_RULE = /^-{60,}\s*$/;
/** Footer opens with 70 `=` (FORMAT §5); nothing follows it but the footer. */
const FOOTER_RULE = /^={70}\s*$/;
/** `Additional query words:` and its old variant `Additional reference words:` (11 pages). */
const QUERY_WORDS = /^\s*Additional (?:query|reference) words:(.*)$/;
const PRODUCT = /^Product\(s\):(.*)$/m;

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', gt: '>', lt: '<', apos: "'" };

/** Decodes the entities genmd wrote into titles (FORMAT §1: `&quot;`, `&amp;`, `&#92;` …). */
export function decodeTitleEntities(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) return String.fromCharCode(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Builds a SymptomInput from a raw README.md. `id` defaults to the title's `Qnnn`. */
export function symptomInputFromReadme(readme: string, id?: string): SymptomInput {
  const rawTitle = TITLE_LINE.exec(readme)?.[1] ?? '';
  const articleId = id ?? /^(Q\d+):/.exec(rawTitle)?.[1] ?? '';
  const title = decodeTitleEntities(rawTitle.replace(TITLE_ID, ''));
  const start = readme.indexOf('{% raw %}');
  const end = readme.lastIndexOf('{% endraw %}');
  const inner = start >= 0 && end > start ? readme.slice(start + '{% raw %}'.length, end) : '';
  const lines = inner.split('\n').map((line) => (line.startsWith('\t') ? line.slice(1) : line));

  const body: string[] = [];
  const queryWords: string[] = [];
  let i = 0;
  // Skip leading blank lines, then the header block (label lines up to the first blank line).
  while (i < lines.length && lines[i]!.trim() === '') i++;
  while (i < lines.length && HEADER_LABEL.test(lines[i]!)) i++;
  let inApplies = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (FOOTER_RULE.test(line)) break;
    if (APPLIES_RULE.test(line)) {
      // The applies-to block is framed by two dash rules; a lone rule elsewhere is kept as text.
      if (inApplies) { inApplies = false; continue; }
      if (/applies to/i.test(lines[i + 1] ?? '')) { inApplies = true; continue; }
    }
    if (inApplies) continue;
    const q = QUERY_WORDS.exec(line);
    if (q) { queryWords.push(q[1]!.trim()); continue; }
    body.push(line);
  }
  const product = PRODUCT.exec(inner.replace(/^\t/gm, ''))?.[1]?.trim() || null;
  return {
    id: articleId,
    title,
    bodyText: body.join('\n'),
    queryWords: queryWords.length > 0 ? queryWords.join(' ').trim() : null,
    product,
  };
}
