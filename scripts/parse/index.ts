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
      message: `The parser failed on this file (${error instanceof Error ? error.message : String(error)}); please report it with the file`,
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

  const front = readFrontMatter(source.text);
  if (front.error) {
    report('rejected', front.error.rule, `Malformed front matter: ${front.error.reason} (line ${front.error.line}); fix the YAML between the \`---\` lines`, front.error.line);
    return;
  }
  if (front.missing) report('warning', 'kb:front-matter-missing', 'No YAML front matter (`---` … `---`); title and permalink must come from the text');
  out.frontMatter = front.data;

  const unwrapped = unwrapRaw(front.content);
  const firstLine = front.contentLine + unwrapped.firstLine - 1;
  for (const problem of unwrapped.problems) {
    report('warning', `kb:${problem.rule}`, problem.message, front.contentLine + problem.line - 1);
  }
  out.plainText = unwrapped.plainText;
  if (!unwrapped.plainText.trim()) {
    report('rejected', 'kb:no-article-text', 'The file has no article text between `{% raw %}` and `{% endraw %}`', firstLine);
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
  if (source.folderId && data.raw.header.article && data.raw.header.article !== source.folderId) {
    report('warning', 'kb:article-id-mismatch', `\`Article: ${data.raw.header.article}\` does not match the folder id ${source.folderId}`, firstLine);
  }
}
