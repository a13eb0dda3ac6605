// Brings the handoff's child records in step after the handoff is saved, through the UI API
// (createRecord, updateRecord, deleteRecord): the writes childSync.js plans, one at a time, each
// safe to send again. A create whose key is taken (DUPLICATE_VALUE: an earlier create landed but
// its answer was lost, or another tab made it) updates the record Salesforce names instead, so
// a retried save never makes a second record; an update of a record that is gone creates it; a
// delete of one that is gone is done. Then the handoff's record links list exactly the children
// that exist. A refused write is reported, not thrown: the next save plans it again.
import {
  createRecord,
  deleteRecord,
  notifyRecordUpdateAvailable,
  updateRecord,
} from 'lightning/uiRecordApi';
import { CHILD_OBJECTS, RECORD_LINKS_FIELD } from 'c/batonCore';
import { afterSync, planChildSync, syncProblem } from './childSync';
import { duplicateId, isDuplicate, isGone, messageOf } from './saveErrors';

const UNNAMED_DUPLICATE =
  'Salesforce already has this record but did not say which one: reload the page, then save again.';

async function create(write, handoffId) {
  const { object, masterField } = CHILD_OBJECTS[write.kind];
  try {
    const record = await createRecord({
      apiName: object,
      fields: { ...write.fields, [masterField]: handoffId },
    });
    return record.id;
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const id = duplicateId(error);
    if (id === null) throw new Error(UNNAMED_DUPLICATE, { cause: error });
    // The master-detail field is left out: Salesforce refuses to reparent the record.
    await updateRecord({ fields: { Id: id, ...write.fields } });
    return id;
  }
}

async function update(write, handoffId) {
  try {
    await updateRecord({ fields: { Id: write.id, ...write.fields } });
    return write.id;
  } catch (error) {
    if (!isGone(error)) throw error;
    return create(write, handoffId);
  }
}

async function remove(write) {
  try {
    await deleteRecord(write.id);
  } catch (error) {
    if (!isGone(error)) throw error;
  }
  return write.id;
}

const WRITES = { create, update, delete: remove };

async function send(writes, handoffId) {
  const results = [];
  for (const write of writes) {
    try {
      results.push({ ...write, ok: true, id: await WRITES[write.op](write, handoffId) });
    } catch (error) {
      results.push({ ...write, ok: false, message: messageOf(error) });
    }
  }
  return results;
}

/**
 * Brings the children of the handoff `handoffId` in step with `document` (the one just saved).
 * @param known what the card knows is stored, `{ commitments, stakeholders }` (childSync.js)
 * @param links the record links as stored, read (readLinks), and `stored`, the field's text
 * @returns `{ known, problem }`: the children as now stored; what was refused in words, or null
 */
export async function syncChildren({ document, handoffId, known, links, stored }) {
  const results = await send(planChildSync(document, known, links), handoffId);
  const after = afterSync(document, known, links, results);
  let problem = syncProblem(results);
  if (after.links !== stored) {
    // Not guarded by ifUnmodifiedSince: the document was, and this writes only the links, keeping
    // the tasks as read (the backend adds tasks only in a save of its own, which moves the version).
    try {
      await updateRecord({ fields: { Id: handoffId, [RECORD_LINKS_FIELD]: after.links } });
    } catch (error) {
      problem ??= `The handoff is saved, but its list of commitment and stakeholder records was not updated: ${messageOf(error)} Press Save again to finish.`;
    }
  }
  const changed = results.filter((r) => r.ok && r.op !== 'delete').map((r) => ({ recordId: r.id }));
  if (changed.length > 0) await notifyRecordUpdateAvailable(changed);
  return { known: after.known, problem };
}
