// The CrmAdapter for HubSpot, on @hubspot/api-client. Reads a deal's whole context in at most
// three calls and writes a handoff in a number of calls that does not grow with its tasks,
// commitments or stakeholders (batch endpoints take 100 inputs each).
import type { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum as ObjectCategory } from '@hubspot/api-client/lib/codegen/crm/objects';
import {
  type BackfillCapability,
  type CrmAdapter,
  type CrmContact,
  type DealContext,
  DealNotFoundError,
  type DoctorCheck,
  HandoffConflictError,
  type HandoffWrite,
  type ProvisionReport,
  type RecordLinks,
  type SaveOptions,
  type SaveResult,
  type StoredHandoff,
} from '../crm-adapter';
import {
  EMPTY_LINKS,
  type RecordProperties,
  commitmentProperties,
  dealWriteBack,
  handoffKeyOf,
  handoffProperties,
  parseLinks,
  parseStoredDocument,
  stakeholderProperties,
} from '../handoff-records';
import { HubSpotCalls, type CallLog, PartialBatchError, statusOf } from './hubspot-calls';
import {
  COMPANY_PROPERTIES,
  CONTACT_PROPERTIES,
  DEAL_PROPERTIES,
  HANDOFF_READ_PROPERTIES,
  companyFrom,
  contactFrom,
  dealFrom,
  toHubSpotProperties,
} from './hubspot-mappers';
import { pacerOf } from './hubspot-client';
import { KnownFields } from '../known-fields';
import { HubSpotMetadata } from './hubspot-metadata';
import { createTasks, ensureDealTasks, findExisting } from './hubspot-tasks';
import { hubSpotWrites } from './hubspot-writes';
import { hubSpotBackfill } from './hubspot-backfill';
import { doctorHubSpot } from './hubspot-doctor';
import { provisionHubSpot } from './hubspot-provision';
import type { RetryOptions } from '../retry-policy';

/** Deal → contact association types that carry no role. */
const UNLABELED_CONTACT_TYPES = new Set(['deal_to_contact', 'deal_to_contact_unlabeled']);

export interface HubSpotAdapterOptions {
  client: Client;
  log: CallLog;
  retry?: RetryOptions;
  now?: () => number;
}

export interface HubSpotAdapter extends CrmAdapter {
  readonly backfill: BackfillCapability;
  readonly calls: HubSpotCalls;
  readonly metadata: HubSpotMetadata;
}

/** The v3 `associations` block keys custom objects by name; find Baton's handoff among them. */
function associatedIds(
  associations: Record<string, { results: { id: string; type: string }[] }> | undefined,
  matches: (key: string) => boolean,
): { id: string; type: string }[] {
  const out: { id: string; type: string }[] = [];
  for (const [key, collection] of Object.entries(associations ?? {})) {
    if (matches(key)) out.push(...collection.results);
  }
  return out;
}

export function createHubSpotAdapter(options: HubSpotAdapterOptions): HubSpotAdapter {
  const { client } = options;
  const calls = new HubSpotCalls(options.log, options.retry, pacerOf(client));
  const metadata = new HubSpotMetadata(client, calls, options.now);

  async function readStoredHandoff(
    objectType: string,
    ids: { id: string; idProperty?: string },
  ): Promise<StoredHandoff | null> {
    const response = await calls.run('read:handoff', () =>
      client.crm.objects.batchApi.read(objectType, {
        inputs: [{ id: ids.id }],
        properties: [...HANDOFF_READ_PROPERTIES],
        propertiesWithHistory: [],
        ...(ids.idProperty ? { idProperty: ids.idProperty } : {}),
      }),
    );
    const record = response.results[0];
    if (!record) return null;
    const key = record.properties.handoff_key ?? ids.id;
    return {
      recordId: record.id,
      key,
      document: parseStoredDocument(record.properties.document_json, key),
      version: Number(record.properties.document_version ?? 0) || 0,
      links: parseLinks(record.properties.record_links),
    };
  }

  async function loadDealContext(dealId: string): Promise<DealContext> {
    const types = await metadata.objectTypeIds();
    const stages = await metadata.closedWonStages();
    let dealRecord;
    try {
      dealRecord = await calls.run('read:deal', () =>
        client.crm.deals.basicApi.getById(dealId, [...DEAL_PROPERTIES], undefined, [
          'companies',
          'contacts',
          types.handoff,
        ]),
      );
    } catch (error) {
      if (statusOf(error) === 404) throw new DealNotFoundError(dealId);
      throw error;
    }
    const associations = dealRecord.associations as
      Record<string, { results: { id: string; type: string }[] }> | undefined;
    const deal = dealFrom(dealRecord.id, dealRecord.properties, stages);
    const people = await metadata.people();
    const owner = people.find((person) => person.id === deal.ownerId) ?? null;

    const contactLabels = new Map<string, string[]>();
    for (const { id, type } of associatedIds(associations, (key) => key === 'contacts')) {
      const labels = contactLabels.get(id) ?? [];
      if (!UNLABELED_CONTACT_TYPES.has(type)) labels.push(type);
      contactLabels.set(id, labels);
    }
    const companyId = associatedIds(associations, (key) => key === 'companies')[0]?.id ?? null;
    const handoffId =
      associatedIds(
        associations,
        (key) => key === types.handoff || key.includes('baton_handoff'),
      )[0]?.id ?? null;

    const handoff =
      handoffId === null ? null : await readStoredHandoff(types.handoff, { id: handoffId });

    let contacts: CrmContact[] = [];
    if (contactLabels.size > 0) {
      const read = await calls.run('read:contacts', () =>
        client.crm.contacts.batchApi.read({
          inputs: [...contactLabels.keys()].map((id) => ({ id })),
          properties: [...CONTACT_PROPERTIES],
          propertiesWithHistory: [],
        }),
      );
      contacts = read.results.map((c) =>
        contactFrom(c.id, c.properties, contactLabels.get(c.id) ?? []),
      );
    }

    // Once a handoff exists, its document carries the company context it was pre-filled with;
    // reading the company again would be a fourth call for nothing new.
    let company = null;
    if (companyId !== null && handoff === null) {
      const record = await calls.run('read:company', () =>
        client.crm.companies.basicApi.getById(companyId, [...COMPANY_PROPERTIES]),
      );
      company = companyFrom(record.id, record.properties);
    }
    return { deal, company, contacts, owner, handoff };
  }

  const { upsertRecords, archiveRemoved, associate } = hubSpotWrites(client, calls);

  const handoffPropertyFilter = new KnownFields((missing) =>
    options.log.warn('the portal lacks Baton handoff properties: run `baton provision`', {
      properties: missing,
    }),
  );
  /** What the portal can take of a handoff's values (known from the last schema read). */
  const writable = (values: RecordProperties): RecordProperties =>
    handoffPropertyFilter.writable(values, metadata.knownHandoffProperties());

  async function saveHandoff(write: HandoffWrite, options: SaveOptions = {}): Promise<SaveResult> {
    const types = await metadata.objectTypeIds();
    const labels = await metadata.labelIds();
    const key = handoffKeyOf(write.document);
    const current = await readStoredHandoff(types.handoff, {
      id: key,
      idProperty: 'handoff_key',
    }).catch((error: unknown) => {
      if (statusOf(error) === 404) return null;
      throw error;
    });
    // A resumed creation adopts what an earlier attempt stored under the key.
    const adopting = options.resume === true && write.baseVersion === null;
    if (!adopting && (current?.version ?? null) !== write.baseVersion) {
      throw new HandoffConflictError(key, current?.version ?? 0, write.baseVersion);
    }
    const stored: RecordLinks = current?.links ?? EMPTY_LINKS;
    // Tasks are created before the handoff that lists them: an attempt cut short in between
    // left tasks that only their key in the body can find.
    const found = options.resume ? await findExisting(client, calls, write.dealId) : {};
    const planned = new Set(write.tasks.map((task) => task.key));
    const previous: RecordLinks = {
      ...stored,
      tasks: {
        ...Object.fromEntries(Object.entries(found).filter(([taskKey]) => planned.has(taskKey))),
        ...stored.tasks,
      },
    };

    const commitments = await upsertRecords(
      'write:commitments',
      types.commitment,
      'commitment_key',
      commitmentProperties(key, write.document),
    );
    const stakeholders = await upsertRecords(
      'write:stakeholders',
      types.stakeholder,
      'stakeholder_key',
      stakeholderProperties(key, write.document),
    );
    await archiveRemoved(
      'write:archive-commitments',
      types.commitment,
      previous.commitments,
      commitments.ids,
    );
    await archiveRemoved(
      'write:archive-stakeholders',
      types.stakeholder,
      previous.stakeholders,
      stakeholders.ids,
    );

    const newTasks = write.tasks.filter((task) => !(task.key in previous.tasks));
    const tasks = await createTasks(
      client,
      calls,
      newTasks.map((task) => ({ dealId: write.dealId, task })),
      ObjectCategory.HubspotDefined,
    );
    const taskIds = { ...previous.tasks, ...tasks.ids };

    const links: RecordLinks = {
      tasks: taskIds,
      commitments: commitments.ids,
      stakeholders: stakeholders.ids,
    };
    const version = (current?.version ?? 0) + 1;
    const handoff = await upsertRecords('write:handoff', types.handoff, 'handoff_key', [
      { key, properties: writable(handoffProperties(write, version, links)) },
    ]);
    const recordId = handoff.ids[key];
    if (recordId === undefined)
      throw new Error(`HubSpot did not return the handoff ${key} it upserted`);

    if (current === null || options.resume) {
      await associate(
        'write:associate-deal',
        types.handoff,
        'deals',
        [[recordId, write.dealId]],
        labels.primaryHandoff,
      );
      if (write.companyId)
        await associate(
          'write:associate-company',
          types.handoff,
          'companies',
          [[recordId, write.companyId]],
          null,
        );
      if (write.contactIds.length > 0) {
        await associate(
          'write:associate-contacts',
          types.handoff,
          'contacts',
          write.contactIds.map((id) => [recordId, id]),
          null,
        );
      }
    }
    const newCommitments = commitments.created.map((id): [string, string] => [id, recordId]);
    if (newCommitments.length > 0)
      await associate(
        'write:associate-commitments',
        types.commitment,
        types.handoff,
        newCommitments,
        labels.recordedIn,
      );
    const newStakeholders = stakeholders.created.map((id): [string, string] => [id, recordId]);
    if (newStakeholders.length > 0)
      await associate(
        'write:associate-stakeholders',
        types.stakeholder,
        types.handoff,
        newStakeholders,
        labels.mappedIn,
      );

    await calls.run('write:deal', () =>
      client.crm.deals.basicApi.update(write.dealId, {
        properties: toHubSpotProperties(dealWriteBack(write)),
      }),
    );
    // The handoff and the tasks that landed are recorded; the refused ones are reported, and
    // the next save (a retry) creates exactly those.
    if (tasks.failures.length > 0) throw new PartialBatchError('write:tasks', tasks.failures);
    return {
      handoff: { recordId, key, document: write.document, version, links },
      created: current === null,
      tasksCreated: Object.keys(tasks.ids).length,
    };
  }

  return {
    kind: 'hubspot',
    calls,
    metadata,
    loadDealContext,
    saveHandoff,
    addDealTasks: (dealId, tasks) =>
      ensureDealTasks(client, calls, dealId, tasks, ObjectCategory.HubspotDefined),
    closedWonStages: () => metadata.closedWonStages(),
    listPeople: () => metadata.people(),
    provision: async (): Promise<ProvisionReport> => {
      const report = await provisionHubSpot(client, calls);
      metadata.invalidate();
      return report;
    },
    doctor: (): Promise<DoctorCheck[]> => doctorHubSpot(client, calls),
    backfill: hubSpotBackfill(client, calls, metadata, writable),
  };
}
