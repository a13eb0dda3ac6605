// The one CRM port, in our own words: deals, people, handoffs and tasks, never SDK types.
// HubSpot and Salesforce implement it; the functions and the backend only ever see this.
import type { HandoffDocument, HandoffRules, PlannedTask, StakeholderRole } from '../core';

export const CRM_KINDS = ['hubspot', 'salesforce'] as const;
export type CrmKind = (typeof CRM_KINDS)[number];

export interface CrmPerson {
  id: string;
  /** The CRM user behind the owner (HubSpot `userId`), which is how cards name the caller. */
  userId: string | null;
  name: string;
  email: string | null;
  teams: { id: string; name: string; primary: boolean }[];
}

export interface CrmDeal {
  id: string;
  name: string | null;
  amount: number | null;
  currency: string | null;
  pipelineId: string | null;
  stageId: string | null;
  /** When the deal closed (the CRM's close date), if it has. */
  closedAt: string | null;
  /** Decided from pipeline metadata (closed, with won probability), never the stage's name. */
  isClosedWon: boolean;
  /** Closed, won or lost, from the stage's metadata; absent where the adapter does not read it. */
  isClosed?: boolean;
  ownerId: string | null;
  /** The deal converts a proof of concept: closed-won starts a `poc_to_paid` handoff. */
  isPoc: boolean;
  strategic: boolean;
  /** The CSM assigned on the deal, if any. */
  csmOwnerId: string | null;
}

export interface CrmCompany {
  id: string;
  name: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
}

export interface CrmContact {
  id: string;
  name: string | null;
  email: string | null;
  title: string | null;
  /** The contact's roles on the deal, mapped to stakeholder roles (from labels or contact roles). */
  roles: StakeholderRole[];
}

/** What Baton wrote for a handoff, stable key → CRM id, kept on the handoff record so a plan
 * is never created twice and removed commitments or stakeholders can be archived. */
export interface RecordLinks {
  tasks: Record<string, string>;
  commitments: Record<string, string>;
  stakeholders: Record<string, string>;
}

/** A handoff as stored in the CRM: the document and the ids of what was written for it. */
export interface StoredHandoff {
  recordId: string;
  key: string;
  document: HandoffDocument;
  /** Raised by every save, for optimistic concurrency. */
  version: number;
  links: RecordLinks;
}

export interface DealContext {
  deal: CrmDeal;
  company: CrmCompany | null;
  contacts: CrmContact[];
  owner: CrmPerson | null;
  handoff: StoredHandoff | null;
}

/** What the deal and the handoff record show in CRM reports: computed by the core. */
export interface HandoffSummary {
  state: string;
  reviewStatus: string;
  ownerSide: 'sender' | 'receiver';
  completeness: number;
  quality: number;
  qualityBand: string;
  slaState: string;
  missing: string[];
}

export interface HandoffWrite {
  dealId: string;
  document: HandoffDocument;
  summary: HandoffSummary;
  /** Tasks the plan wants; those already created (by key) are not created again. */
  tasks: readonly PlannedTask[];
  companyId: string | null;
  contactIds: readonly string[];
  senderOwnerId: string | null;
  receiverOwnerId: string | null;
  /** The version this write is based on; null for a new handoff. */
  baseVersion: number | null;
  /**
   * The template and calendar the handoff runs by, stored beside the document for a card that
   * cannot ask the backend (Salesforce's); absent, the stored rules are left as they are.
   */
  rules?: HandoffRules;
}

export interface SaveResult {
  handoff: StoredHandoff;
  created: boolean;
  tasksCreated: number;
}

export interface ClosedWonStages {
  /** Pipeline id → the stage ids that are closed and won in it. */
  byPipeline: Record<string, string[]>;
}

export interface ProvisionStep {
  what: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

export interface ProvisionReport {
  steps: ProvisionStep[];
  changed: boolean;
}

export interface DoctorCheck {
  name: string;
  ok: boolean;
  /** In words an admin understands, with what to do when it fails. */
  detail: string;
}

/** A page of closed-won deals that have no handoff yet. */
export interface DealPage {
  deals: CrmDeal[];
  /** Where the next page starts; null on the last page. */
  next: string | null;
}

/**
 * Optional capability: handing off many deals at once (a backfill after install), in calls
 * that grow with the number of batches of 100, not with the number of deals.
 */
export interface BackfillCapability {
  findDealsWithoutHandoff(after: string | null): Promise<DealPage>;
  loadDealContexts(deals: readonly CrmDeal[]): Promise<DealContext[]>;
  /** Creates handoffs for deals that have none (no version check: the search just said so). */
  createHandoffs(writes: readonly HandoffWrite[]): Promise<{ handoffs: number; tasks: number }>;
}

export interface SaveOptions {
  /**
   * The write may finish one an earlier attempt left half done (a crash, a retry after a
   * failure): a creation adopts a handoff record already under its key, tasks already on the
   * deal are found by key rather than made again, and every association is (re)made. Costs a
   * task search and a few idempotent calls, so only retries and repairs ask for it.
   */
  resume?: boolean;
}

export interface CrmAdapter {
  readonly kind: CrmKind;
  /** Everything a handoff needs for one deal, in at most three API calls. */
  loadDealContext(dealId: string): Promise<DealContext>;
  /** Writes the handoff, its commitments, stakeholders, associations and new tasks, and the
   * deal's scores, in a number of calls that does not grow with the number of tasks. */
  saveHandoff(write: HandoffWrite, options?: SaveOptions): Promise<SaveResult>;
  /** Creates on the deal those tasks (by key) it does not have yet: safe to call again. */
  addDealTasks(dealId: string, tasks: readonly PlannedTask[]): Promise<Record<string, string>>;
  closedWonStages(): Promise<ClosedWonStages>;
  listPeople(): Promise<CrmPerson[]>;
  /** Creates or updates the objects, properties and association labels; idempotent. */
  provision(): Promise<ProvisionReport>;
  doctor(): Promise<DoctorCheck[]>;
  readonly backfill?: BackfillCapability;
}

/** A conflict on save: someone else saved a newer version first. */
export class HandoffConflictError extends Error {
  constructor(
    readonly key: string,
    readonly currentVersion: number,
    readonly baseVersion: number | null,
  ) {
    super(
      `handoff ${key} was saved by someone else (version ${currentVersion}, this edit was based on ${baseVersion ?? 'nothing'})`,
    );
  }
}

export class DealNotFoundError extends Error {
  constructor(readonly dealId: string) {
    super(`deal ${dealId} was not found in the CRM`);
  }
}

/** Baton's objects or labels are missing from the CRM: an admin must run provision. */
export class NotProvisionedError extends Error {
  constructor(missing: string, command = 'baton provision --crm hubspot') {
    super(`Baton is not set up in this CRM yet (${missing} is missing): run \`${command}\``);
  }
}
