/**
 * Stage 1, read: find the article files under --source and decode each into a `SourceFile`.
 * Problems travel as Diagnostics (rules `kb:unexpected-file`, `kb:symlink-outside-root`, `kb:broken-symlink`,
 * `kb:unreadable-folder`, `kb:missing-readme`, `kb:unreadable`, `kb:file-too-large`, `kb:empty-file`, `kb:binary-file`,
 * `kb:encoding`, `kb:long-line`); only a missing source folder or one without `kb/` throws.
 */
export { findArticleFiles, type ArticleFiles } from './walk.ts';
export { decodeText, BINARY_SAMPLE_BYTES, BINARY_CONTROL_SHARE, type DecodedText } from './decode.ts';
export { readSourceFile, resolveReadLimits, defaultReadLimits, folderIdOf, type ReadLimits, type ReadResult } from './read-source.ts';
