/**
 * Safe-by-default HTML for templates: every interpolated value is escaped unless it is already `SafeHtml`
 * (produced by this tag, by `raw()` for HTML our own pipeline generated, or by the recogniser's serializer).
 * Article text is data: it can only reach a page escaped.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const special = /[&<>"']/;

export function escapeHtml(value: string): string {
  // Most values (ids, titles, URLs) need no escaping: testing first halves the cost of those (measured in a loop of
  // titles), and escaping is ~5 s of a cold build's rendering.
  return special.test(value) ? value.replace(/[&<>"']/g, (c) => escapes[c]!) : value;
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` escapes `text`; nested `html` results and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks HTML produced by our own pipeline (the recogniser's serializer) as safe to insert. */
export const raw = (value: string): SafeHtml => new SafeHtml(value);
