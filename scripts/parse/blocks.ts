/**
 * The block recogniser: body lines → mdast block nodes. Each block starts at a non-blank line that is
 * classified once (`classify`) and handed to the handler for its kind; a handler consumes its lines and
 * returns the index after them. List items recurse on their own de-indented lines.
 */
import type { BlockContent, Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent } from 'mdast';

type Position = NonNullable<Paragraph['position']>;
import type { VFile } from 'vfile';
import type { KbPre } from './kb-nodes.ts';
import { isProseQuote, isShortLines, layoutOf, type Layout } from './layout.ts';
import { dedent, hasGap, isColumnRule, listMarker, ruleChar, toLine, type Line, type ListMarker } from './lines.ts';
import { countRule } from './rules.ts';

type BlockKind = 'heading' | 'list' | 'indented' | 'rule' | 'text';

/** Consumes the block starting at `start`, appends its node(s) to `out`, returns the index after it. */
type BlockHandler = (lines: Line[], start: number, out: BlockContent[], file: VFile) => number;

const handlers: Record<BlockKind, BlockHandler> = {
  heading: parseHeading,
  list: parseList,
  indented: parseIndented,
  rule: parseRule,
  text: parseText,
};

/** Labels that open a Programmer's Library (MSPL) answer; shown bold so the dialect reads cleanly. */
const QA_LABELS = ['Question:', 'Response:', 'Answer:', 'Problem:'];

/** Parses body lines into blocks. */
export function parseBlocks(lines: Line[], file: VFile): BlockContent[] {
  const out: BlockContent[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.blank) {
      i++;
      continue;
    }
    i = handlers[classify(lines, i)](lines, i, out, file);
  }
  return out;
}

function classify(lines: Line[], i: number): BlockKind {
  const line = lines[i]!;
  if (underlineOf(lines, i)) return 'heading';
  if (listMarker(line)) return 'list';
  if (line.indent >= 2) return 'indented';
  if (ruleChar(line.text, line.lead)) return 'rule';
  return 'text';
}

/**
 * `=` or `-` when line `i` is a heading: a text line at column 0 (or 1) whose next line is a rule of `=` or `-`
 * within ±3 of its length (213,771 exact, 326 longer, 75 shorter: FORMAT.md §4). A text line with a gap of 3+
 * spaces is a table's header row over its column rule, not a heading.
 */
function underlineOf(lines: Line[], i: number): '=' | '-' | null {
  const text = lines[i]!;
  const under = lines[i + 1];
  if (!under || under.blank || text.blank || text.indent > 1 || under.lead !== text.lead) return null;
  const c = ruleChar(under.text, under.lead);
  if (c !== '=' && c !== '-') return null;
  if (ruleChar(text.text, text.lead)) return null;
  if (Math.abs(text.text.length - under.text.length) > 3) return null;
  if (hasGap(text)) return null;
  return c;
}

function span(first: Line, last: Line): Position {
  return { start: { line: first.line, column: 1 }, end: { line: last.line, column: last.text.length + 1 } };
}

function textNode(value: string): PhrasingContent {
  return { type: 'text', value };
}

function parseHeading(lines: Line[], start: number, out: BlockContent[], file: VFile): number {
  const line = lines[start]!;
  const c = underlineOf(lines, start)!;
  const heading: Heading = {
    type: 'heading',
    depth: c === '=' ? 2 : 3,
    children: [textNode(line.text.trim())],
    position: span(line, lines[start + 1]!),
  };
  out.push(heading);
  countRule(file, c === '=' ? 'heading.equals' : 'heading.dash');
  return start + 2;
}

/** A rule line alone is a thematic break; a rule directly followed by text opens a banner box
 *  (`*****` warning boxes, FORMAT.md §5) kept verbatim. */
function parseRule(lines: Line[], start: number, out: BlockContent[], file: VFile): number {
  const next = lines[start + 1];
  if (!next || next.blank) {
    out.push({ type: 'thematicBreak', position: span(lines[start]!, lines[start]!) });
    countRule(file, 'rule.hr');
    return start + 1;
  }
  let end = start;
  while (end + 1 < lines.length && !lines[end + 1]!.blank) end++;
  out.push(pre(lines.slice(start, end + 1), 'box'));
  countRule(file, 'pre.box');
  return end + 1;
}

/** A column-0 run of non-blank lines: layout (→ `<pre>`) or prose (→ re-flowed paragraph). */
function parseText(lines: Line[], start: number, out: BlockContent[], file: VFile): number {
  // Code and tables written at column 0 indent their inner lines and use `*`/`-` at line starts (C comments):
  // judged as a whole up to the next blank line, unless the first line introduces them (`…as follows:`).
  let whole = start + 1;
  while (whole < lines.length && !lines[whole]!.blank) whole++;
  if (whole - start > 1) {
    const introduced = lines[start]!.text.endsWith(':');
    const from = introduced ? start + 1 : start;
    const layout = layoutOf(lines.slice(from, whole));
    if (layout && (introduced || layout === 'code' || layout === 'box' || layout === 'table')) {
      // `The following event is logged:` directly over an `Event ID:` block: the intro is prose, the rest layout.
      if (introduced) {
        out.push(paragraph(lines.slice(start, from)));
        countRule(file, 'paragraph');
      }
      out.push(pre(lines.slice(from, whole), layout));
      countRule(file, `pre.${layout}`);
      return whole;
    }
  }
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (line.blank || line.indent >= 2 || underlineOf(lines, end) || interruptsParagraph(line, lines[end - 1]!)) break;
  }
  const chunk = lines.slice(start, end);
  const layout = layoutOf(chunk);
  if (layout) {
    out.push(pre(chunk, layout));
    countRule(file, `pre.${layout}`);
  } else if (isShortLines(chunk)) {
    // Addresses, menu paths and marker-less lists: every line short, so the line breaks are the meaning.
    out.push(paragraphOfLines(chunk));
    countRule(file, 'paragraph.lines');
  } else {
    out.push(paragraph(chunk));
    countRule(file, 'paragraph');
  }
  return end;
}

/**
 * A bullet, or the first step (`1.`, `a.`), starts a list without a blank line before it only after a line that
 * ends a sentence or introduces it: a wrapped line may start with `* TYPE` (multiplication) or `- which`.
 */
function interruptsParagraph(line: Line, previous: Line): boolean {
  const marker = listMarker(line);
  if (marker === null || (marker.kind !== 'bullet' && marker.ordinal !== 1)) return false;
  const end = previous.text.charCodeAt(previous.text.length - 1);
  return end === 58 /* : */ || end === 46 /* . */ || end === 63 /* ? */ || end === 33 /* ! */;
}

/**
 * A run of lines indented by 2+ spaces (blank lines inside allowed while the next line is still indented):
 * layout by default (204,532 runs in 71% of pages: messages, paths, code, tables, `  Qnnnnn Title`),
 * a block quote when it is wrapped prose.
 */
function parseIndented(lines: Line[], start: number, out: BlockContent[], file: VFile): number {
  let end = start;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.blank) continue;
    if (line.indent < 2) break;
    if (lines[j - 1]!.blank && listMarker(line)) break;
    end = j;
  }
  const next = lines[end + 1];
  if (end === start && next && !next.blank && !ruleChar(next.text) && !underlineOf(lines, end + 1)) {
    // One indented line continued at column 0: a paragraph with a hanging first line (MSPL `Question:` answers).
    countRule(file, 'fallback.paragraph.hanging');
    return parseText(lines, start, out, file);
  }
  const run = lines.slice(start, end + 1);
  const layout = layoutOf(run);
  if (!layout && isProseQuote(run)) {
    const quote: Blockquote = { type: 'blockquote', children: [paragraph(run)], position: span(run[0]!, run[run.length - 1]!) };
    out.push(quote);
    countRule(file, 'quote.prose');
  } else {
    out.push(pre(run, layout ?? 'indented'));
    countRule(file, `pre.${layout ?? 'indented'}`);
  }
  return end + 1;
}

/** Consecutive items of one kind at (about) one indentation. */
function parseList(lines: Line[], start: number, out: BlockContent[], file: VFile): number {
  const first = listMarker(lines[start]!)!;
  const items: ListItem[] = [];
  let at = start;
  let marker = first;
  let next: number;
  for (;;) {
    next = parseListItem(lines, at, marker, items, file);
    let k = next;
    while (k < lines.length && lines[k]!.blank) k++;
    const following = k < lines.length ? listMarker(lines[k]!) : null;
    if (!following || following.kind !== first.kind || Math.abs(following.indent - first.indent) > 1) break;
    // Steps go on in sequence; `9.` after `2.` starts a new list (a different numbered passage).
    if (following.kind !== 'bullet' && following.ordinal !== marker.ordinal + 1) break;
    if (underlineOf(lines, k)) break;
    marker = following;
    at = k;
  }
  const list: List = {
    type: 'list',
    ordered: first.kind !== 'bullet',
    spread: false,
    children: items,
    position: span(lines[start]!, lines[Math.max(start, next - 1)]!),
  };
  if (first.kind !== 'bullet') list.start = first.ordinal;
  // Lettered steps keep their letters: <ol type="a">.
  if (first.kind === 'lettered') list.data = { hProperties: { type: 'a' } };
  out.push(list);
  countRule(file, `list.${first.kind}`);
  return next;
}

/**
 * One item: the marker line plus every following line indented to the item's text (continuations, nested
 * lists, code), blank lines included while the item goes on; a line at column 0 right after the item's text
 * is a lazy continuation (hard wraps that ignored the hanging indent).
 */
function parseListItem(lines: Line[], start: number, marker: ListMarker, items: ListItem[], file: VFile): number {
  const line = lines[start]!;
  const content: Line[] = [toLine(line.text.slice(marker.textStart), line.line)];
  const column = marker.content;
  let j = start + 1;
  let previousBlank = false;
  while (j < lines.length) {
    const current = lines[j]!;
    if (current.blank) {
      let k = j + 1;
      while (k < lines.length && lines[k]!.blank) k++;
      if (k >= lines.length || !belongsAfterBlank(lines[k]!, marker)) break;
      for (; j < k; j++) content.push(lines[j]!);
      previousBlank = true;
      continue;
    }
    const nested = listMarker(current);
    if (nested && nested.indent <= marker.indent + 1) break;
    if (underlineOf(lines, j)) break;
    if (current.indent >= column - 1 || nested) {
      content.push(dedent(current, column));
    } else if (!previousBlank && current.indent < 2 && !ruleChar(current.text)) {
      content.push(dedent(current, current.lead));
      countRule(file, 'fallback.list.lazy');
    } else break;
    previousBlank = false;
    j++;
  }
  const children = parseBlocks(content, file);
  items.push({ type: 'listItem', spread: false, children, position: span(line, lines[j - 1]!) });
  return j;
}

function belongsAfterBlank(line: Line, marker: ListMarker): boolean {
  const nested = listMarker(line);
  if (nested) return nested.indent > marker.indent + 1;
  return line.indent >= marker.content - 1;
}

/** Re-flows hard-wrapped lines into one paragraph; MSPL `Question:`/`Response:` labels become bold. */
function paragraph(lines: readonly Line[]): Paragraph {
  let text = lines.map((line) => line.text.trim()).join(' ');
  const children: PhrasingContent[] = [];
  const label = QA_LABELS.find((candidate) => text.startsWith(candidate));
  if (label) {
    children.push({ type: 'strong', children: [textNode(label)] });
    text = text.slice(label.length);
  }
  if (text) children.push(textNode(text));
  return { type: 'paragraph', children, position: span(lines[0]!, lines[lines.length - 1]!) };
}

function paragraphOfLines(lines: readonly Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push({ type: 'break' });
    children.push(textNode(line.text.trim()));
  });
  return { type: 'paragraph', children, position: span(lines[0]!, lines[lines.length - 1]!) };
}

/** A verbatim block with the run's common indentation removed (the quote indent is not part of the layout). */
function pre(lines: readonly Line[], layout: Layout | 'indented'): KbPre {
  let common = Infinity;
  for (const line of lines) if (!line.blank && line.lead < common) common = line.lead;
  if (common === Infinity) common = 0;
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.blank) last--;
  const text = lines
    .slice(0, last + 1)
    .map((line) => line.text.slice(Math.min(common, line.lead)))
    .join('\n');
  const second = lines[1];
  return {
    type: 'kbPre',
    layout,
    indent: common,
    opensTable: second !== undefined && (ruleChar(second.text, second.lead) !== null || isColumnRule(second)),
    children: [textNode(text)],
    position: span(lines[0]!, lines[last]!),
  };
}
