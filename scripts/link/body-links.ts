/**
 * The recogniser marks every KB citation in a body as `<a data-kbref="Q123456">`; only the whole archive
 * knows which of them exist. Existing ones get an href; missing ones stay anchors without href (never a
 * broken link), marked so a reader sees the archive does not hold them.
 */
const placeholder = /<a data-kbref="(Q\d{4,7})">/g;

/** The articles a parsed body cites, as its placeholders name them: what its resolved links depend on. */
export function citedInBody(html: string): string[] {
  return Array.from(html.matchAll(placeholder), (match) => match[1]!);
}

export function resolveBodyLinks(html: string, exists: (id: string) => boolean, hrefOf: (id: string) => string): string {
  if (!html.includes('data-kbref')) return html;
  return html.replace(placeholder, (_, id: string) =>
    exists(id)
      ? `<a class="kbref" href="${hrefOf(id)}">`
      : `<a class="kbref kbref-missing" title="${id} is not in this archive">`,
  );
}
