/**
 * The parser plugin: KB plain text → mdast. Recognises the frame (header, applies-to, query words, footer)
 * into `file.data.kb.raw`, keeps the remaining lines as `bodyText`, and parses them into blocks.
 * Replaces remark-parse, which is ~20× slower on KB text and reads its indents as Markdown (bench/README.md).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { parseBlocks } from '../blocks.ts';
import { decodeEscapes } from '../escapes.ts';
import { recogniseFrame } from '../frame.ts';
import { toLine, type Line } from '../lines.ts';
import { kbData } from '../rules.ts';

export const remarkKbParse: Plugin<[], string, Root> = function () {
  this.parser = parseKbText;
};

export function parseKbText(document: string, file: VFile): Root {
  const data = kbData(file);
  const texts = document.split('\n');
  const lines: Line[] = texts.map((text, index) => toLine(text, index + 1));
  const frame = recogniseFrame(lines, file);
  data.raw = frame.raw;
  data.selfId = frame.raw.header.article || data.selfId;

  const body: Line[] = [];
  const bodyTexts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (frame.masked[i]) continue;
    body.push(lines[i]!);
    bodyTexts.push(texts[i]!);
  }
  data.bodyText = decodeEscapes(trimBlankLines(bodyTexts).join('\n')).text;
  if (!data.bodyText.trim()) {
    file.message('The article has a header but no body text, so its page shows only the header fields; check that the text was not cut off.', {
      place: { line: 1, column: 1 },
      ruleId: 'body-empty',
      source: 'kb',
    });
  }
  return {
    type: 'root',
    children: parseBlocks(body, file),
    position: { start: { line: 1, column: 1 }, end: { line: lines.length, column: 1 } },
  };
}

function trimBlankLines(texts: string[]): string[] {
  let start = 0;
  let end = texts.length;
  while (start < end && !texts[start]!.trim()) start++;
  while (end > start && !texts[end - 1]!.trim()) end--;
  return texts.slice(start, end);
}
