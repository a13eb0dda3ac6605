// What a failed UI API call means for the user. Lightning Data Service rejects with a fetch
// response: `status`, and a `body` that is either a list of `{ errorCode, message }` or
// `{ message, output: { errors, fieldErrors } }`. A save over a record someone else changed after
// the card read it fails the `ifUnmodifiedSince` check: 412, ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE_CHECK.

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
