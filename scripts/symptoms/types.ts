/** What every symptom extractor reads: one article's text, split as the recogniser split it. */
export interface SymptomInput {
  /** `Q182346`. */
  id: string;
  /** The title without `Qnnn: `, entities decoded. */
  title: string;
  /** See `ParsedArticle.bodyText`: the body lines as written, header/applies-to/query-words/footer removed. */
  bodyText: string;
  /** The `Additional query words:` value, or null. */
  queryWords: string | null;
  /** `Product(s):` as written, or null. */
  product: string | null;
}
