// The checks across the policy's fields that its schema cannot make, in the words a CS ops person
// would use: a template that requires nothing, an at-risk warning too late to act on, a task due
// after the clock it serves has breached, a reminder after its deadline, a holiday listed twice,
// two handoff types under one name. Pure; settings-rules.ts runs them on a sound policy.
import { type FieldError, formatPath } from '../core/document/field-errors';
import { HANDOFF_TYPES } from '../core/document/vocabulary';
import type { Policy } from '../core/policy/policy.schema';
import { CLOCK_DEFINITIONS, type ClockName } from '../core/sla/clock-definitions';

/** The least warning an at-risk alert should give before its clock breaches. */
const MIN_AT_RISK_LEAD_HOURS = 1;

/**
 * The protocol's tasks that do what a clock waits for (PROTOCOL.md section 7), besides a task
 * keyed by the clock's own name (`handoff_meeting`, `intro_email`, `cs_prep`).
 */
const TASK_CLOCKS: Readonly<Record<string, ClockName>> = {
  schedule_kickoff: 'kickoff_scheduled',
  hold_kickoff: 'kickoff_held',
};

export function hoursText(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} minutes`;
  return `${Math.round(hours * 10) / 10} h`;
}

function clockOfTask(key: string): ClockName | undefined {
  return key in CLOCK_DEFINITIONS ? (key as ClockName) : TASK_CLOCKS[key];
}

export function policyErrors(policy: Policy): FieldError[] {
  return [
    ...HANDOFF_TYPES.flatMap((type) => templateErrors(policy, type)),
    ...labelErrors(policy),
    ...reminderErrors(policy),
    ...holidayErrors(policy),
  ];
}

function templateErrors(policy: Policy, type: (typeof HANDOFF_TYPES)[number]): FieldError[] {
  const errors: FieldError[] = [];
  const template = policy.templates[type];
  const at = (...path: (string | number)[]) => formatPath(['templates', type, ...path]);
  const percent = Math.round(policy.atRiskRatio * 100);
  if (template.requiredItems.length === 0) {
    errors.push({
      path: at('requiredItems'),
      message: 'require at least one item: with none, every handoff counts as complete',
    });
  }
  if (template.requiredParticipants.length === 0) {
    errors.push({
      path: at('requiredParticipants'),
      message: 'name at least one participant: with none, any meeting counts as fully attended',
    });
  }
  for (const [clock, window] of Object.entries(template.sla)) {
    if (window === undefined) continue;
    const lead = window.hours * (1 - policy.atRiskRatio);
    if (lead < MIN_AT_RISK_LEAD_HOURS) {
      errors.push({
        path: at('sla', clock, 'hours'),
        message:
          `at risk at ${percent} % of ${hoursText(window.hours)} warns only ${hoursText(lead)} before the clock breaches: ` +
          'allow at least an hour (a longer window, or an earlier at-risk point)',
      });
    }
  }
  const { kickoff_scheduled: scheduled, kickoff_held: held } = template.sla;
  if (scheduled && held && scheduled.from === held.from && held.hours < scheduled.hours) {
    errors.push({
      path: at('sla', 'kickoff_held', 'hours'),
      message: `the kickoff cannot be due before it is due to be scheduled (${hoursText(scheduled.hours)})`,
    });
  }
  // Tasks fall due counted from the close, so only a clock that starts there compares.
  template.tasks.forEach((task, index) => {
    const clock = clockOfTask(task.key);
    const window = clock === undefined ? undefined : template.sla[clock];
    if (clock === undefined || window === undefined) return;
    const anchor = window.from ?? CLOCK_DEFINITIONS[clock].defaultAnchor;
    if (anchor === 'closedWonAt' && task.dueAfterHours > window.hours) {
      errors.push({
        path: at('tasks', index, 'dueAfterHours'),
        message: `due after its clock breaches (${CLOCK_DEFINITIONS[clock].label}, ${hoursText(window.hours)} from the close): make it due by then`,
      });
    }
  });
  if (type === 'pre_close' && template.approverRoles.length === 0) {
    errors.push({
      path: at('approverRoles'),
      message: 'a pre-close handoff needs an approver: the protocol asks for CS manager approval',
    });
  }
  if (type === 'rep_to_rep' && template.arbiterRoles.length === 0) {
    errors.push({
      path: at('arbiterRoles'),
      message: 'a rep-to-rep handoff needs an arbiter: the protocol names who decides disputes',
    });
  }
  return errors;
}

/** Each type's tab and the card show its label: two alike cannot be told apart. */
function labelErrors(policy: Policy): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const type of HANDOFF_TYPES) {
    const label = policy.templates[type].label;
    if (!seen.has(label.toLowerCase())) seen.add(label.toLowerCase());
    else
      errors.push({
        path: `templates.${type}.label`,
        message: 'another handoff type has this name: give each its own',
      });
  }
  return errors;
}

/** The reminder goes out this long before the meeting is due: the shortest window decides. */
function reminderErrors(policy: Policy): FieldError[] {
  const [shortest] = HANDOFF_TYPES.map((type) => policy.templates[type])
    .filter((template) => template.sla.handoff_meeting !== undefined)
    .sort((a, b) => a.sla.handoff_meeting!.hours - b.sla.handoff_meeting!.hours);
  const meeting = shortest?.sla.handoff_meeting;
  if (!shortest || !meeting || policy.meetingReminderHours < meeting.hours) return [];
  return [
    {
      path: 'meetingReminderHours',
      message: `the reminder must come before the handoff meeting is due: ${shortest.label} allows ${hoursText(meeting.hours)}`,
    },
  ];
}

/** A holiday on a weekend is harmless (it is no working day anyway); one listed twice is a slip. */
function holidayErrors(policy: Policy): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  policy.holidays.forEach((date, index) => {
    if (seen.has(date)) errors.push({ path: `holidays[${index}]`, message: 'listed twice' });
    seen.add(date);
  });
  return errors;
}
