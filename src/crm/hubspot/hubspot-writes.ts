// The batch writes both the single-handoff save and the backfill are made of: upserts by a
// unique key, archiving what a handoff no longer lists, and v4 associations (labelled or default).
import type { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum as V4Category } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { chunks } from '../chunks';
import type { RecordProperties } from '../handoff-records';
import { type HubSpotCalls, throwOnBatchErrors } from './hubspot-calls';
import { toHubSpotProperties } from './hubspot-mappers';

export function hubSpotWrites(client: Client, calls: HubSpotCalls) {
  async function upsertRecords(
    label: string,
    objectType: string,
    keyProperty: string,
    records: { key: string; properties: RecordProperties }[],
  ): Promise<{ ids: Record<string, string>; created: string[] }> {
    const ids: Record<string, string> = {};
    const created: string[] = [];
    for (const batch of chunks(records)) {
      const response = await calls.run(label, () =>
        client.crm.objects.batchApi.upsert(objectType, {
          inputs: batch.map((r) => ({
            id: r.key,
            idProperty: keyProperty,
            properties: toHubSpotProperties(r.properties),
          })),
        }),
      );
      for (const result of response.results) {
        const key = result.properties[keyProperty];
        if (!key) continue;
        ids[key] = result.id;
        if (result._new) created.push(result.id);
      }
      // A 207 lists what failed beside what landed; an upsert can simply be run again, so the
      // save stops here rather than record a handoff with records missing.
      throwOnBatchErrors(label, response);
    }
    return { ids, created };
  }

  async function archiveRemoved(
    label: string,
    objectType: string,
    previous: Record<string, string>,
    current: Record<string, string>,
  ) {
    const removed = Object.entries(previous)
      .filter(([key]) => !(key in current))
      .map(([, id]) => ({ id }));
    for (const batch of chunks(removed)) {
      await calls.run(label, () =>
        client.crm.objects.batchApi.archive(objectType, { inputs: batch }),
      );
    }
  }

  async function associate(
    label: string,
    from: string,
    to: string,
    pairs: [string, string][],
    typeId: number | null,
  ) {
    for (const batch of chunks(pairs)) {
      if (typeId === null) {
        await calls.run(label, () =>
          client.crm.associations.v4.batchApi.createDefault(from, to, {
            inputs: batch.map(([a, b]) => ({ _from: { id: a }, to: { id: b } })),
          }),
        );
      } else {
        await calls.run(label, () =>
          client.crm.associations.v4.batchApi.create(from, to, {
            inputs: batch.map(([a, b]) => ({
              _from: { id: a },
              to: { id: b },
              types: [{ associationCategory: V4Category.UserDefined, associationTypeId: typeId }],
            })),
          }),
        );
      }
    }
  }

  return { upsertRecords, archiveRemoved, associate };
}
