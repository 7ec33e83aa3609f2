/**
 * Sentences, as the full-text index fingerprints them: one module for the build (the parse workers split every
 * article's fields, article-terms.ts) and the browser (rank.ts splits the query), so a sentence pasted from an article
 * is cut into the very same pieces on both sides.
 *
 * A sentence is the run of tokens (tokens.ts, their terms) between two boundaries:
 *   - `.`, `!`, `?`, `:` or `;` followed by whitespace (after any closing quotes or brackets) or by the end;
 *   - a line break that ends a paragraph: a blank line, or a line with no token between (a heading's `====` rule);
 *   - a line that starts a list item: a bullet (`-`, `*`, `•`) or a marker (`1.`, `12)`, `a.`, `o`) before its first
 *     word; the marker is not a word of the sentence (a page renders it as a list, and a reader does not paste it);
 *   - in a field that is a list (the symptoms' messages, the headings: `lines`), every line break;
 *   - the start and end of the text (so of each field).
 * A line break inside a paragraph is not a boundary: the archive's text is wrapped at ~78 columns, and a sentence
 * runs on across its lines.
 *
 * A sentence of at least `MIN_SENTENCE_TOKENS` tokens has a fingerprint: FNV-1a (format.ts) over its terms joined by
 * a space. So do the tails of a sentence that start after one of its commas, when they are that long themselves: an
 * error message is often quoted without the words that lead into it.
 */
import { fnv1aWords } from './hash.ts';
import { eachToken } from './tokens.ts';

/** Fewest tokens a sentence needs for a fingerprint: three common words together still hold thousands of articles. */
export const MIN_SENTENCE_TOKENS = 4;
/**
 * Longest sentence (or comma tail) fingerprinted: a message is pasted whole, and a run of words with no sentence end
 * (a wrapped dump of numbers, a long comma list) would otherwise cost a hash of its rest at every comma, quadratic
 * in its length.
 */
export const MAX_SENTENCE_TOKENS = 64;
/** Comma tails fingerprinted per sentence, the longest first. */
export const MAX_TAILS = 8;

/** How a text's line breaks are read: `prose` (paragraphs and list items, wrapped lines run on) or `lines` (every
 *  line is an item of its own). */
export type SentenceMode = 'prose' | 'lines';

/** One sentence (or a tail of one after a comma) long enough to have a fingerprint. */
export interface Sentence {
  fingerprint: number;
  /** Its terms, in order. */
  terms: string[];
  /** True for a whole sentence, false for the tail after a comma. */
  whole: boolean;
}

const NEWLINE = 10;
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 12 || c === 11;
/** `.` `!` `?` `:` `;` */
const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 58 || c === 59;
/** Closing quotes and brackets that may stand between a stop and the space after it: `"` `'` `’` `”` `)` `]`. */
const isCloser = (c: number) => c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93;
/** Bullets that start a list item: `-` `*` `•` `·` `–`. */
const isBullet = (c: number) => c === 45 || c === 42 || c === 0x2022 || c === 0xb7 || c === 0x2013;
const COMMA = 44;

/** What the text between two tokens says. */
const enum Gap {
  None,
  Comma,
  Boundary,
}

/**
 * Splits one text into sentences as its tokens arrive, in order (`token` with each token's term and offsets, as
 * `eachToken` gives them; `end` at the end of the text), calling `onSentence` for every sentence and comma tail of at
 * least `MIN_SENTENCE_TOKENS` tokens. Fed by articleTerms's own pass over the tokens, so the build tokenizes once.
 */
export class SentenceSplitter {
  private readonly terms: string[] = [];
  /** Where each comma tail of the current sentence starts, in `terms`. */
  private readonly tails: number[] = [];
  /** End of the previous token in the text; -1 before the first. */
  private last = -1;
  /** Whether the token after the last gap read starts its line (only spaces before it since a line break or the start). */
  private lineStart = false;
  /** The width the text's paragraphs are wrapped at, as far as it can tell (0: unknown, or no line breaks). */
  private readonly width: number;

  constructor(
    private readonly text: string,
    private readonly mode: SentenceMode,
    private readonly onSentence: (fingerprint: number, terms: readonly string[], from: number) => void,
  ) {
    this.width = mode === 'prose' ? wrapWidth(text) : 0;
  }

  token(term: string, start: number, end: number): void {
    const gap = this.gap(this.last, start);
    this.last = end;
    if (gap === Gap.Boundary) this.flush();
    else if (gap === Gap.Comma && this.terms.length > 0) this.tails.push(this.terms.length);
    if (this.lineStart && this.isMarker(start, end)) {
      // A list item's marker: the item starts a sentence, without it.
      this.flush();
      return;
    }
    this.terms.push(term);
  }

  end(): void {
    this.flush();
    this.last = -1;
  }

  private flush(): void {
    const n = this.terms.length;
    if (n >= MIN_SENTENCE_TOKENS && n <= MAX_SENTENCE_TOKENS) this.onSentence(fnv1aWords(this.terms), this.terms, 0);
    let tails = 0;
    for (const from of this.tails) {
      if (n - from < MIN_SENTENCE_TOKENS || tails === MAX_TAILS) break;
      if (n - from > MAX_SENTENCE_TOKENS) continue;
      this.onSentence(fnv1aWords(this.terms, from), this.terms, from);
      tails++;
    }
    this.terms.length = 0;
    this.tails.length = 0;
  }

  /** The text between two tokens (`previous` -1: from the text's start): a boundary, a comma, or neither. Sets
   *  `lineStart`. */
  private gap(previous: number, to: number): Gap {
    const text = this.text;
    // Most gaps are one space.
    if (to - previous === 1 && text.charCodeAt(previous) === 32) {
      this.lineStart = false;
      return Gap.None;
    }
    let newlines = 0;
    let lastLine = -1;
    let stop = false;
    let comma = false;
    let lineStart = previous < 0;
    for (let i = Math.max(0, previous); i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        newlines++;
        lastLine = i + 1;
        lineStart = true;
        continue;
      }
      if (isSpace(c)) continue;
      lineStart = false;
      if (isStop(c)) {
        // A stop, then any closing quotes or brackets, then a space. (A stop at the very end of the text ends its
        // last sentence: `end`.)
        let j = i + 1;
        while (j < to && isCloser(text.charCodeAt(j))) j++;
        if (j < to && (isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === NEWLINE)) stop = true;
      } else if (c === COMMA) comma = true;
    }
    this.lineStart = lineStart;
    if (stop) return Gap.Boundary;
    if (newlines > 0) {
      // A blank line, a line of no words (a heading's rule), or any line break in a list of lines.
      if (newlines > 1 || this.mode === 'lines') return Gap.Boundary;
      // A bulleted item: the new line is a bullet and space before the token.
      let i = lastLine;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      if (i < to - 1 && isBullet(text.charCodeAt(i)) && isSpace(text.charCodeAt(i + 1))) {
        let k = i + 1;
        while (k < to && isSpace(text.charCodeAt(k))) k++;
        if (k === to) return Gap.Boundary;
      }
      // A line broken before it was full.
      if (this.width > 0 && this.shortLine(lastLine - 1, i)) return Gap.Boundary;
    }
    return comma ? Gap.Comma : Gap.None;
  }

  /**
   * Whether the line ending at `newline` was broken before it was full: the first word of the next line (at `next`)
   * would have fitted on it. A paragraph wrapped at the text's width never does that; a list's items, a message's
   * lines, a table's rows do.
   */
  private shortLine(newline: number, next: number): boolean {
    const text = this.text;
    let end = newline;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && text.charCodeAt(start - 1) !== NEWLINE) start--;
    let word = next;
    while (word < text.length && !isSpace(text.charCodeAt(word)) && text.charCodeAt(word) !== NEWLINE) word++;
    return end - start + 1 + (word - next) <= this.width;
  }

  /** A list marker at a line's start: one or two digits or one letter, then `.` or `)` and a space; or a lone `o`. */
  private isMarker(start: number, end: number): boolean {
    const text = this.text;
    const length = end - start;
    if (length > 2) return false;
    const after = end < text.length ? text.charCodeAt(end) : -1;
    const first = text.charCodeAt(start);
    if (length === 1 && first === 111) return after === NEWLINE || isSpace(after); // `o` as a bullet
    const digits = isDigit(first) && (length === 1 || isDigit(text.charCodeAt(start + 1)));
    const letter = length === 1 && isLetter(first);
    const next = end + 1 < text.length ? text.charCodeAt(end + 1) : -1;
    return (digits || letter) && (after === 46 || after === 41) && (next === NEWLINE || isSpace(next));
  }
}

/**
 * The width a text's paragraphs were wrapped at, estimated low (a low estimate only misses a few short lines; a high
 * one would cut wrapped sentences): the median length of its wrapped lines of 40 characters or more — lines whose
 * next line continues with words. A heading (followed by its rule) or a paragraph's last line says nothing of the
 * width. 0 when it has fewer than four such lines.
 */
export function wrapWidth(text: string): number {
  const lengths: number[] = [];
  const lines = text.split('\n');
  const hasWords = (line: string) => /[A-Za-z0-9]/.test(line);
  for (let i = 0; i + 1 < lines.length; i++) {
    const length = lines[i]!.trimEnd().length;
    if (length >= 40 && hasWords(lines[i]!) && hasWords(lines[i + 1]!)) lengths.push(length);
  }
  if (lengths.length < 4) return 0;
  lengths.sort((a, b) => a - b);
  return lengths[(lengths.length - 1) >> 1]!;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** The sentences of a text (a query, or one field of an article) and their fingerprints, in order. */
export function sentencesOf(text: string, mode: SentenceMode = 'prose'): Sentence[] {
  const out: Sentence[] = [];
  const splitter = new SentenceSplitter(text, mode, (fingerprint, terms, from) => out.push({ fingerprint, terms: terms.slice(from), whole: from === 0 }));
  eachToken(text, (term, _parts, start, end) => splitter.token(term, start, end));
  splitter.end();
  return out;
}
