// Handoff documents and the UI API records the card's wires emit, for the card's tests.
import complete from '../../../../../../examples/complete.json';
import thin from '../../../../../../examples/thin.json';
import { linksOf, storedChildren } from './children';

/** The test user: sfdx-lwc-jest's default `@salesforce/user/Id`. */
export const USER_ID = '005000000000000000';
export const OTHER_AE_ID = '005000000000002AAA';
export const OTHER_CSM_ID = '005000000000003AAA';
export const OPPORTUNITY_ID = '006000000000000001';
export const HANDOFF_ID = 'a01000000000000001';

/** The read the card's save is based on: what `ifUnmodifiedSince` carries. */
export const READ_AT = '2026-11-03T08:00:00.000Z';

const copy = (value) => JSON.parse(JSON.stringify(value));

/** The complete example as it is: accepted, met, kicked off. */
export function completeExample(dealOwnerId) {
  const example = copy(complete);
  return { ...example, deal: { ...example.deal, ownerId: dealOwnerId } };
}

/** The complete example before anything happened to it: a draft, ready to submit. */
export function completeDraft(dealOwnerId) {
  const { meeting: _meeting, timeline: _timeline, review: _review, ...draft } = copy(complete);
  return { ...draft, deal: { ...draft.deal, ownerId: dealOwnerId } };
}

/** The thin example: a draft far below the minimum completeness. */
export function thinDraft(dealOwnerId) {
  const draft = copy(thin);
  return { ...draft, deal: { ...draft.deal, ownerId: dealOwnerId } };
}

export function submitted(document, at = '2026-11-03T09:00:00Z') {
  return { ...document, timeline: { ...document.timeline, submittedAt: at } };
}

export function returned(document, gaps, at = '2026-11-03T10:00:00Z') {
  return {
    ...submitted(document),
    review: { status: 'needs_revision', gaps, rejections: 1, returnedAt: at },
  };
}

const field = (value) => ({ value, displayValue: null });

export function opportunityRecord({ ownerId, csmId = null }) {
  return {
    apiName: 'Opportunity',
    id: OPPORTUNITY_ID,
    fields: { OwnerId: field(ownerId), Baton_Csm_Owner_Id__c: field(csmId) },
  };
}

/** The links the backend left: every child of the document, when the document is one. */
function linksFor(document) {
  return typeof document === 'string' ? null : linksOf(storedChildren(document));
}

export function handoffRecord(
  document,
  {
    version = 3,
    receiverId = null,
    modified = READ_AT,
    links = linksFor(document),
    rules = null,
  } = {},
) {
  return {
    apiName: 'Baton_Handoff__c',
    id: HANDOFF_ID,
    fields: {
      Document_Json__c: field(typeof document === 'string' ? document : JSON.stringify(document)),
      Document_Version__c: field(version),
      Receiver_Owner_Id__c: field(receiverId),
      LastModifiedDate: field(modified),
      Record_Links__c: field(links),
      Handoff_Rules__c: field(rules),
    },
  };
}

/** The record as Salesforce holds it after the card's update: the written fields over the old. */
export function afterUpdate(record, written, modified) {
  const fields = { ...record.fields, LastModifiedDate: field(modified) };
  for (const [name, value] of Object.entries(written))
    if (name !== 'Id') fields[name] = field(value);
  return { ...record, fields };
}

/** The Opportunity's handoffs, by id and when each was created. */
export function handoffList(handoffs) {
  return {
    records: Object.entries(handoffs).map(([id, created]) => ({
      apiName: 'Baton_Handoff__c',
      id,
      fields: { Id: field(id), CreatedDate: field(created) },
    })),
    count: Object.keys(handoffs).length,
  };
}
