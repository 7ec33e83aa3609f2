/**
 * The template layer's one safety rule (layouts/lib/html.ts): any string interpolated by the `html` tag is text,
 * in element content and in quoted attribute values, whatever it holds. Property-tested with fast-check and
 * checked with a real HTML parser (hast-util-from-html, parse5): the value comes back as exactly that text,
 * and no element, attribute or comment appears that the template did not write.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element, Root, RootContent } from 'hast';
import { html, raw } from '../../layouts/lib/html.ts';

/** Strings rich in markup: tags, quotes, entities, comments, CDATA, template syntax, any code point. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('<', '>', '&', '"', "'", '`', '=', '/', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&lt;', '&#x3C;', 'javascript:', '{{ 7*7 }}', '{% raw %}', '</p>', '</a>', '<svg onload=alert(1)>', '\u0000', '\r\n'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** What an HTML parser does to text anyway (not escaping's business): CR/CRLF → LF, NUL dropped or replaced. */
const asParsed = (s: string) => s.replace(/\r\n?/g, '\n');

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  return out;
}

function hasComment(node: Root | RootContent): boolean {
  if (node.type === 'comment') return true;
  return 'children' in node && node.children.some(hasComment);
}

test('html`<p>${s}</p>`: one paragraph whose text is s, for any s', () => {
  fc.assert(
    fc.property(hostile, (s) => {
      const tree = fromHtml(html`<p>${s}</p>`.value, { fragment: true });
      const els = elements(tree);
      assert.deepEqual(els.map((e) => e.tagName), ['p']);
      assert.ok(!hasComment(tree));
      assert.equal(toString(tree).replace(/\u0000|\uFFFD/g, ''), asParsed(s).replace(/\u0000|\uFFFD/g, ''));
    }),
    { numRuns: 2000 },
  );
});

test('html`<a href="/x" title="${s}">`: one attribute value that is s, no other attribute, for any s', () => {
  fc.assert(
    fc.property(hostile, hostile, (s, t) => {
      const tree = fromHtml(html`<a href="/x" title="${s}" data-t='${t}'>${t}</a>`.value, { fragment: true });
      const [a, ...rest] = elements(tree);
      assert.equal(rest.length, 0);
      assert.equal(a?.tagName, 'a');
      assert.deepEqual(Object.keys(a.properties).sort(), ['dataT', 'href', 'title']);
      assert.equal(a.properties.href, '/x');
      const clean = (v: unknown) => String(v).replace(/\u0000|\uFFFD/g, '');
      assert.equal(clean(a.properties.title), clean(asParsed(s)));
      assert.equal(clean(a.properties.dataT), clean(asParsed(t)));
    }),
    { numRuns: 1000 },
  );
});

test('numbers, booleans, null, arrays and nested html results: only html`` and raw() pass through unescaped', () => {
  fc.assert(
    fc.property(fc.array(hostile, { maxLength: 5 }), (items) => {
      const out = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${undefined}${false}${0}`.value;
      const tree = fromHtml(out, { fragment: true });
      assert.deepEqual(elements(tree).map((e) => e.tagName), ['ul', ...items.map(() => 'li')]);
      assert.ok(out.endsWith('</ul>0'));
    }),
  );
  // raw() is the one door, kept for HTML our own pipeline produced.
  assert.equal(html`${raw('<b>x</b>')}`.value, '<b>x</b>');
  assert.equal(html`${'<b>x</b>'}`.value, '&lt;b&gt;x&lt;/b&gt;');
});
