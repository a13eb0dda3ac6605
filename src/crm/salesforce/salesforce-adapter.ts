// The CrmAdapter for Salesforce, on jsforce. One relationship query reads an Opportunity with
// its account, owner, contact roles and handoff; a save is a fixed handful of sObject collection
// calls (upserts by External ID), however many tasks, commitments or stakeholders it carries.
import type { Connection } from 'jsforce';
import type { PlannedTask } from '../../core';
import {
  type ClosedWonStages,
  type CrmAdapter,
  type CrmPerson,
  type DealContext,
  DealNotFoundError,
  type DoctorCheck,
  HandoffConflictError,
  type HandoffWrite,
  type ProvisionReport,
  type SaveOptions,
  type SaveResult,
  type StoredHandoff,
} from '../crm-adapter';
import {
  EMPTY_LINKS,
  commitmentProperties,
  dealWriteBack,
  handoffKeyOf,
  handoffProperties,
  stakeholderProperties,
  type RecordProperties,
} from '../handoff-records';
import { KnownFields } from '../known-fields';
import type { RetryOptions } from '../retry-policy';
import {
  type CollectionResult,
  SalesforceCalls,
  type SalesforceCallLog,
  SalesforceWriteError,
  checkSaveResults,
  queryRecords,
} from './salesforce-calls';
import {
  type DeployOptions,
  type MetadataDeployer,
  deploySalesforceMetadata,
} from './salesforce-deploy';
import { deleteRecords, upsertByKey } from './salesforce-writes';
import {
  type RoleMap,
  SALESFORCE_PIPELINE,
  children,
  companyFrom,
  contactsFrom,
  dealFrom,
  ownerFrom,
  personFrom,
  roleMapFrom,
  storedHandoffFrom,
  toSalesforceFields,
} from './salesforce-mappers';
import {
  ACTIVE_USERS_QUERY,
  COMMITMENT_OBJECT,
  F,
  HANDOFFS_RELATIONSHIP,
  HANDOFF_OBJECT,
  STAKEHOLDER_OBJECT,
  WON_STAGES_QUERY,
  dealContextQuery,
  handoffByKeyQuery,
} from './salesforce-queries';
import { createDealTasks, findDealTasks } from './salesforce-tasks';
import { doctorSalesforce } from './salesforce-doctor';
import { isSalesforceId } from './soql';

export interface SalesforceAdapterOptions {
  connection: Connection;
  retry?: RetryOptions;
  /** Told about retries: labels and delays, never a query, a record or a token. */
  log?: SalesforceCallLog;
  /** How `provision` polls the metadata deploy it starts. */
  deploy?: DeployOptions;
}

export interface SalesforceAdapter extends CrmAdapter, MetadataDeployer {
  readonly calls: SalesforceCalls;
  /**
   * Reads which fields the org's handoff object has (one describe), so that an org one deploy
   * behind still gets its handoffs: saves leave out the custom fields it lacks and name them in
   * the log, once. The backend calls it at start; an adapter that never did writes every field.
   */
  learnHandoffFields(): Promise<void>;
}

const COLLECTION = { allOrNone: true, allowRecursive: true } as const;

export function createSalesforceAdapter(options: SalesforceAdapterOptions): SalesforceAdapter {
  const { connection } = options;
  const calls = new SalesforceCalls(options.retry, options.log);
  // Org metadata changes rarely and costs a call each: read once per adapter.
  let stages: Promise<ClosedWonStages> | null = null;
  let roles: Promise<RoleMap> | null = null;
  let handoffFieldNames: ReadonlySet<string> | null = null;

  async function learnHandoffFields(): Promise<void> {
    const described = await calls.run('read:handoff-fields', () =>
      connection.describe(HANDOFF_OBJECT),
    );
    handoffFieldNames = new Set(described.fields.map((field) => field.name));
  }

  // Only custom fields are Baton's to add; the standard ones every object has.
  const handoffFieldFilter = new KnownFields(
    (missing) =>
      options.log?.warn(
        'the org lacks Baton handoff fields: deploy the metadata (baton provision --crm salesforce --deploy)',
        { fields: missing },
      ),
    (name) => name.endsWith('__c'),
  );

  function closedWonStages(): Promise<ClosedWonStages> {
    stages ??= calls
      .run('read:stages', () => queryRecords(connection, WON_STAGES_QUERY))
      .then((records) => ({
        byPipeline: { [SALESFORCE_PIPELINE]: records.map((stage) => String(stage.ApiName)) },
      }))
      .catch((error: unknown) => {
        stages = null;
        throw error;
      });
    return stages;
  }

  function contactRoles(): Promise<RoleMap> {
    roles ??= calls
      .run('read:contact-roles', () => connection.describe('OpportunityContactRole'))
      .then((describe) =>
        roleMapFrom(describe.fields.find((f) => f.name === 'Role')?.picklistValues ?? []),
      )
      .catch((error: unknown) => {
        roles = null;
        throw error;
      });
    return roles;
  }

  async function loadDealContext(dealId: string): Promise<DealContext> {
    if (!isSalesforceId(dealId)) throw new DealNotFoundError(dealId);
    const [won, roleMap, records] = await Promise.all([
      closedWonStages(),
      contactRoles(),
      calls.run('read:deal', () => queryRecords(connection, dealContextQuery(dealId))),
    ]);
    const record = records[0];
    if (record === undefined) throw new DealNotFoundError(dealId);
    const stored = children(record, HANDOFFS_RELATIONSHIP)[0];
    const handoff = stored === undefined ? null : storedHandoffFrom(stored);
    return {
      deal: dealFrom(record, won),
      company: companyFrom(record),
      contacts: contactsFrom(record, roleMap),
      owner: ownerFrom(record),
      handoff,
    };
  }

  async function readHandoff(key: string): Promise<StoredHandoff | null> {
    const records = await calls.run('read:handoff', () =>
      queryRecords(connection, handoffByKeyQuery(key)),
    );
    return records[0] === undefined ? null : storedHandoffFrom(records[0]);
  }

  /** Upserts children by their External ID; the master-detail field only on new ones, since
   * Salesforce refuses a non-reparentable master-detail field on update. */
  async function upsertChildren(
    label: string,
    object: string,
    keyField: string,
    records: { key: string; properties: RecordProperties }[],
    existing: Record<string, string>,
    handoffId: string,
  ): Promise<Record<string, string>> {
    if (records.length === 0) return {};
    const results = await upsertByKey(
      connection,
      calls,
      label,
      object,
      keyField,
      records.map(({ key, properties }) => ({
        fields: toSalesforceFields(properties),
        master: { field: F.handoff, id: handoffId },
        exists: key in existing,
      })),
    );
    return Object.fromEntries(records.map((r, i) => [r.key, results[i]!.id!]));
  }

  async function deleteRemoved(
    label: string,
    previous: Record<string, string>,
    current: Record<string, string>,
  ) {
    const removed = Object.entries(previous)
      .filter(([key]) => !(key in current))
      .map(([, id]) => id);
    await deleteRecords(connection, calls, label, removed);
  }

  async function saveHandoff(write: HandoffWrite, options: SaveOptions = {}): Promise<SaveResult> {
    if (!isSalesforceId(write.dealId)) throw new DealNotFoundError(write.dealId);
    const key = handoffKeyOf(write.document);
    const current = await readHandoff(key);
    // A resumed creation adopts what an earlier attempt stored under the key.
    const adopting = options.resume === true && write.baseVersion === null;
    if (!adopting && (current?.version ?? null) !== write.baseVersion) {
      throw new HandoffConflictError(key, current?.version ?? 0, write.baseVersion);
    }
    const stored = current?.links ?? EMPTY_LINKS;
    const planned = new Set(write.tasks.map((task) => task.key));
    const found = options.resume ? await findDealTasks(connection, calls, write.dealId) : {};
    const previousTasks = {
      ...Object.fromEntries(Object.entries(found).filter(([taskKey]) => planned.has(taskKey))),
      ...stored.tasks,
    };
    // Tasks first, so the handoff written next lists every task that landed.
    const newTasks = write.tasks.filter((task) => !(task.key in previousTasks));
    const tasks = await createDealTasks(connection, calls, write.dealId, newTasks);
    const taskIds = { ...previousTasks, ...tasks.ids };

    const version = (current?.version ?? 0) + 1;
    // Commitment and stakeholder ids are read back from the handoff's children, so the stored
    // links only need the tasks, which are not children of the handoff.
    const handoffFields = handoffFieldFilter.writable(
      {
        ...toSalesforceFields(
          handoffProperties(write, version, { ...EMPTY_LINKS, tasks: taskIds }),
        ),
        [F.account]: write.companyId,
      },
      handoffFieldNames,
    );
    const [handoffResult] = await upsertByKey(
      connection,
      calls,
      'write:handoff',
      HANDOFF_OBJECT,
      F.handoffKey,
      [
        {
          fields: handoffFields,
          master: { field: F.opportunity, id: write.dealId },
          exists: current !== null,
        },
      ],
    );
    const recordId = handoffResult?.id;
    if (recordId === undefined) throw new Error(`Salesforce did not return the handoff ${key}`);

    const commitments = await upsertChildren(
      'write:commitments',
      COMMITMENT_OBJECT,
      F.commitmentKey,
      commitmentProperties(key, write.document),
      stored.commitments,
      recordId,
    );
    const stakeholders = await upsertChildren(
      'write:stakeholders',
      STAKEHOLDER_OBJECT,
      F.stakeholderKey,
      stakeholderProperties(key, write.document),
      stored.stakeholders,
      recordId,
    );
    await deleteRemoved('write:delete-commitments', stored.commitments, commitments);
    await deleteRemoved('write:delete-stakeholders', stored.stakeholders, stakeholders);

    const deal = (await calls.run('write:deal', () =>
      connection.update(
        'Opportunity',
        [{ Id: write.dealId, ...toSalesforceFields(dealWriteBack(write)) }],
        COLLECTION,
      ),
    )) as CollectionResult[];
    checkSaveResults('write:deal', deal);
    // The handoff lists the tasks that landed; the refused ones are reported, and the next save
    // (a retry) creates exactly those.
    if (tasks.failures.length > 0) throw new SalesforceWriteError('write:tasks', tasks.failures);
    const links = { tasks: taskIds, commitments, stakeholders };
    return {
      handoff: { recordId, key, document: write.document, version, links },
      created: current === null,
      tasksCreated: Object.keys(tasks.ids).length,
    };
  }

  async function addDealTasks(
    dealId: string,
    tasks: readonly PlannedTask[],
  ): Promise<Record<string, string>> {
    if (!isSalesforceId(dealId)) throw new DealNotFoundError(dealId);
    const existing = await findDealTasks(connection, calls, dealId);
    const created = await createDealTasks(
      connection,
      calls,
      dealId,
      tasks.filter((task) => !(task.key in existing)),
    );
    if (created.failures.length > 0)
      throw new SalesforceWriteError('write:tasks', created.failures);
    return {
      ...Object.fromEntries(
        tasks.filter((t) => t.key in existing).map((t) => [t.key, existing[t.key]!]),
      ),
      ...created.ids,
    };
  }

  async function listPeople(): Promise<CrmPerson[]> {
    const users = await calls.run('read:users', () => queryRecords(connection, ACTIVE_USERS_QUERY));
    return users.map(personFrom);
  }

  return {
    kind: 'salesforce',
    calls,
    learnHandoffFields,
    loadDealContext,
    saveHandoff,
    addDealTasks,
    closedWonStages,
    listPeople,
    // Provisioning an org is deploying Baton's metadata to it (salesforce-deploy.ts).
    provision: (): Promise<ProvisionReport> =>
      deploySalesforceMetadata(connection, calls, options.deploy),
    deployMetadata: (pkg) =>
      deploySalesforceMetadata(connection, calls, {
        ...options.deploy,
        ...(pkg && { package: pkg }),
      }),
    doctor: (): Promise<DoctorCheck[]> => doctorSalesforce(connection, calls),
  };
}
