// Salesforce records to our vocabulary and back. Query results arrive as JSON with relationship
// objects and nested child results; Baton's values leave as fields named by salesforce-names.ts.
import { toIso } from '../../core';
import { stakeholderRoleOf } from '../contact-roles';
import type {
  ClosedWonStages,
  CrmCompany,
  CrmContact,
  CrmDeal,
  CrmPerson,
  StoredHandoff,
} from '../crm-adapter';
import { type RecordProperties, parseLinks, parseStoredDocument } from '../handoff-records';
import { type PropertyDefinition, batonObjects, dealProperties } from '../objects/data-model';
import type { StakeholderRole } from '../../core';
import { COMMITMENTS_RELATIONSHIP, F, STAKEHOLDERS_RELATIONSHIP } from './salesforce-queries';
import { customFieldName } from './salesforce-names';

export type SfRecord = Record<string, unknown>;

/** Stages are org-wide in Salesforce (a sales process only picks among them): one "pipeline". */
export const SALESFORCE_PIPELINE = 'default';

export function text(record: SfRecord | null | undefined, field: string): string | null {
  const value = record?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function numberOf(record: SfRecord | null | undefined, field: string): number | null {
  const value = record?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function parent(record: SfRecord, relationship: string): SfRecord | null {
  const value = record[relationship];
  return typeof value === 'object' && value !== null ? (value as SfRecord) : null;
}

/** A child relationship's records (Salesforce sends null, not an empty result, for none). */
export function children(record: SfRecord | null | undefined, relationship: string): SfRecord[] {
  const value = record?.[relationship] as { records?: SfRecord[] } | null | undefined;
  return value?.records ?? [];
}

/** Picklist value → stakeholder role, from the labels and values the org itself defines. */
export type RoleMap = ReadonlyMap<string, StakeholderRole>;

export function roleMapFrom(
  picklist: readonly { value: string; label: string | null; active: boolean }[],
): RoleMap {
  const map = new Map<string, StakeholderRole>();
  for (const entry of picklist) {
    if (!entry.active) continue;
    const role = stakeholderRoleOf(entry.label ?? entry.value) ?? stakeholderRoleOf(entry.value);
    if (role !== null) map.set(entry.value, role);
  }
  return map;
}

export function dealFrom(record: SfRecord, stages: ClosedWonStages): CrmDeal {
  const stageId = text(record, 'StageName');
  const closeDate = text(record, 'CloseDate');
  return {
    id: String(record.Id),
    name: text(record, 'Name'),
    amount: numberOf(record, 'Amount'),
    currency: null,
    pipelineId: SALESFORCE_PIPELINE,
    stageId,
    closedAt: closeDate ? toIso(Date.parse(`${closeDate}T00:00:00Z`)) : null,
    isClosedWon:
      stageId !== null && (stages.byPipeline[SALESFORCE_PIPELINE] ?? []).includes(stageId),
    // Won or lost: a closed-lost Opportunity may not ask for a pre-close handoff either.
    isClosed: record.IsClosed === true,
    ownerId: text(record, 'OwnerId'),
    isPoc: record[F.isPoc] === true,
    strategic: record[F.strategic] === true,
    csmOwnerId: text(record, F.csmOwnerId),
  };
}

export function companyFrom(record: SfRecord): CrmCompany | null {
  const account = parent(record, 'Account');
  const id = text(record, 'AccountId');
  if (account === null || id === null) return null;
  const website = text(account, 'Website');
  return {
    id,
    name: text(account, 'Name'),
    domain: website ? website.replace(/^https?:\/\//i, '').replace(/\/.*$/, '') : null,
    industry: text(account, 'Industry'),
    employees: numberOf(account, 'NumberOfEmployees'),
  };
}

export function ownerFrom(record: SfRecord): CrmPerson | null {
  const id = text(record, 'OwnerId');
  const owner = parent(record, 'Owner');
  if (id === null || owner === null) return null;
  return {
    id,
    userId: id,
    name: text(owner, 'Name') ?? id,
    email: text(owner, 'Email'),
    teams: [],
  };
}

export function personFrom(user: SfRecord): CrmPerson {
  const id = String(user.Id);
  return { id, userId: id, name: text(user, 'Name') ?? id, email: text(user, 'Email'), teams: [] };
}

/** One contact per person, with every role they play on the Opportunity. */
export function contactsFrom(record: SfRecord, roles: RoleMap): CrmContact[] {
  const byId = new Map<string, CrmContact>();
  for (const contactRole of children(record, 'OpportunityContactRoles')) {
    const id = text(contactRole, 'ContactId');
    if (id === null) continue;
    const contact = parent(contactRole, 'Contact');
    const entry = byId.get(id) ?? {
      id,
      name: text(contact, 'Name'),
      email: text(contact, 'Email'),
      title: text(contact, 'Title'),
      roles: [],
    };
    const role = roles.get(text(contactRole, 'Role') ?? '');
    if (role !== undefined && !entry.roles.includes(role)) entry.roles.push(role);
    byId.set(id, entry);
  }
  return [...byId.values()];
}

/** The stored handoff with the ids of its children as they are now, by their keys. */
export function storedHandoffFrom(record: SfRecord): StoredHandoff {
  const key = text(record, F.handoffKey) ?? String(record.Id);
  const keyed = (relationship: string, field: string) =>
    Object.fromEntries(
      children(record, relationship).map((child) => [text(child, field) ?? '', String(child.Id)]),
    );
  const links = parseLinks(text(record, F.recordLinks));
  return {
    recordId: String(record.Id),
    key,
    document: parseStoredDocument(text(record, F.documentJson), key),
    version: numberOf(record, F.documentVersion) ?? 0,
    links: {
      tasks: links.tasks,
      commitments: keyed(COMMITMENTS_RELATIONSHIP, F.commitmentKey),
      stakeholders: keyed(STAKEHOLDERS_RELATIONSHIP, F.stakeholderKey),
    },
  };
}

const BOOLEAN_FIELDS = new Set(
  [
    ...Object.values(batonObjects).flatMap((o): readonly PropertyDefinition[] => o.properties),
    ...dealProperties,
  ]
    .filter((property) => property.type === 'bool')
    .map((property) => property.name),
);

/** Baton's values as Salesforce fields. A checkbox cannot be empty, so null is false there. */
export function toSalesforceFields(values: RecordProperties): SfRecord {
  const out: SfRecord = {};
  for (const [name, value] of Object.entries(values)) {
    out[customFieldName(name)] = value === null && BOOLEAN_FIELDS.has(name) ? false : value;
  }
  return out;
}
