// What a failed UI API call means for the user. Lightning Data Service rejects with a fetch
// response: `status`, and a `body` that is either a list of `{ errorCode, message }` or
// `{ message, output: { errors, fieldErrors } }`. A save over a record someone else changed after
// the card read it fails the `ifUnmodifiedSince` check: 412, ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE_CHECK.
// A child record created under a key another record already holds fails DUPLICATE_VALUE, whose
// message names that record ("duplicate value found: <field> duplicates value on record with id:
// <id>"); a record deleted (or never there) answers 404, ENTITY_IS_DELETED or NOT_FOUND.

const CONFLICT_CODES = new Set([
  'ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE_CHECK',
  'PRECONDITION_FAILED',
]);

function bodyErrors(error) {
  const body = error?.body;
  if (Array.isArray(body)) return body;
  const output = body?.output;
  const fieldErrors = Object.values(output?.fieldErrors ?? {}).flat();
  return [...(output?.errors ?? []), ...fieldErrors, ...(body?.message ? [body] : [])];
}

export function isConflict(error) {
  return error?.status === 412 || bodyErrors(error).some((e) => CONFLICT_CODES.has(e?.errorCode));
}

const codes = (error) => bodyErrors(error).map((e) => e?.errorCode);

export function isDuplicate(error) {
  return codes(error).includes('DUPLICATE_VALUE');
}

const DUPLICATE_OF = /record with id: ?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\b/;

/** The id of the record a DUPLICATE_VALUE names, or null when the message names none. */
export function duplicateId(error) {
  for (const e of bodyErrors(error)) {
    const id = e?.errorCode === 'DUPLICATE_VALUE' ? DUPLICATE_OF.exec(e.message ?? '')?.[1] : null;
    if (id) return id;
  }
  return null;
}

const GONE_CODES = new Set(['ENTITY_IS_DELETED', 'NOT_FOUND']);

export function isGone(error) {
  return error?.status === 404 || codes(error).some((code) => GONE_CODES.has(code));
}

/** Salesforce's own messages (they name the field or rule), or a plain sentence. */
export function messageOf(error) {
  const messages = bodyErrors(error)
    .map((e) => e?.message)
    .filter((message) => typeof message === 'string' && message.trim() !== '');
  if (messages.length > 0) return [...new Set(messages)].join(' ');
  if (typeof error?.message === 'string' && error.message !== '') return error.message;
  return 'Salesforce did not accept the request. Try again, or reload the page.';
}

export const CONFLICT_MESSAGE =
  'Someone else saved this handoff after you opened it. Reload to see their changes, then try again.';
