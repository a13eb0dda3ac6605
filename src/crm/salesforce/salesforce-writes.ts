// The sObject collection writes of a save that must stay safe to send twice. An upsert by
// External ID is, except for its master-detail field: required when the record is new,
// refused when it exists (not reparentable). Whether a child exists is known from the last
// read, which a write that landed without its answer (a 5xx, a reset) has made stale; so when
// Salesforce names the master-detail field in a refusal, the records it names are sent again
// the other way, once. A delete that landed before its answer was lost finds the record gone,
// which is what it wanted.
import type { Connection } from 'jsforce';
import {
  type CollectionResult,
  type SalesforceCalls,
  SalesforceWriteError,
  checkSaveResults,
  failuresOf,
} from './salesforce-calls';

const COLLECTION = { allOrNone: true, allowRecursive: true } as const;

export interface KeyedRecord {
  fields: Record<string, unknown>;
  /** The master-detail field and its parent id, sent only while the record is thought new. */
  master?: { field: string; id: string };
  /** What the last read said: the record exists under its key. */
  exists: boolean;
}

/** Salesforce refused the record because of its master-detail field: it was new, or it was not. */
function misjudged(result: CollectionResult, field: string): boolean {
  return (
    !result.success &&
    result.errors.some(
      (error) =>
        ['INVALID_FIELD_FOR_INSERT_UPDATE', 'REQUIRED_FIELD_MISSING'].includes(
          error.statusCode ?? error.errorCode ?? '',
        ) &&
        (error.fields?.includes(field) ?? error.message.includes(field)),
    )
  );
}

/** Upserts by External ID (all or none); the results, in order, once every record is saved. */
export async function upsertByKey(
  connection: Connection,
  calls: SalesforceCalls,
  label: string,
  object: string,
  keyField: string,
  records: readonly KeyedRecord[],
): Promise<CollectionResult[]> {
  let exists = records.map((record) => record.exists);
  for (let round = 0; ; round++) {
    const payload = records.map(({ fields, master }, i) => ({
      ...fields,
      ...(master && !exists[i] ? { [master.field]: master.id } : {}),
    }));
    const results = (await calls.run(label, () =>
      connection.upsert(object, payload, keyField, COLLECTION),
    )) as CollectionResult[];
    const wrong = results.map((result, i) => {
      const master = records[i]?.master;
      return master !== undefined && misjudged(result, master.field);
    });
    if (round > 0 || !wrong.some(Boolean)) {
      checkSaveResults(label, results);
      return results;
    }
    exists = exists.map((value, i) => (wrong[i] ? !value : value));
  }
}

/** Deletes the records; one already deleted counts as done. */
export async function deleteRecords(
  connection: Connection,
  calls: SalesforceCalls,
  label: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const results = (await calls.run(label, () =>
    connection.destroy('', [...ids], { allOrNone: false, allowRecursive: true }),
  )) as CollectionResult[];
  const gone = (result: CollectionResult) =>
    result.errors.length > 0 &&
    result.errors.every((error) => (error.statusCode ?? error.errorCode) === 'ENTITY_IS_DELETED');
  const failures = failuresOf(
    results.map((r) => (r.success || gone(r) ? { ...r, success: true } : r)),
  );
  if (failures.length > 0) throw new SalesforceWriteError(label, failures);
}
