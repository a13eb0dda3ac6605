// Tasks on the Opportunity. A Task create is the one write that is not an upsert: Baton has no
// External ID field on Activity (that would need a custom Activity field in every org), so each
// Description ends with the task's Baton key, as on HubSpot. The handoff record lists the ids it
// made, so an ordinary save never searches; a resumed one reads the Opportunity's tasks and
// matches the key here (SOQL cannot filter a long text area such as Description). The same
// search settles a create whose answer was lost (a 5xx, a reset): the tasks that landed are
// found by key and only the rest are sent again.
import type { Connection } from 'jsforce';
import type { PlannedTask } from '../../core';
import {
  type CollectionResult,
  type SalesforceCalls,
  failuresOf,
  queryRecords,
} from './salesforce-calls';
import { text } from './salesforce-mappers';
import { isAmbiguousFailure } from './salesforce-retries';
import { dealTasksQuery } from './salesforce-queries';
import { isSalesforceId } from './soql';

const MARKER = 'Baton task key: ';

export function taskDescription(task: PlannedTask): string {
  return `${task.body}\n\n${MARKER}${task.key}`;
}

export function taskKeyIn(description: string | null): string | null {
  const at = description?.lastIndexOf(MARKER) ?? -1;
  return at < 0 ? null : description!.slice(at + MARKER.length).trim();
}

export async function findDealTasks(
  connection: Connection,
  calls: SalesforceCalls,
  opportunityId: string,
): Promise<Record<string, string>> {
  const records = await calls.run('write:reconcile-tasks', () =>
    queryRecords(connection, dealTasksQuery(opportunityId)),
  );
  const found: Record<string, string> = {};
  for (const task of records) {
    const key = taskKeyIn(text(task, 'Description'));
    if (key) found[key] = String(task.Id);
  }
  return found;
}

/**
 * Creates the tasks in sObject collections of 200 (jsforce splits with `allowRecursive`). A
 * create is not retried blind: after an ambiguous failure the Opportunity's tasks are read, those
 * that landed are kept by key, and only the others are created, as many rounds as retries allow.
 */
export async function createDealTasks(
  connection: Connection,
  calls: SalesforceCalls,
  opportunityId: string,
  tasks: readonly PlannedTask[],
): Promise<{ ids: Record<string, string>; failures: { index: number; message: string }[] }> {
  const ids: Record<string, string> = {};
  let pending = [...tasks];
  for (let round = 0; pending.length > 0; round++) {
    try {
      const created = await createOnce(connection, calls, opportunityId, pending);
      Object.assign(ids, created.ids);
      const failures = created.failures.map((f) => ({
        ...f,
        index: tasks.indexOf(pending[f.index]!),
      }));
      return { ids, failures };
    } catch (error) {
      if (!isAmbiguousFailure(error) || round >= calls.retry.retries) throw error;
      const found = await findDealTasks(connection, calls, opportunityId);
      for (const task of pending) if (task.key in found) ids[task.key] = found[task.key]!;
      pending = pending.filter((task) => !(task.key in found));
    }
  }
  return { ids, failures: [] };
}

async function createOnce(
  connection: Connection,
  calls: SalesforceCalls,
  opportunityId: string,
  tasks: readonly PlannedTask[],
): Promise<{ ids: Record<string, string>; failures: { index: number; message: string }[] }> {
  const records = tasks.map((task) => ({
    Subject: task.subject.slice(0, 255),
    Description: taskDescription(task),
    ActivityDate: task.dueAt.slice(0, 10),
    WhatId: opportunityId,
    Status: 'Not Started',
    Priority: 'High',
    ...(task.ownerId && isSalesforceId(task.ownerId) ? { OwnerId: task.ownerId } : {}),
  }));
  // Not all-or-none: the tasks that landed are recorded and the next save makes only the rest.
  const results = (await calls.run(
    'write:tasks',
    () => connection.create('Task', records, { allOrNone: false, allowRecursive: true }),
    { idempotent: false },
  )) as CollectionResult[];
  const ids: Record<string, string> = {};
  results.forEach((result, index) => {
    if (result.success && result.id) ids[tasks[index]!.key] = result.id;
  });
  return { ids, failures: failuresOf(results) };
}
