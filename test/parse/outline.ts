/**
 * A structural view of the parse stage's HTML for fixture comparisons: one line per element with its
 * attributes, text nodes quoted, entities decoded, whitespace between blocks ignored. Reads only the
 * well-formed HTML that hast-util-to-html writes (no comments, no raw text elements).
 */

const VOID = new Set(['br', 'hr', 'img']);

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** Turns HTML into the outline; throws on unbalanced tags (that is a finding, not a format choice). */
export function outline(html: string): string {
  const out: string[] = [];
  const stack: string[] = [];
  const token = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/gi;
  for (const match of html.matchAll(token)) {
    const [, closing, tag, attrs, , text] = match;
    const pad = '  '.repeat(stack.length);
    if (text !== undefined) {
      if (text.trim() === '' && !stack.includes('pre')) continue;
      out.push(`${pad}${JSON.stringify(decode(text))}`);
      continue;
    }
    const name = tag!.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`unbalanced </${name}> (open: ${open ?? 'none'})`);
      continue;
    }
    const attributes = [...attrs!.matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)]
      .map(([, key, value]) => (value === undefined ? `[${key}]` : `[${key}=${JSON.stringify(decode(value))}]`))
      .sort()
      .join('');
    out.push(`${pad}${name}${attributes}`);
    if (!VOID.has(name)) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return `${out.join('\n')}\n`;
}
