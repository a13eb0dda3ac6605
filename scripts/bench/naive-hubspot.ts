// The baseline the HubSpot adapter is measured against: the same reads and writes done the
// obvious way, one record per call, with the same real client against the same sandbox.
import type { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum as V4Category } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import type { HandoffWrite } from '../../src/crm/crm-adapter';
import {
  EMPTY_LINKS,
  commitmentProperties,
  dealWriteBack,
  handoffKeyOf,
  handoffProperties,
  stakeholderProperties,
} from '../../src/crm/handoff-records';
import { toHubSpotProperties } from '../../src/crm/hubspot/hubspot-mappers';
import type { LabelIds, ObjectTypeIds } from '../../src/crm/hubspot/hubspot-metadata';
import { taskBody } from '../../src/crm/hubspot/hubspot-tasks';

export class CountingCalls {
  count = 0;
  async run<T>(call: () => Promise<T>): Promise<T> {
    this.count++;
    return call();
  }
}

/** Deal, then each associated contact and the company one by one, then the handoff. */
export async function naiveRead(
  client: Client,
  calls: CountingCalls,
  dealId: string,
  handoffType: string,
) {
  const deal = await calls.run(() =>
    client.crm.deals.basicApi.getById(dealId, ['dealname'], undefined, [
      'contacts',
      'companies',
      handoffType,
    ]),
  );
  for (const contact of deal.associations?.contacts?.results ?? []) {
    await calls.run(() =>
      client.crm.contacts.basicApi.getById(contact.id, [
        'firstname',
        'lastname',
        'email',
        'jobtitle',
      ]),
    );
  }
  const company = deal.associations?.companies?.results[0];
  if (company)
    await calls.run(() => client.crm.companies.basicApi.getById(company.id, ['name', 'industry']));
  for (const [key, collection] of Object.entries(deal.associations ?? {})) {
    if (key === 'contacts' || key === 'companies') continue;
    for (const handoff of collection.results)
      await calls.run(() =>
        client.crm.objects.basicApi.getById(handoffType, handoff.id, ['document_json']),
      );
  }
}

/** The distinct ids under the association keys `matches` picks (HubSpot repeats one per label). */
function associatedIds(
  associations: Record<string, { results: { id: string }[] }> | undefined,
  matches: (key: string) => boolean,
): string[] {
  const ids = Object.entries(associations ?? {})
    .filter(([key]) => matches(key))
    .flatMap(([, collection]) => collection.results.map((result) => result.id));
  return [...new Set(ids)];
}

/**
 * What a card shows, read record by record: the deal with its associations, each contact, the
 * company, the handoff with its associations, then each commitment, stakeholder and task.
 */
export async function naiveCardRead(
  client: Client,
  calls: CountingCalls,
  dealId: string,
  types: ObjectTypeIds,
) {
  const deal = await calls.run(() =>
    client.crm.deals.basicApi.getById(
      dealId,
      ['dealname', 'dealstage', 'amount', 'hubspot_owner_id'],
      undefined,
      ['contacts', 'companies', 'tasks', types.handoff],
    ),
  );
  const dealLinks = deal.associations;
  for (const id of associatedIds(dealLinks, (key) => key === 'contacts'))
    await calls.run(() =>
      client.crm.contacts.basicApi.getById(id, ['firstname', 'lastname', 'email', 'jobtitle']),
    );
  for (const id of associatedIds(dealLinks, (key) => key === 'companies'))
    await calls.run(() => client.crm.companies.basicApi.getById(id, ['name', 'industry']));
  const isHandoff = (key: string) => key === types.handoff || key.includes('baton_handoff');
  for (const handoffId of associatedIds(dealLinks, isHandoff)) {
    const handoff = await calls.run(() =>
      client.crm.objects.basicApi.getById(types.handoff, handoffId, ['document_json'], undefined, [
        types.commitment,
        types.stakeholder,
      ]),
    );
    const links = handoff.associations;
    for (const [type, name] of [
      [types.commitment, 'baton_commitment'],
      [types.stakeholder, 'baton_stakeholder'],
    ] as const) {
      for (const id of associatedIds(links, (key) => key === type || key.includes(name)))
        await calls.run(() => client.crm.objects.basicApi.getById(type, id));
    }
  }
  for (const id of associatedIds(dealLinks, (key) => key === 'tasks'))
    await calls.run(() =>
      client.crm.objects.tasks.basicApi.getById(id, [
        'hs_task_subject',
        'hs_task_status',
        'hs_timestamp',
      ]),
    );
}

/** Every record and every association its own call. */
export async function naiveWrite(
  client: Client,
  calls: CountingCalls,
  types: ObjectTypeIds,
  labels: LabelIds,
  write: HandoffWrite,
) {
  const key = handoffKeyOf(write.document);
  const handoff = await calls.run(() =>
    client.crm.objects.basicApi.create(types.handoff, {
      properties: toHubSpotProperties(handoffProperties(write, 1, EMPTY_LINKS)),
      associations: [],
    }),
  );
  const link = async (
    from: string,
    fromId: string,
    to: string,
    toId: string,
    typeId: number | null,
  ): Promise<void> => {
    if (typeId === null)
      await calls.run(() =>
        client.crm.associations.v4.basicApi.createDefault(from, fromId, to, toId),
      );
    else {
      await calls.run(() =>
        client.crm.associations.v4.basicApi.create(from, fromId, to, toId, [
          { associationCategory: V4Category.UserDefined, associationTypeId: typeId },
        ]),
      );
    }
  };
  await link(types.handoff, handoff.id, 'deals', write.dealId, labels.primaryHandoff);
  if (write.companyId) await link(types.handoff, handoff.id, 'companies', write.companyId, null);
  for (const contactId of write.contactIds)
    await link(types.handoff, handoff.id, 'contacts', contactId, null);
  for (const record of commitmentProperties(key, write.document)) {
    const created = await calls.run(() =>
      client.crm.objects.basicApi.create(types.commitment, {
        properties: toHubSpotProperties(record.properties),
        associations: [],
      }),
    );
    await link(types.commitment, created.id, types.handoff, handoff.id, labels.recordedIn);
  }
  for (const record of stakeholderProperties(key, write.document)) {
    const created = await calls.run(() =>
      client.crm.objects.basicApi.create(types.stakeholder, {
        properties: toHubSpotProperties(record.properties),
        associations: [],
      }),
    );
    await link(types.stakeholder, created.id, types.handoff, handoff.id, labels.mappedIn);
  }
  for (const task of write.tasks) {
    const created = await calls.run(() =>
      client.crm.objects.tasks.basicApi.create({
        properties: {
          hs_task_subject: task.subject,
          hs_task_body: taskBody(task),
          hs_timestamp: task.dueAt,
          hs_task_status: 'NOT_STARTED',
        },
        associations: [],
      }),
    );
    await calls.run(() =>
      client.crm.associations.v4.basicApi.createDefault('tasks', created.id, 'deals', write.dealId),
    );
  }
  await calls.run(() =>
    client.crm.deals.basicApi.update(write.dealId, {
      properties: toHubSpotProperties(dealWriteBack(write)),
    }),
  );
}
