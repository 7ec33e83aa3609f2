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
}

const REFERENCE_LINE = /^\s*(?:[-*]\s*)?(?:ARTICLE-ID:\s*|TITLE\s*:\s*)?Q\d{5,6}\b/;

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

function splitLines(input: SymptomInput): TextLine[] {
  const out: TextLine[] = [];
  const push = (field: TextField, text: string | null) => {
    if (!text) return;
    let block = 0;
    let blank = true;
    text.split('\n').forEach((raw, line) => {
      if (raw.trim() === '') {
        if (!blank) block++;
        blank = true;
        return;
      }
      blank = false;
      out.push({ field, line, block, text: raw, isReference: field === 'body' && REFERENCE_LINE.test(raw) });
    });
  };
  push('title', input.title ?? '');
  push('body', input.bodyText ?? '');
  push('query', input.queryWords ?? '');
  return out;
}
