// What the Lightning card writes after an action: the handoff record's fields and the
// Opportunity's write-back fields, valued and named by the same functions the backend's
// Salesforce adapter uses (handoff-records.ts, salesforce-mappers.ts), so a handoff the card
// accepted reads exactly like one the backend accepted.
import type { HandoffDocument, Policy } from '../../src/core';
import {
  EMPTY_LINKS,
  type RecordProperties,
  dealWriteBack,
  handoffProperties,
} from '../../src/crm/handoff-records';
import { summarizeHandoff } from '../../src/crm/handoff-summary';
import { type SfRecord, toSalesforceFields } from '../../src/crm/salesforce/salesforce-mappers';

/**
 * Set when the backend creates the handoff and never changed by an action: its key and name, the
 * people the backend assigned, and the links to the tasks it made (the card makes none).
 */
const BACKEND_ONLY: ReadonlySet<string> = new Set([
  'handoff_key',
  'handoff_name',
  'handoff_type',
  'deal_id',
  'sender_owner_id',
  'receiver_owner_id',
  'record_links',
  'handoff_rules',
]);

export interface CardWrite {
  /** Baton_Handoff__c fields, without `Id`. */
  handoff: SfRecord;
  /** Opportunity fields, without `Id`. */
  opportunity: SfRecord;
}

/** The fields to write for `document`, saved over `version` (the card raises it by one). */
export function cardWrite(
  document: HandoffDocument,
  version: number,
  policy: Policy,
  now: number,
): CardWrite {
  const summary = summarizeHandoff(document, policy, now);
  const properties = handoffProperties(
    {
      dealId: document.deal.id,
      document,
      summary,
      tasks: [],
      companyId: null,
      contactIds: [],
      senderOwnerId: null,
      receiverOwnerId: null,
      baseVersion: version,
    },
    version + 1,
    EMPTY_LINKS,
  );
  const owned: RecordProperties = Object.fromEntries(
    Object.entries(properties).filter(([name]) => !BACKEND_ONLY.has(name)),
  );
  return {
    handoff: toSalesforceFields(owned),
    opportunity: toSalesforceFields(dealWriteBack({ document, summary, receiverOwnerId: null })),
  };
}
