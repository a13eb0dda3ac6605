// The handoff document as stored in Document_Json__c, read back as the backend reads it
// (src/crm/handoff-records.ts, parseStoredDocument): a document that no longer validates is an
// error to show, not something to guess at.
import { describeFieldError, handoffDocumentSchema, parseWith } from 'c/batonCore';

/** `{ document }`, or `{ error }` in words for the user. */
export function readDocument(json) {
  let value;
  try {
    value = JSON.parse(json ?? '');
  } catch {
    return { document: null, error: 'The stored handoff document is not valid JSON.' };
  }
  const parsed = parseWith(handoffDocumentSchema, value);
  if (!parsed.success) {
    const problems = parsed.errors.map(describeFieldError).join('; ');
    return { document: null, error: `The stored handoff document is not valid: ${problems}` };
  }
  return { document: parsed.value, error: null };
}
