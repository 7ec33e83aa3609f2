/**
 * `text` as one flat string. A string joined with `+`, as `html` joins, is a tree of its pieces until something reads
 * it whole, and kept as a tree it weighs several times its characters (20,000 joined strings of 5.6k characters: 643 MB
 * of heap, 115 MB flattened). Eleventy holds every page of a run until the run ends, through every garbage collection
 * of the run: a page is flattened where it is made, and its pieces die young.
 */
export function flat(text: string): string {
  // A regular expression reads its subject flat: V8 flattens the string in place.
  firstCharacter.test(text);
  return text;
}

const firstCharacter = /^./s;
