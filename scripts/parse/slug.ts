/** Heading anchors: a lower-case ASCII slug, unique within the page (`more-information`, `cause-2`). */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'section';
}

/** Returns a function that hands out unique slugs for one page. */
export function slugger(): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = slugify(text);
    let slug = base;
    // `CAUSE`, `CAUSE`, `Cause 2` → cause, cause-2, cause-2-2: a suffix never takes another heading's slug.
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}
