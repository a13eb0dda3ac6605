// The baseline the Salesforce adapter is measured against: the same reads and writes done the
// obvious way, one record per call, with the same jsforce against the same test server.
import type { Context } from 'hono';
import type { Connection } from 'jsforce';
import type { HandoffWrite } from '../../src/crm/crm-adapter';
import {
  EMPTY_LINKS,
  commitmentProperties,
  dealWriteBack,
  handoffKeyOf,
  handoffProperties,
  stakeholderProperties,
} from '../../src/crm/handoff-records';
import { toSalesforceFields } from '../../src/crm/salesforce/salesforce-mappers';
import {
  COMMITMENT_OBJECT,
  F,
  HANDOFFS_RELATIONSHIP,
  HANDOFF_OBJECT,
  STAKEHOLDER_OBJECT,
} from '../../src/crm/salesforce/salesforce-queries';
import { taskDescription } from '../../src/crm/salesforce/salesforce-tasks';
import { isSalesforceId } from '../../src/crm/salesforce/soql';
import type { SalesforceTestServer } from '../../src/crm/salesforce/test-server/salesforce-test-server';

type SfRecord = Record<string, unknown>;

/** The child relationships the naive read lists, as the test server stores them. */
const CHILDREN: Record<string, { type: string; parentField: string }> = {
  OpportunityContactRoles: { type: 'OpportunityContactRole', parentField: 'OpportunityId' },
  [HANDOFFS_RELATIONSHIP]: { type: HANDOFF_OBJECT, parentField: F.opportunity },
};

const notFound = (c: Context) =>
  c.json([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }], 404);

/**
 * The test server answers only what the adapter sends (SOQL it knows, sObject collections).
 * The naive client uses Salesforce's single-record endpoints instead, so the bench adds them to
 * that server before it listens: retrieve, a record's child relationship, create and update.
 * They sit behind the server's own auth and request record, and write through its record rules.
 */
export function addSingleRecordRoutes(server: SalesforceTestServer): void {
  const { app, records } = server;
  const base = '/services/data/:version/sobjects/:type';
  const item = (type: string, record: SfRecord & { Id: string }) => ({
    attributes: { type, url: `/services/data/v66.0/sobjects/${type}/${record.Id}` },
    ...record,
  });
  app.get(`${base}/:id`, (c) => {
    const record = records.get(c.req.param('type'), c.req.param('id'));
    return record ? c.json(item(c.req.param('type'), record)) : notFound(c);
  });
  app.get(`${base}/:id/:relationship`, (c) => {
    const child = CHILDREN[c.req.param('relationship')];
    if (!child || !records.get(c.req.param('type'), c.req.param('id'))) return notFound(c);
    const rows = records
      .list(child.type)
      .filter((row) => row[child.parentField] === c.req.param('id'))
      .map((row) => item(child.type, row));
    return c.json({ totalSize: rows.length, done: true, records: rows });
  });
  app.post(base, async (c) => {
    const planned = records.plan(c.req.param('type'), await c.req.json<SfRecord>(), {
      op: 'create',
    });
    if ('error' in planned)
      return c.json([{ message: planned.error.message, errorCode: planned.error.statusCode }], 400);
    const { id, success, errors } = planned.apply();
    return c.json({ id, success, errors }, 201);
  });
  app.patch(`${base}/:id`, async (c) => {
    const planned = records.plan(c.req.param('type'), await c.req.json<SfRecord>(), {
      op: 'update',
      id: c.req.param('id'),
    });
    if ('error' in planned)
      return c.json([{ message: planned.error.message, errorCode: planned.error.statusCode }], 400);
    planned.apply();
    return c.body(null, 204);
  });
}

/**
 * The Opportunity, its account and owner, its contact roles listed and then read one by one,
 * each contact, and its handoffs (the adapter's one query reads all of these).
 */
export async function naiveRead(connection: Connection, opportunityId: string): Promise<void> {
  const opportunity = await connection.retrieve('Opportunity', opportunityId);
  if (typeof opportunity.AccountId === 'string')
    await connection.retrieve('Account', opportunity.AccountId);
  if (typeof opportunity.OwnerId === 'string')
    await connection.retrieve('User', opportunity.OwnerId);
  const related = (relationship: string) =>
    connection.request<{ records: { Id: string }[] }>(
      `/sobjects/Opportunity/${opportunityId}/${relationship}`,
    );
  const contactIds = new Set<string>();
  for (const role of (await related('OpportunityContactRoles')).records) {
    const read = await connection.retrieve('OpportunityContactRole', role.Id);
    if (typeof read.ContactId === 'string') contactIds.add(read.ContactId);
  }
  for (const contactId of contactIds) await connection.retrieve('Contact', contactId);
  await related(HANDOFFS_RELATIONSHIP);
}

/** Every record its own create, then the Opportunity's Baton fields in one update. */
export async function naiveWrite(connection: Connection, write: HandoffWrite): Promise<void> {
  const key = handoffKeyOf(write.document);
  const handoff = await connection.create(HANDOFF_OBJECT, {
    ...toSalesforceFields(handoffProperties(write, 1, EMPTY_LINKS)),
    [F.account]: write.companyId,
    [F.opportunity]: write.dealId,
  });
  for (const [object, rows] of [
    [COMMITMENT_OBJECT, commitmentProperties(key, write.document)],
    [STAKEHOLDER_OBJECT, stakeholderProperties(key, write.document)],
  ] as const) {
    for (const row of rows)
      await connection.create(object, {
        ...toSalesforceFields(row.properties),
        [F.handoff]: handoff.id,
      });
  }
  for (const task of write.tasks)
    await connection.create('Task', {
      Subject: task.subject.slice(0, 255),
      Description: taskDescription(task),
      ActivityDate: task.dueAt.slice(0, 10),
      WhatId: write.dealId,
      Status: 'Not Started',
      Priority: 'High',
      ...(task.ownerId && isSalesforceId(task.ownerId) ? { OwnerId: task.ownerId } : {}),
    });
  await connection.update('Opportunity', {
    Id: write.dealId,
    ...toSalesforceFields(dealWriteBack(write)),
  });
}
