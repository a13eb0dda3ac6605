// The SOQL the test server answers: the exact queries the adapter sends, recognised by their
// text once string literals are taken out, with the bound values unescaped and checked (an
// invalid id is refused as Salesforce refuses it). Anything else is a MALFORMED_QUERY.
import { isSalesforceId } from '../soql';
import type { TestRecord } from './seed';
import { OPPORTUNITY_STAGES } from './seed';
import type { TestRecords } from './records';

export class SoqlError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const UNESCAPE: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', b: '\b' };

/** Takes the quoted literals out of a query: `WHERE Name = ?` and the values, unescaped. */
export function bindValues(soql: string): { shape: string; values: string[] } {
  const values: string[] = [];
  const shape = soql.replace(/'((?:[^'\\]|\\.)*)'/g, (_match, body: string) => {
    values.push(body.replace(/\\(.)/g, (_e, c: string) => UNESCAPE[c] ?? c));
    return '?';
  });
  if (shape.includes("'") || /\\/.test(shape))
    throw new SoqlError(
      'MALFORMED_QUERY',
      'unexpected token: a quote or backslash outside a string',
    );
  return { shape: shape.replace(/\s+/g, ' ').trim(), values };
}

const attributes = (type: string, id: string) => ({
  type,
  url: `/services/data/v66.0/sobjects/${type}/${id}`,
});

const result = (records: Record<string, unknown>[]) => ({
  totalSize: records.length,
  done: true,
  records,
});

/** Salesforce sends null, not an empty result, for a child relationship with no rows. */
const childResult = (records: Record<string, unknown>[]) =>
  records.length === 0 ? null : result(records);

function recordOf(type: string, record: TestRecord, extra: Record<string, unknown> = {}) {
  return { attributes: attributes(type, record.Id), ...record, ...extra };
}

function id(value: string | undefined): string {
  if (value === undefined || !isSalesforceId(value))
    throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value}`);
  return value;
}

function handoffWithChildren(store: TestRecords, handoff: TestRecord) {
  const of = (type: string) =>
    store
      .list(type)
      .filter((child) => child.Handoff__c === handoff.Id)
      .map((child) => recordOf(type, child));
  return recordOf('Baton_Handoff__c', handoff, {
    Baton_Commitments__r: childResult(of('Baton_Commitment__c')),
    Baton_Stakeholders__r: childResult(of('Baton_Stakeholder__c')),
  });
}

/** `match` is the pattern's match on the query's shape: unquoted literals (dateTimes) are there. */
type Handler = (
  store: TestRecords,
  values: string[],
  match: RegExpExecArray,
) => Record<string, unknown>[];

/** Salesforce's organization id in the test org (also in the token endpoint's identity URL). */
export const TEST_ORG_ID = '00D000000000001AAA';

const isWonStage = (stage: unknown) =>
  OPPORTUNITY_STAGES.some((s) => s.ApiName === stage && s.IsWon);

/** `Opportunity.IsClosed` is Salesforce's to derive from the stage; so it is here. */
const isClosedStage = (stage: unknown) =>
  OPPORTUNITY_STAGES.some((s) => s.ApiName === stage && s.IsClosed);

const HANDLERS: [RegExp, Handler][] = [
  [
    /^SELECT Id, Name, Amount, .*\(SELECT ContactId, Role, .* FROM OpportunityContactRoles\), \(SELECT .* FROM Baton_Handoffs__r\) FROM Opportunity WHERE Id = \?$/,
    (store, [value]) => {
      const opportunity = store.get('Opportunity', id(value));
      if (!opportunity) return [];
      const account = store.get('Account', String(opportunity.AccountId));
      const owner = store.get('User', String(opportunity.OwnerId));
      const roles = store
        .list('OpportunityContactRole')
        .filter((role) => role.OpportunityId === opportunity.Id)
        .map((role) => {
          const contact = store.get('Contact', String(role.ContactId));
          return recordOf('OpportunityContactRole', role, {
            Contact: contact ? recordOf('Contact', contact) : null,
          });
        });
      const handoffs = store
        .list('Baton_Handoff__c')
        .filter((handoff) => handoff.Opportunity__c === opportunity.Id)
        .map((handoff) => handoffWithChildren(store, handoff));
      return [
        recordOf('Opportunity', opportunity, {
          IsClosed: isClosedStage(opportunity.StageName),
          Account: account ? recordOf('Account', account) : null,
          Owner: owner ? recordOf('User', owner) : null,
          OpportunityContactRoles: childResult(roles),
          Baton_Handoffs__r: childResult(handoffs),
        }),
      ];
    },
  ],
  [
    /^SELECT Id, Handoff_Key__c, .* FROM Baton_Handoff__c WHERE Handoff_Key__c = \?$/,
    (store, [key]) =>
      store
        .list('Baton_Handoff__c')
        .filter((handoff) => handoff.Handoff_Key__c === key)
        .map((handoff) => handoffWithChildren(store, handoff)),
  ],
  [
    /^SELECT ApiName, IsWon FROM OpportunityStage WHERE IsActive = true AND IsWon = true$/,
    () =>
      OPPORTUNITY_STAGES.filter((s) => s.IsActive && s.IsWon).map((s) => ({
        attributes: { type: 'OpportunityStage' },
        ...s,
      })),
  ],
  [
    /^SELECT Id, Name, Email FROM User WHERE IsActive = true AND UserType = \?$/,
    (store, [type]) =>
      store
        .list('User')
        .filter((user) => user.IsActive === true && user.UserType === type)
        .map((user) => recordOf('User', user)),
  ],
  [
    /^SELECT Id, Description FROM Task WHERE WhatId = \?$/,
    (store, [value]) => {
      const whatId = id(value);
      return store
        .list('Task')
        .filter((task) => task.WhatId === whatId)
        .map((task) => recordOf('Task', task));
    },
  ],
  [
    /^SELECT Id FROM Organization$/,
    () => [{ attributes: { type: 'Organization' }, Id: TEST_ORG_ID }],
  ],
  [
    // The listener's reconciliation poll. LastModifiedDate is kept by streaming.ts.
    /^SELECT Id, LastModifiedDate FROM Opportunity WHERE IsWon = true AND LastModifiedDate >= (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) AND Id NOT IN \(SELECT Opportunity__c FROM Baton_Handoff__c\) ORDER BY LastModifiedDate, Id$/,
    (store, _values, [, since]) => {
      const handedOff = new Set(store.list('Baton_Handoff__c').map((h) => h.Opportunity__c));
      const changed = (o: TestRecord) =>
        typeof o.LastModifiedDate === 'string' &&
        Date.parse(o.LastModifiedDate) >= Date.parse(since!);
      return store
        .list('Opportunity')
        .filter((o) => isWonStage(o.StageName) && changed(o) && !handedOff.has(o.Id))
        .sort(
          (a, b) =>
            Date.parse(String(a.LastModifiedDate)) - Date.parse(String(b.LastModifiedDate)) ||
            a.Id.localeCompare(b.Id),
        )
        .map((o) => ({
          attributes: attributes('Opportunity', o.Id),
          Id: o.Id,
          LastModifiedDate: o.LastModifiedDate,
        }));
    },
  ],
  [
    /^SELECT Id, Name FROM Contact WHERE LastName = \?$/,
    (store, [name]) =>
      store
        .list('Contact')
        .filter((contact) => contact.LastName === name)
        .map((contact) => recordOf('Contact', contact)),
  ],
];

export function runQuery(store: TestRecords, soql: string) {
  const { shape, values } = bindValues(soql);
  for (const [pattern, handler] of HANDLERS) {
    const match = pattern.exec(shape);
    if (match) return result(handler(store, values, match));
  }
  throw new SoqlError('MALFORMED_QUERY', `the test server does not answer this query: ${shape}`);
}
