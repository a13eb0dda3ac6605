// The work the backend queues in its database (the outbox), by kind. A job is written in the
// same transaction as its cause (a webhook event recorded, an SLA alert raised), so a crash
// can neither lose the work nor do it without its cause on record; any backend copy may run it.
import { z } from 'zod';
import { ASSIGNEES } from '../../core';
import type { ClaimedJob, Storage } from '../db';

const portalId = z.string().min(1, 'portalId is required');
// HubSpot deal ids are numbers; Salesforce Opportunity ids 15 or 18 letters and digits.
const dealId = z
  .string()
  .regex(
    /^(?:\d+|[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)$/,
    'expected a HubSpot or Salesforce deal id',
  );

/** What reported a deal closed-won: HubSpot's webhook, Salesforce's event or Salesforce's poll. */
export const CLOSED_WON_SOURCES = ['webhook', 'salesforce_event', 'salesforce_poll'] as const;

const plannedTask = z.object({
  key: z.string().min(1),
  taskKey: z.string().min(1),
  subject: z.string().min(1),
  body: z.string(),
  assignee: z.enum(ASSIGNEES),
  ownerId: z.string().nullable(),
  dueAt: z.string().min(1),
});

export const BACKEND_JOBS = {
  /** A deal's stage changed (a webhook event): start its handoff if it is closed-won now. */
  'closed-won': z.object({
    portalId,
    dealId,
    eventId: z.string().min(1),
    stageId: z.string().nullable(),
    occurredAt: z.number().int().nonnegative(),
    source: z.enum(CLOSED_WON_SOURCES).default('webhook'),
  }),
  /** A sweep slot: find the handoffs whose SLA instant has come and check each. */
  'sla-sweep': z.object({ slot: z.string().min(1) }),
  /** Read one handoff's clocks now and raise what is due. */
  'sla-check': z.object({
    portalId,
    dealId,
    handoffKey: z.string().min(1),
  }),
  /** An alert raised once: its escalation or reminder task on the deal. */
  'sla-task': z.object({
    portalId,
    dealId,
    handoffKey: z.string().min(1),
    task: plannedTask,
  }),
  /** A portal that just installed the app: create Baton's objects and properties there. */
  provision: z.object({ portalId }),
};

export type BackendJobKinds = typeof BACKEND_JOBS;
export type BackendJob = ClaimedJob<BackendJobKinds>;
export type BackendStorage = Storage<BackendJobKinds>;
