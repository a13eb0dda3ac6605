// The job kinds the queue tests use: two kinds with different payloads.
import { z } from 'zod';
import { createJobQueue, type Queryable } from '../../../src/server/db';

export const KINDS = {
  'handoff.create': z.object({ portalId: z.string(), dealId: z.string() }),
  'task.create': z.object({ title: z.string().min(1) }),
};

export const queueOn = (db: Queryable) => createJobQueue(db, KINDS);

export const LEASE_MS = 30_000;

export const deal = (dealId: string) => ({ portalId: '4242', dealId });
