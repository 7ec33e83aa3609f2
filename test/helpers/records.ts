/** Article records written in a test: every field present, with plain defaults the test overrides. */
import { permalinkOf } from '../../scripts/link/citations.ts';
import type { ArticleRecord } from '../../scripts/types.ts';

export function testRecord(number: number, title: string, more: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: `Q${number}`, number, title, permalink: permalinkOf(`Q${number}`), lastModified: '1999-01-01', year: 1999,
    product: 'Microsoft Exchange Server', productFamily: 'exchange', versions: [], platforms: [], os: [], keywords: [], issueType: null, solutionType: null,
    technology: [], articleType: 'prb', titleTags: [], dialect: 'kb', appliesTo: [], sections: [], events: [], eventMessages: [], errorCodes: [], errorMessages: [],
    references: [], queryWords: [], sourcePath: `kb/x/Q${number}/README.md`, ...more,
  };
}
