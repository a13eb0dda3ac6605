// The handoff's child records (Baton_Commitment__c, Baton_Stakeholder__c) as the handoff's related
// lists return them, and the record links that list them, for the card's tests.
import { CHILD_OBJECTS, childRecords, linksValue } from 'c/batonCore';

const PREFIX = { commitments: 'a02', stakeholders: 'a03' };

/** A child's record id: `a02…001` is the first commitment, `a03…001` the first stakeholder. */
export const childId = (kind, n) => `${PREFIX[kind]}000000000000${String(n).padStart(3, '0')}`;

/** The tasks the backend linked when it created the handoff: the card keeps them as they are. */
export const TASK_LINKS = { handoff_meeting: '00T000000000000001' };

const field = (value) => ({ value, displayValue: null });

/** A child as the related list returns it; Salesforce stores an empty text as null. */
export function childRecord(kind, id, fields) {
  const stored = { Id: field(id) };
  for (const [name, value] of Object.entries(fields))
    stored[name] = field(value === '' ? null : value);
  return { apiName: CHILD_OBJECTS[kind].object, id, fields: stored };
}

/** The children the backend wrote for `document`, numbered in its order from `first`. */
export function storedChildren(document, first = 1) {
  const records = childRecords(document);
  const out = {};
  for (const kind of Object.keys(PREFIX)) {
    out[kind] = records[kind].map(({ fields }, i) =>
      childRecord(kind, childId(kind, first + i), fields),
    );
  }
  return out;
}

/** The record links listing `children` (by kind, related-list records), with the tasks. */
export function linksOf(children, tasks = TASK_LINKS) {
  const ids = (kind) =>
    Object.fromEntries(
      (children[kind] ?? []).map((r) => [r.fields[CHILD_OBJECTS[kind].keyField].value, r.id]),
    );
  return linksValue({ tasks, commitments: ids('commitments'), stakeholders: ids('stakeholders') });
}

export function relatedList(records) {
  return { records, count: records.length, nextPageToken: null };
}
