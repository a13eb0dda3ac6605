// Handing off many deals at once: after install, every closed-won deal without a handoff. All
// reads and writes are batches of 100 across deals, so 2,000 deals cost a few hundred calls,
// not tens of thousands, and stay inside the portal's rate limit.
import type { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum as ObjectCategory } from '@hubspot/api-client/lib/codegen/crm/objects';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/deals/models/Filter';
import { chunks } from '../chunks';
import type {
  BackfillCapability,
  CrmContact,
  CrmDeal,
  DealContext,
  DealPage,
  HandoffWrite,
} from '../crm-adapter';
import {
  EMPTY_LINKS,
  type RecordProperties,
  dealWriteBack,
  handoffKeyOf,
  handoffProperties,
  stakeholderProperties,
} from '../handoff-records';
import { type HubSpotCalls, throwOnBatchErrors } from './hubspot-calls';
import {
  COMPANY_PROPERTIES,
  CONTACT_PROPERTIES,
  DEAL_PROPERTIES,
  companyFrom,
  contactFrom,
  dealFrom,
  toHubSpotProperties,
} from './hubspot-mappers';
import type { HubSpotMetadata } from './hubspot-metadata';
import { createTasks } from './hubspot-tasks';
import { hubSpotWrites } from './hubspot-writes';

/** HubSpot's search allows at most 5 filter groups and stops paging at 10,000 results. */
const MAX_FILTER_GROUPS = 5;
const PAGE_SIZE = 100;

export function hubSpotBackfill(
  client: Client,
  calls: HubSpotCalls,
  metadata: HubSpotMetadata,
  /** The handoff's values the portal can take (the adapter's, which logs what it leaves out). */
  writable: (values: RecordProperties) => RecordProperties,
): BackfillCapability {
  const writes = hubSpotWrites(client, calls);

  async function findDealsWithoutHandoff(after: string | null): Promise<DealPage> {
    const stages = await metadata.closedWonStages();
    const groups = Object.entries(stages.byPipeline).filter(([, won]) => won.length > 0);
    const deals: CrmDeal[] = [];
    // Paging by id rather than by `after` keeps going past search's 10,000-result ceiling.
    const afterId = after ?? '0';
    let lastId: string | null = null;
    for (const part of chunks(groups, MAX_FILTER_GROUPS)) {
      const page = await calls.run('backfill:search', () =>
        client.crm.deals.searchApi.doSearch({
          filterGroups: part.map(([pipeline, won]) => ({
            filters: [
              { propertyName: 'pipeline', operator: FilterOperatorEnum.Eq, value: pipeline },
              { propertyName: 'dealstage', operator: FilterOperatorEnum.In, values: won },
              { propertyName: 'baton_handoff_key', operator: FilterOperatorEnum.NotHasProperty },
              { propertyName: 'hs_object_id', operator: FilterOperatorEnum.Gt, value: afterId },
            ],
          })),
          sorts: ['hs_object_id'],
          properties: [...DEAL_PROPERTIES],
          limit: PAGE_SIZE,
        }),
      );
      for (const record of page.results) deals.push(dealFrom(record.id, record.properties, stages));
      if (page.results.length === PAGE_SIZE) {
        const last = page.results.at(-1)!.id;
        lastId = lastId === null || Number(last) < Number(lastId) ? last : lastId;
      }
    }
    // With several searches, the next page starts after the smallest last id of a full page, so
    // no deal is skipped (one seen twice is harmless: it has a handoff by then).
    const page =
      lastId === null ? deals : deals.filter((deal) => Number(deal.id) <= Number(lastId));
    return { deals: page.sort((a, b) => Number(a.id) - Number(b.id)), next: lastId };
  }

  async function associatedByDeal(toType: string, dealIds: readonly string[]) {
    const byDeal = new Map<string, { id: string; labels: string[] }[]>();
    for (const batch of chunks(dealIds)) {
      const response = await calls.run(`backfill:read-${toType}-associations`, () =>
        client.crm.associations.v4.batchApi.getPage('deals', toType, {
          inputs: batch.map((id) => ({ id })),
        }),
      );
      for (const result of response.results) {
        byDeal.set(
          result._from.id,
          result.to.map((to) => ({
            // HubSpot sends v4 object ids as numbers, whatever the SDK's type says.
            id: String(to.toObjectId),
            labels: to.associationTypes
              .map((type) => type.label)
              .filter((label): label is string => typeof label === 'string'),
          })),
        );
      }
    }
    return byDeal;
  }

  async function loadDealContexts(deals: readonly CrmDeal[]): Promise<DealContext[]> {
    const ids = deals.map((deal) => deal.id);
    const contactsByDeal = await associatedByDeal('contacts', ids);
    const companiesByDeal = await associatedByDeal('companies', ids);
    const people = await metadata.people();

    const contactIds = [...new Set([...contactsByDeal.values()].flat().map((c) => c.id))];
    const contacts = new Map<string, { properties: Record<string, string | null> }>();
    for (const batch of chunks(contactIds)) {
      const read = await calls.run('backfill:read-contacts', () =>
        client.crm.contacts.batchApi.read({
          inputs: batch.map((id) => ({ id })),
          properties: [...CONTACT_PROPERTIES],
          propertiesWithHistory: [],
        }),
      );
      for (const record of read.results) contacts.set(record.id, record);
    }
    const companyIds = [
      ...new Set(
        [...companiesByDeal.values()]
          .map((list) => list[0]?.id)
          .filter((id): id is string => Boolean(id)),
      ),
    ];
    const companies = new Map<string, { properties: Record<string, string | null> }>();
    for (const batch of chunks(companyIds)) {
      const read = await calls.run('backfill:read-companies', () =>
        client.crm.companies.batchApi.read({
          inputs: batch.map((id) => ({ id })),
          properties: [...COMPANY_PROPERTIES],
          propertiesWithHistory: [],
        }),
      );
      for (const record of read.results) companies.set(record.id, record);
    }

    return deals.map((deal) => {
      const dealContacts: CrmContact[] = (contactsByDeal.get(deal.id) ?? [])
        .filter((c) => contacts.has(c.id))
        .map((c) => contactFrom(c.id, contacts.get(c.id)!.properties, c.labels));
      const companyId = companiesByDeal.get(deal.id)?.[0]?.id;
      const company =
        companyId && companies.has(companyId)
          ? companyFrom(companyId, companies.get(companyId)!.properties)
          : null;
      return {
        deal,
        company,
        contacts: dealContacts,
        owner: people.find((p) => p.id === deal.ownerId) ?? null,
        handoff: null,
      };
    });
  }

  async function createHandoffs(
    batch: readonly HandoffWrite[],
  ): Promise<{ handoffs: number; tasks: number }> {
    const types = await metadata.objectTypeIds();
    const labels = await metadata.labelIds();
    const stakeholderRecords = batch.flatMap((write) =>
      stakeholderProperties(handoffKeyOf(write.document), write.document),
    );
    const stakeholders = await writes.upsertRecords(
      'backfill:stakeholders',
      types.stakeholder,
      'stakeholder_key',
      stakeholderRecords,
    );
    const tasks = await createTasks(
      client,
      calls,
      batch.flatMap((write) => write.tasks.map((task) => ({ dealId: write.dealId, task }))),
      ObjectCategory.HubspotDefined,
    );
    const handoffs = await writes.upsertRecords(
      'backfill:handoffs',
      types.handoff,
      'handoff_key',
      batch.map((write) => {
        const key = handoffKeyOf(write.document);
        const links = {
          ...EMPTY_LINKS,
          tasks: Object.fromEntries(
            write.tasks.filter((t) => t.key in tasks.ids).map((t) => [t.key, tasks.ids[t.key]!]),
          ),
          stakeholders: Object.fromEntries(
            Object.entries(stakeholders.ids).filter(([k]) => k.startsWith(`${key}:`)),
          ),
        };
        return { key, properties: writable(handoffProperties(write, 1, links)) };
      }),
    );
    const recordOf = (write: HandoffWrite) => handoffs.ids[handoffKeyOf(write.document)]!;
    await writes.associate(
      'backfill:associate-deals',
      types.handoff,
      'deals',
      batch.map((w) => [recordOf(w), w.dealId]),
      labels.primaryHandoff,
    );
    const withCompany = batch.filter((w) => w.companyId);
    if (withCompany.length > 0) {
      await writes.associate(
        'backfill:associate-companies',
        types.handoff,
        'companies',
        withCompany.map((w) => [recordOf(w), w.companyId!]),
        null,
      );
    }
    const contactPairs = batch.flatMap((w) =>
      w.contactIds.map((id): [string, string] => [recordOf(w), id]),
    );
    if (contactPairs.length > 0)
      await writes.associate(
        'backfill:associate-contacts',
        types.handoff,
        'contacts',
        contactPairs,
        null,
      );
    const handoffOfStakeholder = new Map(
      stakeholderRecords.map((r) => [r.key, String(r.properties.handoff_key)]),
    );
    const stakeholderPairs = Object.entries(stakeholders.ids).map(([key, id]): [string, string] => [
      id,
      handoffs.ids[handoffOfStakeholder.get(key)!]!,
    ]);
    if (stakeholderPairs.length > 0) {
      await writes.associate(
        'backfill:associate-stakeholders',
        types.stakeholder,
        types.handoff,
        stakeholderPairs,
        labels.mappedIn,
      );
    }
    for (const part of chunks(batch)) {
      const response = await calls.run('backfill:deals', () =>
        client.crm.deals.batchApi.update({
          inputs: part.map((w) => ({
            id: w.dealId,
            properties: toHubSpotProperties(dealWriteBack(w)),
          })),
        }),
      );
      throwOnBatchErrors('backfill:deals', response);
    }
    return { handoffs: Object.keys(handoffs.ids).length, tasks: Object.keys(tasks.ids).length };
  }

  return { findDealsWithoutHandoff, loadDealContexts, createHandoffs };
}
