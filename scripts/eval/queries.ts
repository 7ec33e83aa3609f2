/**
 * The search evaluation set: queries made at run time from a corpus, each with the one article it came from, so a
 * search can be scored on whether it finds that article (scripts/eval/score.ts). Nothing of the corpus is stored in
 * the project: the set is re-made from the corpus whenever it is needed, and is the same for the same corpus,
 * `perKind` and `seed` (a seeded PRNG draws the articles from the sorted list of article files).
 *
 * Four kinds of query, `perKind` of each, each kind from different articles:
 *   - `symptoms`: one sentence (8–20 words) of the article's SYMPTOMS section, as a reader describes what they see;
 *   - `deep`: one sentence (10–15 words) from the second half of the body, which a search holding only the start
 *     of each article cannot find;
 *   - `error`: one of the article's error messages (`record.errorMessages`, 3–20 words), as typed from a dialog box;
 *   - `title`: 2–3 of the title's rarest words, as someone half-remembering an article types them.
 *
 * Articles are read by the project's own per-article pipeline (`processArticle`): the record for the title, sections
 * and error messages, the plain text for the sentences.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { findArticleFiles } from '../read/index.ts';
import { decodeText } from '../read/decode.ts';
import { processArticle } from '../pipeline/article.ts';
import type { ArticleRecord } from '../types.ts';
import { seededRandom } from '../report/seeded-random.ts';

export type EvalKind = 'symptoms' | 'deep' | 'error' | 'title';
export interface EvalQuery {
  kind: EvalKind;
  query: string;
  /** The article the query was made from: `Q182346`. */
  expected: string;
}

export const EVAL_KINDS: readonly EvalKind[] = ['symptoms', 'deep', 'error', 'title'];

/** What a kind's maker sees of one article. */
interface Article {
  record: ArticleRecord;
  plainText: string;
}

/**
 * Makes `perKind` queries of each kind (fewer only when the corpus has too few articles that yield one). For each
 * kind, articles are drawn without replacement from the sorted file list by a PRNG seeded from `seed` and the kind;
 * an article that yields nothing for the kind is skipped and the next one drawn.
 */
export async function makeEvalSet(corpusDir: string, options: { perKind?: number; seed?: number } = {}): Promise<EvalQuery[]> {
  const perKind = options.perKind ?? 100;
  const seed = options.seed ?? 1;
  const { paths } = await findArticleFiles(corpusDir);

  const articles = new Map<string, Article | null>();
  const articleAt = async (path: string): Promise<Article | null> => {
    if (articles.has(path)) return articles.get(path) ?? null;
    const processed = await processArticle(corpusDir, path);
    const article = processed.record ? { record: processed.record, plainText: processed.plainText } : null;
    articles.set(path, article);
    return article;
  };

  let titleDf: Map<string, number> | null = null;
  const out: EvalQuery[] = [];
  for (const [k, kind] of EVAL_KINDS.entries()) {
    const rng = seededRandom(Math.imul(seed, 0x9e3779b1) + k * 0x85ebca6b);
    if (kind === 'title') titleDf ??= titleDocumentFrequencies(corpusDir, paths);
    // Partial Fisher–Yates over the file indices: each draw is a new article, and the list runs out cleanly.
    const order = paths.map((_, i) => i);
    let made = 0;
    const seen = new Set<string>();
    for (let n = 0; n < order.length && made < perKind; n++) {
      const j = n + Math.floor(rng() * (order.length - n));
      [order[n], order[j]] = [order[j]!, order[n]!];
      const article = await articleAt(paths[order[n]!]!);
      if (!article || seen.has(article.record.id)) continue;
      const query =
        kind === 'symptoms' ? symptomsQuery(article, rng)
        : kind === 'deep' ? deepQuery(article, rng)
        : kind === 'error' ? errorQuery(article, rng)
        : titleQuery(article, rng, titleDf!);
      if (query === null) continue;
      seen.add(article.record.id);
      out.push({ kind, query, expected: article.record.id });
      made++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The article's body as paragraphs of prose.

const HEADER_LINE = /^(?:Article|Product\(s\)|Version\(s\)|Operating System\(s\)|Keyword\(s\)|Last Modified)\s*:/;
const DASHED_RULE = /^-{20,}\s*$/;
const UNDERLINE = /^\s*(?:={3,}|-{3,})\s*$/;
const FOOTER_LABEL = /^[A-Z][A-Za-z ]*?\s+:/;

/** The lines of the plain text that are body: after the header block and its "applies to" list, before
 *  `Additional query words:` and the footer (`====` rule, `Keywords :` …). */
function bodyRange(lines: string[]): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < Math.min(lines.length, 15); i++) if (HEADER_LINE.test(lines[i]!)) start = i + 1;
  let i = start;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i < lines.length && DASHED_RULE.test(lines[i]!)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 80); j++) {
      if (DASHED_RULE.test(lines[j]!)) {
        start = j + 1;
        break;
      }
    }
  }
  let end = lines.length;
  for (let j = start; j < lines.length; j++) {
    const line = lines[j]!;
    const footerRule = /^={40,}\s*$/.test(line) && (j === 0 || lines[j - 1]!.trim() === '' || FOOTER_LABEL.test(lines[j + 1] ?? ''));
    if (/^Additional query words\s*:/i.test(line) || /^Keywords\s+:/.test(line) || footerRule) {
      end = j;
      break;
    }
  }
  return { start, end };
}

/** A line of code, a table row, a citation or a URL rather than prose. */
function notProse(line: string): boolean {
  const t = line.trim();
  if (/\S\s{3,}\S/.test(t)) return true; // columns
  if (/[{};<>\\|=#]|\(\)|::|->|\/\/|\/\*|https?:|www\./i.test(t)) return true; // code, paths, URLs
  if (/^(?:Q\d{5,7}\b|ARTICLE-ID|TITLE\s*:)/i.test(t)) return true; // citations of other articles
  if (/^(?:REM\b|'|;|\$|C:\\|[A-Z]:\\)/.test(t)) return true;
  const chars = t.replace(/\s/g, '');
  const letters = chars.replace(/[^A-Za-z]/g, '');
  if (chars.length > 0 && letters.length / chars.length < 0.75) return true;
  // Mostly capitals over several words: BASIC or xBase code, a screen's text, not a sentence.
  return t.split(/\s+/).length >= 4 && letters.replace(/[^A-Z]/g, '').length / Math.max(letters.length, 1) > 0.6;
}

const LIST_MARKER = /^\s*(?:[-*•o]|\d{1,2}[.)]|[A-Za-z][.)])\s+/;
const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

interface Paragraph {
  /** Index of its first line in the plain text. */
  line: number;
  /** Its lines joined, list markers removed, whitespace collapsed. */
  text: string;
}

/** The prose paragraphs of lines [start, end): blocks between blank lines with no heading, code or table line. */
function paragraphs(lines: string[], start: number, end: number): Paragraph[] {
  const out: Paragraph[] = [];
  let block: string[] = [];
  let first = start;
  const flush = () => {
    if (block.length > 0 && !block.some((l) => UNDERLINE.test(l) || notProse(l))) {
      const itemIndent = indentOf(block[0]!);
      // A line that starts a new list item (no deeper than the first) loses its marker; a continuation keeps its text.
      const text = block
        .map((l, i) => (i === 0 || indentOf(l) <= itemIndent ? l.replace(LIST_MARKER, '') : l))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) out.push({ line: first, text });
    }
    block = [];
  };
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flush();
      first = i + 1;
    } else block.push(line);
  }
  flush();
  return out;
}

/** Sentences end at `.`, `!` or `?` followed by a space and a capital, a digit or an opening quote. */
const splitSentences = (text: string): string[] => text.split(/(?<=[.!?]["')]?)\s+(?=["'(]?[A-Z0-9])/).map((s) => s.trim()).filter(Boolean);

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const isAlphabeticWord = (w: string): boolean => /^[A-Za-z]+(?:['’-][A-Za-z]+)*$/.test(w.replace(/^["'(]+|["'),.:;!?]+$/g, ''));

/** Sentences found in hundreds of articles (whichever article a search ranks first for them, it is luck), and
 *  sentences that cite another article (they name that article, not this one). */
const BOILERPLATE = [
  /Microsoft has confirmed/i,
  /We are researching this (?:problem|bug)/i,
  /will post new information here/i,
  /listed at the beginning of this article/i,
  /(?:more|additional) information/i,
  /(?:following|this) article/i,
  /Knowledge Base/i,
  /This behavior is by design/i,
  /This (?:problem|bug) was (?:first )?corrected in/i,
  /latest (?:service pack|U\.S\. service pack)/i,
  /coordinated universal time/i,
  /Product Support Services/i,
  /file attributes or later/i,
  /Microsoft Download Center/i,
  /Microsoft Press is committed/i,
  /\bQ\d{5,7}\b/, // a citation of another article
  /PROVIDED "?AS IS"?/i,
  /click the article number/i,
  /The information in this article applies to/i,
];

/** A sentence usable as a query: `min`–`max` words, at least 60% of them plain alphabetic words, not boilerplate. */
function proseSentence(sentence: string, min: number, max: number): boolean {
  const w = words(sentence);
  if (w.length < min || w.length > max) return false;
  if (!/^["'(]?[A-Za-z]/.test(sentence)) return false;
  if (w.filter(isAlphabeticWord).length / w.length < 0.6) return false;
  return !BOILERPLATE.some((re) => re.test(sentence));
}

const pick = <T>(items: T[], rng: () => number): T | null => (items.length === 0 ? null : items[Math.floor(rng() * items.length)]!);

// ---------------------------------------------------------------------------------------------------------------
// The kinds.

function symptomsQuery(article: Article, rng: () => number): string | null {
  if (!article.record.sections.some((s) => /^SYMPTOMS?$/i.test(s.trim()))) return null;
  const lines = article.plainText.split('\n');
  const { start, end } = bodyRange(lines);
  // The section runs from its heading to the next heading (a text line underlined by `=` or `-`).
  const isHeading = (i: number) => lines[i]!.trim() !== '' && !UNDERLINE.test(lines[i]!) && UNDERLINE.test(lines[i + 1] ?? '');
  let from = -1;
  for (let i = start; i < end; i++) {
    if (isHeading(i) && /^SYMPTOMS?$/i.test(lines[i]!.trim())) {
      from = i + 2;
      break;
    }
  }
  if (from < 0) return null;
  let to = end;
  for (let i = from; i < end; i++) {
    if (isHeading(i)) {
      to = i;
      break;
    }
  }
  const candidates = paragraphs(lines, from, to).flatMap((p) => splitSentences(p.text)).filter((s) => proseSentence(s, 8, 20));
  return pick(candidates, rng);
}

function deepQuery(article: Article, rng: () => number): string | null {
  const lines = article.plainText.split('\n');
  const { start, end } = bodyRange(lines);
  // The middle of the body by characters: a sentence counts when its paragraph starts after it.
  let total = 0;
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    offsets.push(total);
    total += lines[i]!.length + 1;
  }
  const middle = total / 2;
  const candidates = paragraphs(lines, start, end)
    .filter((p) => offsets[p.line - start]! >= middle)
    .flatMap((p) => splitSentences(p.text))
    .filter((s) => proseSentence(s, 10, 15));
  return pick(candidates, rng);
}

function errorQuery(article: Article, rng: () => number): string | null {
  const candidates = article.record.errorMessages
    .map((m) => m.replace(/\s+/g, ' ').trim())
    .filter((m) => {
      const n = words(m).length;
      return n >= 3 && n <= 20;
    });
  return pick(candidates, rng);
}

const STOPWORDS = new Set(
  ('a an and are as at be but by can cannot could do does doesn\'t don\'t for from has have how if in into is isn\'t it its ' +
    'may might not of off on or that the their then there these this to too was were what when where which while who why ' +
    'will with without won\'t you your can\'t after before using use used vs via')
    .split(' '),
);
const titleWords = (title: string): string[] => title.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];

/**
 * 2–3 of the title's rarest words, rarest first. Rarity is document frequency over the titles of every article in
 * the corpus (read cheaply from each file's front-matter `title:` line, not through the pipeline); ties go to the
 * longer word. The title tags (`PRB:`, `XFOR:` …) are left out, and so are stopwords and words of fewer than 3
 * characters or without a letter.
 */
function titleQuery(article: Article, rng: () => number, df: Map<string, number>): string | null {
  let title = article.record.title;
  const tags = new Set(article.record.titleTags.map((t) => t.toLowerCase()));
  for (let m = /^\s*([A-Za-z0-9]+)\s*:\s*/.exec(title); m && tags.has(m[1]!.toLowerCase()); m = /^\s*([A-Za-z0-9]+)\s*:\s*/.exec(title)) {
    title = title.slice(m[0].length);
  }
  const candidates = [...new Set(titleWords(title))].filter((w) => w.length >= 3 && /[a-z]/.test(w) && !STOPWORDS.has(w));
  if (candidates.length < 2) return null;
  candidates.sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const n = candidates.length >= 3 && rng() < 0.5 ? 3 : 2;
  return candidates.slice(0, n).join(' ');
}

/** Document frequency of every title word, from the first KiB of each article file (the front matter's title). */
function titleDocumentFrequencies(corpusDir: string, paths: string[]): Map<string, number> {
  const df = new Map<string, number>();
  const head = new Uint8Array(1024);
  for (const path of paths) {
    let n = 0;
    const fd = openSync(join(corpusDir, path), 'r');
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const text = decodeText(head.subarray(0, n)).text;
    const title = /^title:\s*(.*)$/m.exec(text)?.[1] ?? '';
    for (const w of new Set(titleWords(title))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return df;
}
