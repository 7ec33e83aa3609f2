/** The normalise stage: raw KB fields → the normalised `ArticleRecord` of PRODUCT.md. */
export { buildRecord, normaliseSymptoms, canonicalPermalink, type ArticleSymptoms, type BuildRecordResult } from './record.ts';
export { normaliseVersions, parseVersionGroups, pickVersionsValue, versionStrings, platformKey, type VersionGroup } from './versions.ts';
export { normaliseKeywords, splitKeywords } from './keywords.ts';
export { normaliseDate, yearOf } from './dates.ts';
export { normaliseOs } from './os.ts';
export { normalisePlatforms, platformName } from './platforms.ts';
export { normaliseProduct, productFamily, familyOf, isSeeArticle, PRODUCT_FAMILIES, type ProductFamily } from './product.ts';
export { decodeEntities, stripTitleId, titleTags } from './title.ts';
export { articleType, ARTICLE_TYPES, type ArticleType, type ArticleTypeInput } from './article-type.ts';
export { normaliseIssueType, normaliseSolutionType, normaliseTechnology } from './footer.ts';
export { normaliseQueryWords } from './query-words.ts';
export { collectingReport, silentReport, type CollectingReport, type NormaliseReport } from './report.ts';
