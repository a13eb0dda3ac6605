// The handoff's child records as the card keeps them in step: one Baton_Commitment__c per
// commitment and one Baton_Stakeholder__c per stakeholder, keyed, named and valued by the same
// functions the backend's Salesforce adapter upserts them with (handoff-records.ts,
// salesforce-mappers.ts), and the handoff's record links written as the backend writes them.
// The card reads the children through the handoff's related lists and writes them through the
// UI API (lwc/batonHandoffCard/childSync.js plans, childWrites.js writes).
import type { HandoffDocument } from '../../src/core';
import type { RecordLinks } from '../../src/crm/crm-adapter';
import {
  type RecordProperties,
  commitmentProperties,
  handoffKeyOf,
  parseLinks,
  stakeholderProperties,
} from '../../src/crm/handoff-records';
import { batonObjects } from '../../src/crm/objects/data-model';
import { type SfRecord, toSalesforceFields } from '../../src/crm/salesforce/salesforce-mappers';
import { customFieldName } from '../../src/crm/salesforce/salesforce-names';
import {
  COMMITMENTS_RELATIONSHIP,
  COMMITMENT_OBJECT,
  F,
  STAKEHOLDERS_RELATIONSHIP,
  STAKEHOLDER_OBJECT,
} from '../../src/crm/salesforce/salesforce-queries';

export type ChildKind = 'commitments' | 'stakeholders';

export interface ChildObject {
  /** The child's object, for createRecord. */
  object: string;
  /** Its External ID, unique: `<handoff key>:<commitment id>`, `<handoff key>:<role>:<n>`. */
  keyField: string;
  /** The master-detail field to the handoff: set on create only (it is not reparentable). */
  masterField: string;
  /** The handoff's child relationship, the related list the card reads the children from. */
  relatedListId: string;
  /** The fields that related list reads: the id, the key and every field the backend writes. */
  fields: string[];
}

function childObject(
  object: string,
  keyField: string,
  relatedListId: string,
  properties: readonly { name: string }[],
): ChildObject {
  return {
    object,
    keyField,
    masterField: F.handoff,
    relatedListId,
    fields: [
      `${object}.Id`,
      ...properties.map((property) => `${object}.${customFieldName(property.name)}`),
    ],
  };
}

export const CHILD_OBJECTS: Record<ChildKind, ChildObject> = {
  commitments: childObject(
    COMMITMENT_OBJECT,
    F.commitmentKey,
    COMMITMENTS_RELATIONSHIP,
    batonObjects.commitment.properties,
  ),
  stakeholders: childObject(
    STAKEHOLDER_OBJECT,
    F.stakeholderKey,
    STAKEHOLDERS_RELATIONSHIP,
    batonObjects.stakeholder.properties,
  ),
};

/** The handoff's field that lists the ids of what was written for it, by key. */
export const RECORD_LINKS_FIELD = F.recordLinks;

export interface ChildRecord {
  key: string;
  /** The Salesforce fields, without `Id` or the master-detail field. */
  fields: SfRecord;
}

const asFields = (records: { key: string; properties: RecordProperties }[]): ChildRecord[] =>
  records.map(({ key, properties }) => ({ key, fields: toSalesforceFields(properties) }));

/** The children `document` has, in its order, with the fields the backend writes for each. */
export function childRecords(document: HandoffDocument): Record<ChildKind, ChildRecord[]> {
  const key = handoffKeyOf(document);
  return {
    commitments: asFields(commitmentProperties(key, document)),
    stakeholders: asFields(stakeholderProperties(key, document)),
  };
}

/** The record links as stored: `{ tasks, commitments, stakeholders }`, each key → id. */
export const readLinks: (json: string | null | undefined) => RecordLinks = parseLinks;

/**
 * The links as the backend writes them into the field (handoffProperties: the RecordLinks
 * object as JSON, in its own key order), so a card's write and a backend's read alike.
 */
export function linksValue(links: RecordLinks): string {
  const { tasks, commitments, stakeholders } = links;
  return JSON.stringify({ tasks, commitments, stakeholders } satisfies RecordLinks);
}
