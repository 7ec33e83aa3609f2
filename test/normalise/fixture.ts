/** KB-format pages written for the tests (never copied from the corpus). */
import type { ParsedArticle } from '../../scripts/types.ts';
import { toParsedArticle } from './raw-fields.ts';

export interface PageOptions {
  id?: string;
  /** Front matter title line value, written verbatim after `title: ` (so tests can break the YAML shape). */
  titleLine?: string | null;
  permalinkLine?: string | null;
  heading?: string | null;
  header?: Partial<Record<'Article' | 'Product(s)' | 'Version(s)' | 'Operating System(s)' | 'Keyword(s)' | 'Last Modified', string>>;
  /** Footer `[label, value]` pairs; null for no footer. */
  footer?: [string, string][] | null;
  body?: string;
}

export function kbPage(options: PageOptions = {}): string {
  const id = options.id ?? 'Q123456';
  const title = 'PRB: The Widget Spins Forever';
  const n = id.slice(1).padStart(6, '0').slice(0, 3);
  const header = {
    'Article': id,
    'Product(s)': 'Microsoft Exchange',
    'Version(s)': 'WINDOWS:1.0,2.0; winnt:4.0',
    'Operating System(s)': '',
    'Keyword(s)': 'kbWidget kbSpin',
    'Last Modified': '01-APR-2000',
    ...options.header,
  };
  const footer = options.footer === undefined
    ? ([['Keywords', 'kbWidget kbSpin'], ['Technology', 'kbWidgetSearch kbAudDeveloper'], ['Version', 'WINDOWS:1.0,2.0; winnt:4.0'], ['Issue type', 'kbprb']] as [string, string][])
    : options.footer;
  const lines = [
    '---',
    'layout: page',
    ...(options.titleLine === null ? [] : [`title: ${options.titleLine ?? `"${id}: ${title}"`}`]),
    ...(options.permalinkLine === null ? [] : [`permalink: ${options.permalinkLine ?? `/kb/${n}/${id}/`}`]),
    '---',
    '',
    ...(options.heading === null ? [] : [`## ${options.heading ?? `${id}: ${title}`}`, '']),
    '{% raw %}',
    '',
    ...Object.entries(header).map(([k, v]) => `\t${k}: ${v}`),
    '\t',
    '\t' + '-'.repeat(79),
    '\tThe information in this article applies to:',
    '\t',
    '\t- Microsoft Widget Server, versions 1.0, 2.0 ',
    '\t' + '-'.repeat(79),
    '\t',
    '\tSYMPTOMS',
    '\t========',
    `\t${options.body ?? 'The widget spins forever.'}`,
    '\t',
    '\tAdditional query words: spin spinning',
    '\t',
    ...(footer === null
      ? []
      : ['\t' + '='.repeat(70), ...footer.map(([k, v]) => `\t${k.padEnd(18)}: ${v}`), '\t', '\t' + '='.repeat(77)]),
    '\t',
    '',
    '{% endraw %}',
    '',
  ];
  return lines.join('\n');
}

/** A parsed page at its canonical path. */
export function parsedPage(options: PageOptions = {}, path?: string): ParsedArticle {
  const id = options.id ?? 'Q123456';
  const n = id.slice(1).padStart(6, '0').slice(0, 3);
  return toParsedArticle(path ?? `kb/${n}/${id}/README.md`, kbPage(options));
}

export const noSymptoms = { events: [], eventMessages: [], errorCodes: [], errorMessages: [], references: [] };
