/**
 * The three texts every extractor scans — title, body, query words — as lines grouped into blocks (runs of
 * non-blank lines). Blocks matter for events: the `Source:` of an event is the `Source:` line of its block.
 */
import type { SymptomInput } from './types.ts';

export type TextField = 'title' | 'body' | 'query';

export interface TextLine {
  field: TextField;
  /** 0-based line index within the field. */
  line: number;
  /** 0-based block index within the field (blank lines separate blocks). */
  block: number;
  text: string;
  /** A citation line (`  Q157013: XADM: MTA Terminates … Event 3080`): it quotes another article's title, so the
   *  events and codes in it belong to that article, not to this one (FORMAT §8 R1/R2: ~32,000 such lines). */
  isReference: boolean;
  /** On a citation line, the cited article (`Q157013`): the article whose title the line quotes; else null. */
  cites: string | null;
}

/** R1/R2/R3: `  Q157013 Title`, `  Q157013: Title`, `- Q157013 Title`, `ARTICLE-ID: Q157013`. */
const REFERENCE_LINE = /^\s*(?:[-*]\s*)?(?:ARTICLE-ID:\s*|TITLE\s*:\s*)?Q(\d{5,6})\b/;
/** A citation table row: `| Q172512 | Routing and Remote Access Event ID 20100 |`. */
const REFERENCE_ROW = /^\s*\|\s*Q(\d{5,6})\s*\|/;
/** R3's second line: `ARTICLE-ID: Q135404` then `TITLE : Multihomed Master Browser May Cause Event ID 8021 …`. */
const TITLE_LINE = /^\s*TITLE\s*:/i;
/** A cited title wrapped onto the next line (8 lines in the corpus, e.g. `  Q222985 XCON: MTA Stops Processing
 *  Messages with Large Attachments and May Log` / `  Event 2136`): the citation line reaches the right margin. */
const WRAP_WIDTH = 68;
/** Lines that start something new rather than continue a title: a list item, a label, a sentence opener. */
const NOT_CONTINUATION = /^\s*(?:[-*•]\s|[+|]|\d+[.)]\s|[A-Z][\w-]*(?:\s\w+)?\s*:\s|(?:For|See|To|The|This|These|NOTE|Note)\b)/;

/** `extractSymptoms` runs three extractors over one input: split it once. */
const cache = new WeakMap<SymptomInput, { title: string; body: string; query: string | null; lines: TextLine[] }>();

/** Splits the input into lines tagged with field and block. Query words count as one line (FORMAT §5: 38 wrap). */
export function textLines(input: SymptomInput): TextLine[] {
  const hit = cache.get(input);
  // Same strings (usually the same references: a cheap check) — the input was not mutated since.
  if (hit && hit.title === input.title && hit.body === input.bodyText && hit.query === input.queryWords) return hit.lines;
  const lines = splitLines(input);
  cache.set(input, { title: input.title, body: input.bodyText, query: input.queryWords, lines });
  return lines;
}

const indentOf = (text: string): number => text.length - text.trimStart().length;

function splitLines(input: SymptomInput): TextLine[] {
  const out: TextLine[] = [];
  const push = (field: TextField, text: string | null) => {
    if (!text) return;
    let block = 0;
    let blank = true;
    // The citation the previous line of this block belongs to (for R3 `TITLE :` lines and wrapped titles).
    let previous: { cites: string; text: string; articleId: boolean } | null = null;
    text.split('\n').forEach((raw, line) => {
      if (raw.trim() === '') {
        if (!blank) block++;
        blank = true;
        previous = null;
        return;
      }
      blank = false;
      let cites: string | null = null;
      if (field === 'body') {
        const m = REFERENCE_LINE.exec(raw) ?? REFERENCE_ROW.exec(raw);
        if (m) cites = `Q${m[1]}`;
        else if (previous && TITLE_LINE.test(raw)) cites = previous.cites;
        else if (previous && !previous.articleId && previous.text.length >= WRAP_WIDTH && indentOf(raw) >= indentOf(previous.text) && !NOT_CONTINUATION.test(raw)) {
          cites = previous.cites;
        }
      }
      out.push({ field, line, block, text: raw, isReference: cites !== null, cites });
      previous = cites === null ? null : { cites, text: raw, articleId: /^\s*ARTICLE-ID\s*:/.test(raw) };
    });
  };
  push('title', input.title ?? '');
  push('body', input.bodyText ?? '');
  push('query', input.queryWords ?? '');
  return out;
}
