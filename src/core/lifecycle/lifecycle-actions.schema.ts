// The actions people take on a handoff, validated at the door like everything else.
import { z } from 'zod';
import { isIsoDateTime } from '../document/dates';
import { meetingSchema } from '../document/handoff-document.schema';

export const MILESTONES = [
  'intro_sent',
  'first_cs_contact',
  'cs_prep_done',
  'kickoff_scheduled',
  'kickoff_held',
] as const;
export type MilestoneName = (typeof MILESTONES)[number];

const instant = z.string().refine(isIsoDateTime, { error: 'expected an ISO date-time' });

const gap = z
  .string()
  .trim()
  .min(1, { error: 'a gap cannot be blank' })
  .max(500, { error: 'keep a gap under 500 characters' });

export const lifecycleActionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('approve') }),
    z.strictObject({ type: z.literal('submit') }),
    z.strictObject({ type: z.literal('accept') }),
    z.strictObject({
      type: z.literal('return'),
      decision: z.enum(['needs_revision', 'rejected'], {
        error: 'expected needs_revision or rejected',
      }),
      gaps: z.array(gap, { error: 'name the gaps' }).min(1, { error: 'name at least one gap' }),
    }),
    z.strictObject({
      type: z.literal('arbitrate'),
      outcome: z.literal('accepted', { error: 'expected accepted' }),
      note: z.string().max(2000).optional(),
    }),
    z.strictObject({
      type: z.literal('record_meeting'),
      meeting: meetingSchema.extend({ heldAt: instant }),
    }),
    z.strictObject({
      type: z.literal('mark'),
      milestone: z.enum(MILESTONES, { error: `expected one of ${MILESTONES.join(', ')}` }),
      at: instant.optional(),
    }),
    z.strictObject({ type: z.literal('complete') }),
  ],
  {
    error:
      'expected an action type: approve, submit, accept, return, arbitrate, record_meeting, mark, complete',
  },
);

export type LifecycleAction = z.infer<typeof lifecycleActionSchema>;
export type LifecycleActionType = LifecycleAction['type'];
