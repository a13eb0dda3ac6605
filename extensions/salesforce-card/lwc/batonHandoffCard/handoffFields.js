// The fields the card reads, as schema imports: Salesforce refuses to deploy the card when one is
// missing, and test/crm/salesforce/lightning-card.test.ts checks each against the generated
// metadata. The fields the card writes come from the core bundle (cardWrite), named as the
// backend names them.
import OPPORTUNITY_OWNER from '@salesforce/schema/Opportunity.OwnerId';
import OPPORTUNITY_CSM from '@salesforce/schema/Opportunity.Baton_Csm_Owner_Id__c';
import HANDOFF_DOCUMENT from '@salesforce/schema/Baton_Handoff__c.Document_Json__c';
import HANDOFF_VERSION from '@salesforce/schema/Baton_Handoff__c.Document_Version__c';
import HANDOFF_RECEIVER from '@salesforce/schema/Baton_Handoff__c.Receiver_Owner_Id__c';
import HANDOFF_MODIFIED from '@salesforce/schema/Baton_Handoff__c.LastModifiedDate';
import HANDOFF_LINKS from '@salesforce/schema/Baton_Handoff__c.Record_Links__c';
import HANDOFF_RULES from '@salesforce/schema/Baton_Handoff__c.Handoff_Rules__c';
import { CHILD_OBJECTS } from 'c/batonCore';

export {
  HANDOFF_DOCUMENT,
  HANDOFF_LINKS,
  HANDOFF_MODIFIED,
  HANDOFF_RECEIVER,
  HANDOFF_RULES,
  HANDOFF_VERSION,
  OPPORTUNITY_CSM,
  OPPORTUNITY_OWNER,
};

export const OPPORTUNITY_FIELDS = [OPPORTUNITY_OWNER, OPPORTUNITY_CSM];

export const HANDOFF_FIELDS = [
  HANDOFF_DOCUMENT,
  HANDOFF_VERSION,
  HANDOFF_RECEIVER,
  HANDOFF_MODIFIED,
  HANDOFF_LINKS,
  HANDOFF_RULES,
];

/** The Opportunity's handoffs: the child relationship of Baton_Handoff__c.Opportunity__c. */
export const HANDOFFS_RELATED_LIST = 'Baton_Handoffs__r';

export const HANDOFF_LIST_FIELDS = ['Baton_Handoff__c.Id', 'Baton_Handoff__c.CreatedDate'];

/**
 * The handoff the card shows: the newest, when a deal has had more than one (a pre-close
 * handoff, then the one at close). A deal has one handoff per type, so a handful at most.
 */
export function newestHandoffId(records) {
  let newest = null;
  for (const record of records) {
    const created = Date.parse(record.fields?.CreatedDate?.value ?? '') || 0;
    if (newest === null || created > newest.created) newest = { id: record.id, created };
  }
  return newest?.id ?? null;
}

/**
 * The handoff's children, its related lists (childSync.js): every record at once, since the
 * card compares them all with the document. A handoff has a handful; past a page, the card says
 * so rather than sync half of them.
 */
export const CHILDREN_PAGE_SIZE = 200;
export const COMMITMENTS_LIST = CHILD_OBJECTS.commitments.relatedListId;
export const COMMITMENT_FIELDS = CHILD_OBJECTS.commitments.fields;
export const STAKEHOLDERS_LIST = CHILD_OBJECTS.stakeholders.relatedListId;
export const STAKEHOLDER_FIELDS = CHILD_OBJECTS.stakeholders.fields;
