// The template's tasks for a handoff (PROTOCOL.md section 7): subject, body, owner by role and
// due date. Each task has a stable key so that creating the plan twice creates nothing new.
import type { HandoffDocument } from '../document/handoff-document.schema';
import { toInstant, toIso } from '../document/dates';
import type { Assignee, HandoffTemplate } from '../policy/policy.schema';
import { scoreCompleteness } from '../scoring/completeness';
import { type WorkingCalendar, addWindow } from '../time/working-calendar';

/** The people behind the roles of a handoff, as CRM owner ids. Unknown ones stay unassigned. */
export type Assignees = Partial<Record<Assignee, string | null>>;

/** Display names for the placeholders in subjects and bodies. */
export interface PlanNames {
  receiver?: string | null;
}

export interface PlannedTask {
  /** `{dealId}:{handoffType}:{taskKey}`: the idempotency key of the CRM task. */
  key: string;
  taskKey: string;
  subject: string;
  body: string;
  assignee: Assignee;
  ownerId: string | null;
  dueAt: string;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

export function buildTaskPlan(
  doc: HandoffDocument,
  template: HandoffTemplate,
  calendar: WorkingCalendar,
  options: { now: number; assignees?: Assignees; names?: PlanNames },
): PlannedTask[] {
  // Tasks run from the close; a pre-close handoff (no close yet) runs from its creation.
  const start = toInstant(doc.deal.closedWonAt) ?? options.now;
  const missing = scoreCompleteness(doc, template).missing;
  const values = {
    deal: doc.deal.name?.trim() || `deal ${doc.deal.id}`,
    receiver: options.names?.receiver?.trim() || `the ${template.receiverLabel} owner`,
    missing:
      missing.length === 0
        ? 'nothing is missing.'
        : missing.map((item) => item.label).join(', ') + '.',
  };
  const assignees: Assignees = { sender: doc.deal.ownerId ?? null, ...options.assignees };
  return template.tasks.map((task) => ({
    key: `${doc.deal.id}:${doc.handoffType}:${task.key}`,
    taskKey: task.key,
    subject: fill(task.subject, values),
    body: fill(task.body, values),
    assignee: task.assignee,
    ownerId: assignees[task.assignee] ?? null,
    dueAt: toIso(addWindow(start, task.dueAfterHours, calendar)),
  }));
}
