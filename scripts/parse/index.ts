/**
 * The parse stage: one source file → `ParsedArticle`.
 *
 *   front matter (gray-matter, YAML only) → unwrap `{% raw %}` (string work) → the frozen KB processor
 *   (remark-kb-parse → escapes → citations → heading anchors → remark-rehype → rehype-stringify)
 *
 * Never throws: bad content becomes `Diagnostic`s; a file that cannot yield an article gets one with
 * severity `rejected` (malformed front matter, no article text).
 */
import { VFile } from 'vfile';
import type { Diagnostic, ParsedArticle, SourceFile } from '../types.ts';
import { readFrontMatter } from './front-matter.ts';
import { kbProcessor } from './processor.ts';
import { kbData } from './rules.ts';
import { unwrapRaw } from './unwrap.ts';

export function parseArticle(source: SourceFile): ParsedArticle {
  const diagnostics: Diagnostic[] = [];
  const result = emptyArticle(source, diagnostics);
  try {
    parseInto(source, result, diagnostics);
  } catch (error) {
    // A bug in the recogniser must not stop a 60k-article build: report the file and move on.
    diagnostics.push({
      file: source.path,
      severity: 'rejected',
      rule: 'kb:parse-internal-error',
      message: `The parser failed on this file (${error instanceof Error ? error.message : String(error)}), so it yields no page; this is a bug in the build, not in the file: please report it with the file attached.`,
    });
  }
  return result;
}

function emptyArticle(source: SourceFile, diagnostics: Diagnostic[]): ParsedArticle {
  return {
    source,
    frontMatter: {},
    plainText: '',
    raw: { header: {}, footer: {}, appliesTo: [], queryWords: null },
    sections: [],
    bodyHtml: '',
    bodyText: '',
    rules: {},
    diagnostics,
  };
}

function parseInto(source: SourceFile, out: ParsedArticle, diagnostics: Diagnostic[]): void {
  const report = (severity: Diagnostic['severity'], rule: string, message: string, line?: number): void => {
    diagnostics.push(line === undefined ? { file: source.path, severity, rule, message } : { file: source.path, line, severity, rule, message });
  };

  if (!source.text.trim()) {
    // A blank file: one rejection says it all (not also "no front matter", "no heading", "no wrapper").
    report('rejected', 'kb:no-article-text', 'The file holds only blank lines, so there is nothing to build; restore the article\'s text or remove the file.', 1);
    return;
  }
  const front = readFrontMatter(source.text);
  if (front.error) {
    report('rejected', front.error.rule, `The front matter cannot be read (${front.error.reason}), so the file yields no page. ${FRONT_MATTER_FIX[front.error.rule] ?? FRONT_MATTER_FIX['kb:front-matter-yaml']}`, front.error.line);
    return;
  }
  if (front.missing) {
    report('warning', 'kb:front-matter-missing', 'The file has no front matter (the `---` block with title and permalink at the top); the title comes from the `## Qn: title` heading and the address from the folder. Add the block to silence this.', 1);
  }
  out.frontMatter = front.data;

  const unwrapped = unwrapRaw(front.content);
  const firstLine = front.contentLine + unwrapped.firstLine - 1;
  out.plainText = unwrapped.plainText;
  for (const problem of unwrapped.problems) {
    report('warning', `kb:${problem.rule}`, problem.message, front.contentLine + problem.line - 1);
  }
  if (!unwrapped.plainText.trim()) {
    const where = unwrapped.problems.some((p) => p.rule === 'raw-missing') ? 'after the front matter and heading' : 'between `{% raw %}` and `{% endraw %}`';
    report('rejected', 'kb:no-article-text', `The file has no article text ${where}, so there is nothing to build; restore the article's text or remove the file.`, firstLine);
    return;
  }

  const file = new VFile({ path: source.path, value: unwrapped.plainText, data: { kbFolderId: source.folderId } });
  out.bodyHtml = String(kbProcessor.processSync(file));
  const data = kbData(file);
  out.raw = data.raw;
  out.sections = data.sections;
  out.bodyText = data.bodyText;
  out.rules = data.rules;
  for (const message of file.messages) {
    const line = message.line == null ? undefined : firstLine + message.line - 1;
    report(message.fatal ? 'rejected' : 'warning', `${message.source ?? 'kb'}:${message.ruleId ?? 'unknown'}`, message.reason, line);
  }
  // An `Article:` line naming another id is reported once, by the normalise stage, which decides the id.
}

/** What to do about each kind of unreadable front matter. */
const FRONT_MATTER_FIX: Record<string, string> = {
  'kb:front-matter-yaml': 'Fix the YAML between the two `---` lines (it holds `title:` and `permalink:`, e.g. `title: "Q182346: Title"`).',
  'kb:front-matter-unclosed': 'Add a `---` line after the last `key: value` line, before the `## Qn: title` heading.',
  'kb:front-matter-language': 'Use plain YAML front matter: an opening line of just `---`. Front matter in other languages is never run.',
};
