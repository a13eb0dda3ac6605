// The SOQL Baton sends, in one file, so the offline test server and a reviewer can see every
// query the adapter makes. Names come from salesforce-names.ts, values through `soql`.
import { childRelationshipName, customFieldName, customObjectName } from './salesforce-names';
import { soql, soqlLiteral } from './soql';

export const HANDOFF_OBJECT = customObjectName('handoff');
export const COMMITMENT_OBJECT = customObjectName('commitment');
export const STAKEHOLDER_OBJECT = customObjectName('stakeholder');
export const HANDOFFS_RELATIONSHIP = `${childRelationshipName('handoff')}__r`;
export const COMMITMENTS_RELATIONSHIP = `${childRelationshipName('commitment')}__r`;
export const STAKEHOLDERS_RELATIONSHIP = `${childRelationshipName('stakeholder')}__r`;

export const F = {
  handoffKey: customFieldName('handoff_key'),
  commitmentKey: customFieldName('commitment_key'),
  stakeholderKey: customFieldName('stakeholder_key'),
  documentJson: customFieldName('document_json'),
  documentVersion: customFieldName('document_version'),
  recordLinks: customFieldName('record_links'),
  isPoc: customFieldName('baton_is_poc'),
  strategic: customFieldName('baton_strategic'),
  csmOwnerId: customFieldName('baton_csm_owner_id'),
  /** Master-detail and lookup fields (relationships.ts). */
  opportunity: customFieldName('opportunity'),
  account: customFieldName('account'),
  handoff: customFieldName('handoff'),
  contact: customFieldName('contact'),
} as const;

/** The children of a stored handoff, so removed commitments and stakeholders can be deleted. */
const HANDOFF_CHILDREN =
  `(SELECT Id, ${F.commitmentKey} FROM ${COMMITMENTS_RELATIONSHIP}), ` +
  `(SELECT Id, ${F.stakeholderKey} FROM ${STAKEHOLDERS_RELATIONSHIP})`;

const HANDOFF_FIELDS = `Id, ${F.handoffKey}, ${F.documentJson}, ${F.documentVersion}, ${F.recordLinks}`;

/**
 * The Opportunity with its account, owner, contact roles and handoff (with the handoff's own
 * children: REST SOQL nests child relationships five levels deep since API 58.0): one call.
 * Currency is left out: `CurrencyIsoCode` exists only in multi-currency orgs.
 */
export function dealContextQuery(opportunityId: string): string {
  return (
    `SELECT Id, Name, Amount, StageName, IsClosed, CloseDate, OwnerId, ${F.isPoc}, ${F.strategic}, ` +
    `${F.csmOwnerId}, AccountId, Account.Name, Account.Website, Account.Industry, ` +
    'Account.NumberOfEmployees, Owner.Name, Owner.Email, ' +
    '(SELECT ContactId, Role, Contact.Name, Contact.Email, Contact.Title FROM OpportunityContactRoles), ' +
    `(SELECT ${HANDOFF_FIELDS}, ${HANDOFF_CHILDREN} FROM ${HANDOFFS_RELATIONSHIP}) ` +
    soql`FROM Opportunity WHERE Id = ${opportunityId}`
  );
}

export function handoffByKeyQuery(key: string): string {
  return (
    `SELECT ${HANDOFF_FIELDS}, ${HANDOFF_CHILDREN} FROM ${HANDOFF_OBJECT} ` +
    `WHERE ${F.handoffKey} = ${soqlLiteral(key)}`
  );
}

/** Won stages by their API name, which is what `Opportunity.StageName` holds. */
export const WON_STAGES_QUERY =
  'SELECT ApiName, IsWon FROM OpportunityStage WHERE IsActive = true AND IsWon = true';

export const ACTIVE_USERS_QUERY =
  "SELECT Id, Name, Email FROM User WHERE IsActive = true AND UserType = 'Standard'";

/** `Description` is a long text area, which SOQL cannot filter on: the key is matched here. */
export function dealTasksQuery(opportunityId: string): string {
  return soql`SELECT Id, Description FROM Task WHERE WhatId = ${opportunityId}`;
}

/** The org's id: Baton's account id for a Salesforce org, as the portal id is on HubSpot. */
export const ORGANIZATION_QUERY = 'SELECT Id FROM Organization';

/**
 * The listener's reconciliation poll: won Opportunities (any stage the org marks won) changed
 * since `since` that have no Baton handoff, oldest change first. An anti-join, so the org does
 * the filtering and a deal that got its handoff drops out of every later poll.
 */
export function wonWithoutHandoffQuery(since: Date): string {
  return (
    soql`SELECT Id, LastModifiedDate FROM Opportunity WHERE IsWon = true AND LastModifiedDate >= ${since} ` +
    `AND Id NOT IN (SELECT ${F.opportunity} FROM ${HANDOFF_OBJECT}) ORDER BY LastModifiedDate, Id`
  );
}
