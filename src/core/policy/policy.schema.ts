// The policy: one template per handoff type (PROTOCOL.md section 1) plus the working calendar.
// CS ops change it without code; a policy file is validated here before anything uses it.
import { z } from 'zod';
import { isIsoDate } from '../document/dates';
import { HANDOFF_TYPES, MEETING_PARTICIPANTS } from '../document/vocabulary';
import { HANDOFF_ITEMS } from '../items/handoff-items';
import { CLOCK_ANCHORS, CLOCK_NAMES } from '../sla/clock-definitions';

export const ACTOR_ROLES = [
  'ae',
  'sdr',
  'sales_manager',
  'csm',
  'cs_manager',
  'cs_ops',
  'admin',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who a task or an escalation goes to, resolved to people when the plan is built. */
export const ASSIGNEES = ['sender', 'receiver', 'sender_manager', 'receiver_manager'] as const;
export type Assignee = (typeof ASSIGNEES)[number];

const actorRole = z.enum(ACTOR_ROLES, { error: `expected one of ${ACTOR_ROLES.join(', ')}` });

const participants = z.array(
  z.enum(MEETING_PARTICIPANTS, { error: `expected one of ${MEETING_PARTICIPANTS.join(', ')}` }),
  { error: 'expected a list of participants' },
);

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min, { error: `expected ${min} to ${max}` })
    .max(max, { error: `expected ${min} to ${max}` });

const roles = z
  .array(z.enum(ACTOR_ROLES, { error: `expected one of ${ACTOR_ROLES.join(', ')}` }))
  .min(1, { error: 'name at least one role' });

const itemPath = z.string().refine((path) => HANDOFF_ITEMS.has(path), {
  error: (issue) => `unknown item ${JSON.stringify(issue.input)}`,
});

const hours = z
  .number({ error: 'expected a number of hours' })
  .positive({ error: 'expected a positive number of hours' })
  .max(24 * 366, { error: 'expected at most a year' });

export const clockWindowSchema = z.strictObject({
  hours,
  from: z.enum(CLOCK_ANCHORS, { error: `expected one of ${CLOCK_ANCHORS.join(', ')}` }).optional(),
});

export const taskTemplateSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'expected a snake_case key' }),
  subject: z.string().trim().min(1, { error: 'required' }).max(200),
  body: z.string().max(4000),
  assignee: z.enum(ASSIGNEES, { error: `expected one of ${ASSIGNEES.join(', ')}` }),
  dueAfterHours: hours,
});

export const templateSchema = z
  .strictObject({
    label: z.string().trim().min(1, { error: 'required' }),
    senderLabel: z.string().trim().min(1),
    receiverLabel: z.string().trim().min(1),
    requiredItems: z.array(itemPath).refine((paths) => new Set(paths).size === paths.length, {
      error: 'lists an item twice',
    }),
    minimumCompleteness: wholeNumber(0, 100),
    requiredParticipants: participants,
    strategicParticipants: participants,
    sla: z.partialRecord(z.enum(CLOCK_NAMES), clockWindowSchema),
    tasks: z
      .array(taskTemplateSchema)
      .refine((tasks) => new Set(tasks.map((t) => t.key)).size === tasks.length, {
        error: 'two tasks share a key',
      }),
    senderRoles: roles,
    receiverRoles: roles,
    /** Roles that must approve before the handoff starts (pre_close: the CS manager). */
    approverRoles: z.array(actorRole, { error: 'expected a list of roles' }),
    /** The named arbiter of disputes (rep_to_rep). */
    arbiterRoles: z.array(actorRole, { error: 'expected a list of roles' }),
    /** Returns after which the handoff escalates to sales leadership. */
    escalateAfterReturns: wholeNumber(1, 10),
  })
  .check((ctx) => {
    for (const [index, task] of ctx.value.tasks.entries()) {
      if (task.assignee.startsWith('receiver') && ctx.value.receiverRoles.length === 0) {
        ctx.issues.push({
          code: 'custom',
          input: task,
          path: ['tasks', index],
          message: 'no receiver roles',
        });
      }
    }
  });

export const policySchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected 1' }),
    timeBasis: z.enum(['calendar_hours', 'business_days'], {
      error: 'expected calendar_hours or business_days',
    }),
    /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
    workingDays: z
      .array(z.number().int().min(1).max(7, { error: 'expected 1 (Monday) to 7 (Sunday)' }))
      .min(1, { error: 'name at least one working day' }),
    holidays: z.array(z.string().refine(isIsoDate, { error: 'expected a date (YYYY-MM-DD)' })),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { error: 'expected an IANA time zone such as Europe/Berlin' }),
    atRiskRatio: z
      .number({ error: 'expected a fraction between 0 and 1' })
      .gt(0, { error: 'expected a fraction between 0 and 1' })
      .lt(1, { error: 'expected a fraction between 0 and 1' }),
    meetingReminderHours: z
      .number({ error: 'expected a number of hours' })
      .nonnegative({ error: 'expected 0 or more hours' }),
    templates: z.strictObject(
      Object.fromEntries(HANDOFF_TYPES.map((type) => [type, templateSchema])) as Record<
        (typeof HANDOFF_TYPES)[number],
        typeof templateSchema
      >,
    ),
  })
  .check((ctx) => {
    if (ctx.value.timeBasis !== 'business_days') return;
    // Business-day templates count whole working days: 48 h is two working days.
    for (const [type, template] of Object.entries(ctx.value.templates)) {
      for (const [clock, window] of Object.entries(template.sla)) {
        if (window !== undefined && window.hours % 24 !== 0) {
          ctx.issues.push({
            code: 'custom',
            input: window.hours,
            path: ['templates', type, 'sla', clock, 'hours'],
            message: 'with business_days, windows must be whole days (multiples of 24 hours)',
          });
        }
      }
      for (const [index, task] of template.tasks.entries()) {
        if (task.dueAfterHours % 24 !== 0) {
          ctx.issues.push({
            code: 'custom',
            input: task.dueAfterHours,
            path: ['templates', type, 'tasks', index, 'dueAfterHours'],
            message: 'with business_days, due times must be whole days (multiples of 24 hours)',
          });
        }
      }
    }
  });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Policy = z.infer<typeof policySchema>;
export type HandoffTemplate = z.infer<typeof templateSchema>;
export type TaskTemplate = z.infer<typeof taskTemplateSchema>;
export type ClockWindow = z.infer<typeof clockWindowSchema>;
