// Builds what the closed-won automation would write for a deal, from the core: the prefilled
// document, its summary and a task plan of any length (the template's five, or more).
import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type PlannedTask,
  buildTaskPlan,
  calendarOf,
} from '../../src/core';
import type { DealContext, HandoffWrite } from '../../src/crm/crm-adapter';
import { buildHandoffWrite } from '../../src/functions/handoff-write';

export const NOW = Date.parse('2026-11-23T12:00:00Z');

/** The template's plan, then numbered follow-ups until there are `count` tasks. */
export function tasksFor(
  doc: HandoffDocument,
  count: number,
  assignees: { receiver?: string } = {},
): PlannedTask[] {
  const template = DEFAULT_POLICY.templates[doc.handoffType];
  const plan = buildTaskPlan(doc, template, calendarOf(DEFAULT_POLICY), { now: NOW, assignees });
  const tasks = [...plan];
  for (let i = plan.length; i < count; i++) {
    const base = plan[i % plan.length]!;
    tasks.push({
      ...base,
      key: `${base.key}:${i}`,
      taskKey: `${base.taskKey}_${i}`,
      subject: `${base.subject} (${i})`,
    });
  }
  return tasks.slice(0, count);
}

export function writeFor(
  context: DealContext,
  options: { document?: HandoffDocument; tasks?: number; baseVersion?: number | null } = {},
): HandoffWrite {
  const write = buildHandoffWrite(context, {
    policy: DEFAULT_POLICY,
    now: NOW,
    ...(options.document ? { document: options.document } : {}),
  });
  return {
    ...write,
    tasks: tasksFor(write.document, options.tasks ?? 5),
    ...(options.baseVersion === undefined ? {} : { baseVersion: options.baseVersion }),
  };
}
