/**
 * From the page body to the article's plain text by plain string work — never a template engine, because
 * article text holds `{{ }}` (87 pages) and `{%` (4) that must stay text (FORMAT.md §11).
 */

export interface Unwrapped {
  /** Lines between `{% raw %}` and `{% endraw %}`, one leading TAB removed per line, trailing blank lines dropped. */
  plainText: string;
  /** 1-based line of the page body where plainText's first line is. */
  firstLine: number;
  /** The `## Qnnn: title` heading text, when present. */
  heading: string | null;
  /** Problems found: rule id and message (warnings; the caller decides severity). */
  problems: { rule: string; message: string; line: number }[];
}

const RAW_OPEN = '{% raw %}';
const RAW_CLOSE = '{% endraw %}';

/** Extracts the plain text from the page content (what follows the front matter). */
export function unwrapRaw(content: string): Unwrapped {
  const problems: Unwrapped['problems'] = [];
  let heading: string | null = null;
  let rest = content;
  let offset = 0; // characters of `content` before `rest`

  // The `## Qnnn: title` heading line is dropped: the title comes from the front matter.
  const headingAt = content.search(/^## /m);
  const openAt = content.indexOf(RAW_OPEN);
  if (headingAt >= 0 && (openAt < 0 || headingAt < openAt)) {
    const end = content.indexOf('\n', headingAt);
    heading = content.slice(headingAt + 3, end < 0 ? content.length : end).trim();
    offset = end < 0 ? content.length : end + 1;
    rest = content.slice(offset);
  } else {
    problems.push({ rule: 'title-heading-missing', message: 'No `## Qnnn: title` heading line before the article text; the title comes from the front matter. Add the heading to silence this.', line: 1 });
  }

  const open = rest.indexOf(RAW_OPEN);
  if (open >= 0) {
    const afterOpen = rest.indexOf('\n', open + RAW_OPEN.length);
    const start = afterOpen < 0 ? rest.length : afterOpen + 1;
    let close = rest.lastIndexOf(RAW_CLOSE);
    if (close < start) {
      problems.push({ rule: 'raw-unclosed', message: '`{% raw %}` has no `{% endraw %}`, so the article text runs to the end of the file. Add `{% endraw %}` on its own line after the text.', line: lineAt(content, offset + open) });
      close = rest.length;
    }
    offset += start;
    rest = rest.slice(start, close);
  } else {
    problems.push({ rule: 'raw-missing', message: 'No `{% raw %}` … `{% endraw %}` wrapper; everything after the heading is used as the article text. Wrap the text in `{% raw %}` and `{% endraw %}` lines to silence this.', line: lineAt(content, offset) });
  }

  const lines = rest.split('\n').map((line) => (line.charCodeAt(0) === 9 ? line.slice(1) : line));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return { plainText: lines.join('\n'), firstLine: lineAt(content, offset), heading, problems };
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
