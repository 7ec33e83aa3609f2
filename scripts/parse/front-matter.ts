/**
 * Front matter with gray-matter. Two gray-matter defaults are unsafe for 60k untrusted files:
 * - without an options object it caches every input forever (`matter.cache`), so `{}` is always passed;
 * - a `---js` opening line selects its JavaScript engine, which `eval`s the front matter: only YAML is allowed.
 */
import matter from 'gray-matter';
import type { ParsedArticle } from '../types.ts';

export interface FrontMatterResult {
  data: ParsedArticle['frontMatter'];
  /** The text after the front matter (the whole text when there is none). */
  content: string;
  /** 1-based line of the file where `content` starts. */
  contentLine: number;
  /** Present when there is no front matter. */
  missing?: true;
  /** Present when the file cannot yield an article: why, and on which line of the file. */
  error?: { rule: string; reason: string; line: number };
}

function refuse(): never {
  throw new Error('only YAML front matter is accepted');
}

/** Options resolved once: YAML only, every other engine refuses. */
const OPTIONS = { language: 'yaml', engines: { javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse, cson: refuse, toml: refuse } };

/** Splits off and parses the front matter; never throws. */
export function readFrontMatter(text: string): FrontMatterResult {
  // `----…` is a rule of dashes, not an opening `---` (gray-matter agrees): the file simply has no front matter.
  if (!text.startsWith('---') || text.charAt(3) === '-') return { data: {}, content: text, contentLine: 1, missing: true };
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const language = firstLine.slice(3).trim();
  if (language && language !== 'yaml' && language !== 'yml') {
    return { data: {}, content: '', contentLine: 1, error: { rule: 'kb:front-matter-language', reason: `front matter language "${language}" is not YAML (gray-matter would run it as code)`, line: 1 } };
  }
  // gray-matter reads an unclosed block to the end of the file and js-yaml then reports some unrelated symptom
  // deep in the article text ("missed comma between flow collection entries"): say what is really wrong.
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(firstLine.length))) {
    return { data: {}, content: '', contentLine: 1, error: { rule: 'kb:front-matter-unclosed', reason: 'the front matter opened by `---` on line 1 has no closing `---` line', line: 1 } };
  }
  try {
    const parsed = matter(text, { ...OPTIONS });
    const data = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, content: parsed.content, contentLine: 1, error: { rule: 'kb:front-matter-yaml', reason: `the front matter is ${Array.isArray(data) ? 'a YAML list' : data === null ? 'empty of keys' : `a single ${typeof data}`}, not \`key: value\` lines`, line: 2 } };
    }
    // gray-matter keeps the newline after the closing `---` in `content`; count what it cut off.
    const consumed = text.length - parsed.content.length;
    const contentLine = countNewlines(text, consumed) + 1;
    if (parsed.matter === '' && !/^---\r?\n/.test(text)) return { data: {}, content: text, contentLine: 1, missing: true };
    return { data: data as ParsedArticle['frontMatter'], content: parsed.content, contentLine };
  } catch (error) {
    return { data: {}, content: '', contentLine: 1, error: yamlError(error) };
  }
}

/** js-yaml's `reason` and `mark.line`: 0-based in a buffer that starts with the opening `---` line's newline,
 *  so mark line 0 is file line 1. */
function yamlError(error: unknown): { rule: string; reason: string; line: number } {
  const e = error as { reason?: unknown; message?: unknown; mark?: { line?: unknown } };
  const reason = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message.split('\n')[0]! : String(error);
  const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : 1;
  return { rule: 'kb:front-matter-yaml', reason, line };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
