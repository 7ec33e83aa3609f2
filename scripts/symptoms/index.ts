/**
 * Symptom extraction: what an administrator searches by — event IDs, error codes and messages — and the KB
 * articles an article cites. Pure functions over one article's text (`SymptomInput`); none of them throws.
 */
import type { ErrorCodeRef, EventMessage, EventRef } from '../types.ts';
import { extractErrorCodes } from './error-codes.ts';
import { extractEventMessages } from './event-messages.ts';
import { extractEvents } from './events.ts';
import { extractReferences } from './references.ts';
import type { SymptomInput } from './types.ts';

export { extractErrorCodes } from './error-codes.ts';
export { eventSourceKey, eventSourceSlug, canonicalEventSource } from './event-sources.ts';
export { compareEvents, extractEvents } from './events.ts';
export { compareEventMessages, extractEventMessages } from './event-messages.ts';
export { extractReferences } from './references.ts';
export type { SymptomInput } from './types.ts';

export interface Symptoms {
  events: EventRef[];
  eventMessages: EventMessage[];
  errorCodes: ErrorCodeRef[];
  errorMessages: string[];
  references: string[];
}

/** All symptoms of one article, for the record's `events`, `eventMessages`, `errorCodes`, `errorMessages` and
 *  `references`. */
export function extractSymptoms(input: SymptomInput): Symptoms {
  const { codes, messages } = extractErrorCodes(input);
  return {
    events: extractEvents(input),
    eventMessages: extractEventMessages(input),
    errorCodes: codes,
    errorMessages: messages,
    references: extractReferences(input),
  };
}
