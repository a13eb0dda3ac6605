// Creating the plan's tasks on the deal. A task create is the one write that is not an upsert
// (HubSpot tasks have no unique-value key), so each body ends with its Baton key: after an
// ambiguous failure (a 5xx or a dropped connection that may have landed) the tasks already
// made are found by that key and only the rest are created, never twice.
import type { Client } from '@hubspot/api-client';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/Filter';
import type { PlannedTask } from '../../core';
import { chunks } from '../chunks';
import { type HubSpotCalls, PartialBatchError, batchErrorsOf, statusOf } from './hubspot-calls';
import { backoff } from '../retry-policy';

/** HubSpot's own association type: task → deal. */
export const TASK_TO_DEAL = 216;
const MARKER = 'Baton task key: ';

export function taskBody(task: PlannedTask): string {
  return `${task.body}\n\n${MARKER}${task.key}`;
}

export function taskKeyIn(body: string | null | undefined): string | null {
  const at = body?.lastIndexOf(MARKER) ?? -1;
  return at < 0 ? null : body!.slice(at + MARKER.length).trim();
}

export async function findExisting(
  client: Client,
  calls: HubSpotCalls,
  dealId: string,
): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  let after: string | undefined;
  do {
    const page = await calls.run('write:reconcile-tasks', () =>
      client.crm.objects.tasks.searchApi.doSearch({
        filterGroups: [
          {
            filters: [
              { propertyName: 'associations.deal', operator: FilterOperatorEnum.Eq, value: dealId },
            ],
          },
        ],
        properties: ['hs_task_body'],
        limit: 200,
        ...(after ? { after } : {}),
      }),
    );
    for (const task of page.results) {
      const key = taskKeyIn(task.properties.hs_task_body);
      if (key) found[key] = task.id;
    }
    after = page.paging?.next?.after;
  } while (after);
  return found;
}

/** A task of a plan and the deal it belongs on. */
export interface DealTask {
  dealId: string;
  task: PlannedTask;
}

function create(
  client: Client,
  calls: HubSpotCalls,
  pending: readonly DealTask[],
  category: AssociationSpecAssociationCategoryEnum,
) {
  return calls.run(
    'write:tasks',
    () =>
      client.crm.objects.tasks.batchApi.create({
        // A trace id on every input asks HubSpot for a 207 that names the inputs it refused,
        // instead of failing the batch whole (developers.hubspot.com, error handling).
        inputs: pending.map(({ dealId, task }) => ({
          objectWriteTraceId: task.key,
          properties: {
            hs_task_subject: task.subject,
            hs_task_body: taskBody(task),
            hs_timestamp: task.dueAt,
            hs_task_status: 'NOT_STARTED',
            hs_task_priority: 'HIGH',
            hs_task_type: 'TODO',
            ...(task.ownerId ? { hubspot_owner_id: task.ownerId } : {}),
          },
          associations: [
            {
              to: { id: dealId },
              types: [{ associationCategory: category, associationTypeId: TASK_TO_DEAL }],
            },
          ],
        })),
      }),
    { idempotent: false },
  );
}

export async function createTasks(
  client: Client,
  calls: HubSpotCalls,
  items: readonly DealTask[],
  category: AssociationSpecAssociationCategoryEnum,
): Promise<{ ids: Record<string, string>; failures: ReturnType<typeof batchErrorsOf> }> {
  const ids: Record<string, string> = {};
  const failures: ReturnType<typeof batchErrorsOf> = [];
  const sleep =
    calls.retry.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (const batch of chunks(items)) {
    let pending: readonly DealTask[] = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      try {
        const response = await create(client, calls, pending, category);
        for (const task of response.results) {
          const key = taskKeyIn(task.properties.hs_task_body);
          if (key) ids[key] = task.id;
        }
        // Tasks a 207 refused stay out of the links, so the next save creates exactly those.
        failures.push(...batchErrorsOf(response));
        pending = [];
      } catch (error) {
        const status = statusOf(error);
        if ((status !== null && status < 500) || attempt > calls.retry.retries) throw error;
        // The failed create may have landed: find what is there, create only the rest. HubSpot's
        // search index trails writes by a few seconds, hence the wait before looking.
        await sleep(backoff(attempt, calls.retry));
        const existing: Record<string, string> = {};
        for (const dealId of new Set(pending.map((item) => item.dealId))) {
          Object.assign(existing, await findExisting(client, calls, dealId));
        }
        for (const { task } of pending)
          if (task.key in existing) ids[task.key] = existing[task.key]!;
        pending = pending.filter(({ task }) => !(task.key in existing));
      }
    }
  }
  return { ids, failures };
}

/** Tasks that must exist once (escalations, reminders): look first, create only the missing. */
export async function ensureDealTasks(
  client: Client,
  calls: HubSpotCalls,
  dealId: string,
  tasks: readonly PlannedTask[],
  category: AssociationSpecAssociationCategoryEnum,
): Promise<Record<string, string>> {
  const existing = await findExisting(client, calls, dealId);
  const missing = tasks.filter((task) => !(task.key in existing));
  const created =
    missing.length === 0
      ? { ids: {}, failures: [] }
      : await createTasks(
          client,
          calls,
          missing.map((task) => ({ dealId, task })),
          category,
        );
  if (created.failures.length > 0) throw new PartialBatchError('write:tasks', created.failures);
  return {
    ...Object.fromEntries(
      tasks.filter((t) => t.key in existing).map((t) => [t.key, existing[t.key]!]),
    ),
    ...created.ids,
  };
}
