/** Shared test helpers: SymptomInputs from sentences written for the tests, and real articles read at test time. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { symptomInputFromReadme } from '../../scripts/symptoms/corpus-input.ts';
import type { SymptomInput } from '../../scripts/symptoms/types.ts';
import { realCorpusDir } from '../helpers/corpus.ts';

/** An input whose body is `bodyText` (title, query words and product optional). */
export function input(bodyText: string, extra: Partial<SymptomInput> = {}): SymptomInput {
  return { id: 'Q999999', title: '', bodyText, queryWords: null, product: null, ...extra };
}

/** A real article as the extractors see it. The folder is the first 3 digits of the id zero-padded to 6
 *  (FORMAT §1: Q10022 → 010), so 5-digit ids live in `0NN` folders. */
export function realInput(id: string): SymptomInput {
  const n = id.slice(1);
  const path = join(realCorpusDir(), 'kb', n.padStart(6, '0').slice(0, 3), id, 'README.md');
  return symptomInputFromReadme(readFileSync(path, 'utf8'));
}
