/**
 * `Operating System(s):` → values split on `,` `;` `|`, trimmed, empties dropped (PRODUCT.md).
 * Empty in 99.99% of KB pages; MSPL writes per-OS columns (`MS-DOS | OS/2`, 1,144 pages) and a little
 * junk (`0S/2`, `MS-DOS | 5.10`, `1.00 | 1.00`): kept as written here; platforms.ts decides what is a
 * platform. Exact repeats (`MS-DOS | MS-DOS`, 1 page) are listed once.
 */
export function normaliseOs(value: string | undefined): string[] {
  const out: string[] = [];
  for (const item of (value ?? '').split(/[,;|]/)) {
    const text = item.trim().replace(/\s+/g, ' ');
    if (text !== '' && !out.includes(text)) out.push(text);
  }
  return out;
}
