// Keeping the handoff's child records (Baton_Commitment__c, Baton_Stakeholder__c) in step with
// its document, pure. What is out of step is worked out afresh on every save from what the card
// knows is stored (the children read through the handoff's related lists, and the ids its record
// links list) and from the document, never from the edit just made: so a sync that a failure or
// a closed tab interrupted is finished by the next save. The records and their fields are the
// backend's (c/batonCore, childRecords); childWrites.js sends the writes.
import { CHILD_OBJECTS, childRecords, linksValue } from 'c/batonCore';

export const CHILD_KINDS = ['commitments', 'stakeholders'];

const NOUNS = { commitments: 'commitment', stakeholders: 'stakeholder' };

/**
 * The children a related list holds, `{ [key]: { id, fields } }`, each field's value as stored.
 * @param kind 'commitments' or 'stakeholders'
 * @param records the related list's records (getRelatedListRecords)
 */
export function childrenFrom(kind, records) {
  const { keyField } = CHILD_OBJECTS[kind];
  const children = {};
  for (const record of records) {
    const fields = {};
    for (const [name, field] of Object.entries(record.fields ?? {})) fields[name] = field?.value;
    const key = fields[keyField];
    if (typeof key === 'string' && key !== '') children[key] = { id: record.id, fields };
  }
  return children;
}

// Salesforce stores an empty text as null; the backend writes a missing description as ''.
const blank = (value) => value === null || value === undefined || value === '';
const same = (a, b) => (blank(a) && blank(b)) || a === b;

const inStep = (fields, stored) =>
  Object.entries(fields).every(([name, value]) => same(value, stored[name]));

/**
 * The writes that bring the children in step with `document`, in order: for each kind, the
 * document's records (created when no id is known for the key, updated by id when a stored field
 * differs or is not known), then every known record whose key the document no longer has
 * (deleted). Each write is `{ kind, key, op, id?, fields?, index? }`; `index` is the row's place.
 * @param known `{ commitments, stakeholders }`: what the related lists hold (childrenFrom)
 * @param links the record links as stored (readLinks)
 */
export function planChildSync(document, known, links) {
  const desired = childRecords(document);
  const writes = [];
  for (const kind of CHILD_KINDS) {
    const read = known[kind];
    const linked = links[kind] ?? {};
    const wanted = new Set();
    desired[kind].forEach(({ key, fields }, index) => {
      wanted.add(key);
      const stored = read[key];
      const id = stored?.id ?? linked[key] ?? null;
      if (id === null) writes.push({ kind, key, index, op: 'create', fields });
      else if (!stored || !inStep(fields, stored.fields))
        writes.push({ kind, key, index, op: 'update', id, fields });
    });
    const removed = new Map();
    for (const [key, id] of Object.entries(linked)) if (!wanted.has(key)) removed.set(id, key);
    for (const [key, { id }] of Object.entries(read)) if (!wanted.has(key)) removed.set(id, key);
    for (const [id, key] of removed) writes.push({ kind, key, op: 'delete', id });
  }
  return writes;
}

/**
 * What is stored once the writes are done, some perhaps refused: the children as the card now
 * knows them (the next plan starts from these) and the record links listing exactly the children
 * that exist, with the tasks as they were.
 * @param results the writes, each with `ok` and, when ok, the record's `id` (childWrites.js)
 */
export function afterSync(document, known, links, results) {
  const desired = childRecords(document);
  const next = {};
  for (const kind of CHILD_KINDS) {
    const read = known[kind];
    const outcome = new Map(
      results.filter((r) => r.kind === kind && r.op !== 'delete').map((r) => [r.key, r]),
    );
    const children = {};
    for (const { key, fields } of desired[kind]) {
      const result = outcome.get(key);
      if (!result) children[key] = read[key] ?? { id: links[kind]?.[key], fields: {} };
      else if (result.ok) children[key] = { id: result.id, fields };
      // A refused update leaves the record as it was: known by id, its fields not in step.
      else if (result.op === 'update') children[key] = { id: result.id, fields: {} };
    }
    for (const result of results)
      if (result.kind === kind && result.op === 'delete' && !result.ok)
        children[result.key] = read[result.key] ?? { id: result.id, fields: {} };
    next[kind] = children;
  }
  const idsOf = (children) =>
    Object.fromEntries(Object.entries(children).map(([key, { id }]) => [key, id]));
  return {
    known: next,
    links: linksValue({
      tasks: links.tasks ?? {},
      commitments: idsOf(next.commitments),
      stakeholders: idsOf(next.stakeholders),
    }),
  };
}

function whichRecord(result) {
  const noun = NOUNS[result.kind];
  return result.op === 'delete'
    ? `the removed ${noun}`
    : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${result.index + 1}`;
}

/** The refused writes in words, or null when every write went through. */
export function syncProblem(results) {
  const refused = results.filter((result) => !result.ok);
  if (refused.length === 0) return null;
  const reasons = refused.map((result) => `${whichRecord(result)}: ${result.message}`);
  return (
    'The handoff is saved, but its commitment and stakeholder records in Salesforce are not all ' +
    `up to date (${reasons.join('; ')}). Press Save again to finish.`
  );
}

/** Why the children were not synced when the card could not read them (error), or has not yet. */
export function unreadChildren(error) {
  const why = error
    ? `the card could not read them (${error})`
    : 'the card has not finished reading them';
  return `The handoff is saved, but its commitment and stakeholder records in Salesforce were not brought up to date: ${why}. Press Save again to finish.`;
}
