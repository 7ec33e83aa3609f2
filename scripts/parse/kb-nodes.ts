/**
 * The two mdast node types the KB recogniser adds, and what it leaves on `file.data`.
 *
 * Both nodes carry `data.hName`/`data.hProperties`, so `remark-rehype` turns them into elements
 * through its default unknown-node handler: no custom handler and no raw HTML needed.
 */
import type { Data, Parent, PhrasingContent, Text } from 'mdast';
import type { KbRawFields, RuleCounts } from '../types.ts';

/** A verbatim block: `<pre data-layout="table">`. Children are phrasing (text and KB citations),
 *  not a `code` value, because 25,689 citations sit in indented `  Qnnnnn Title` runs (FORMAT.md §5). */
export interface KbPre extends Parent {
  type: 'kbPre';
  /** Which layout rule recognised it: `indented`, `table`, `box`, `eventlog`, `registry`, `command`, `code`. */
  layout: string;
  /** The indentation removed from every line (the run's common indent in the source). */
  indent: number;
  /** Whether its second line is a rule, i.e. it opens a table with a header row. */
  opensTable: boolean;
  children: PhrasingContent[];
  data?: Data;
}

/** A citation of another article: `<a data-kbref="Q123456">Q123456</a>`; the link stage adds `href`. */
export interface KbRef extends Parent {
  type: 'kbRef';
  /** `Q123456`. */
  id: string;
  children: Text[];
  data?: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    kbPre: KbPre;
    kbRef: KbRef;
  }
  interface BlockContentMap {
    kbPre: KbPre;
  }
  interface PhrasingContentMap {
    kbRef: KbRef;
  }
}

/** What the plugins leave on `file.data.kb`. */
export interface KbFileData {
  /** The article id citations must not point at (the `Article:` value, else the folder id). */
  selfId: string | null;
  raw: KbRawFields;
  sections: string[];
  bodyText: string;
  rules: RuleCounts;
}

declare module 'vfile' {
  interface DataMap {
    kb: KbFileData;
    /** Set by the caller before processing: the id implied by the folder. */
    kbFolderId: string | null;
  }
}
