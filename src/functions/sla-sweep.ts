// The SLA sweep (PROTOCOL section 5): on a schedule, each open handoff's clocks are read at
// `now`; an at-risk or breached clock becomes an escalation task for the manager of the side
// that must act (an alert on the card comes from the same analysis when the card loads), and
// the AE gets a reminder 24 h before the handoff meeting is due. Each alert has a stable key, so
// a sweep run twice, or by two backend copies, creates each task once.
import {
  type Assignee,
  CLOCK_DEFINITIONS,
  type PlannedTask,
  type Policy,
  type SlaAlert,
  analyzeHandoff,
} from '../core';
import type { CrmAdapter, DealContext } from '../crm/crm-adapter';
import { type KeyedLocks } from './keyed-locks';
import { type TeamDirectory, assignHandoff } from './team-directory';

export interface SlaWork {
  alert: SlaAlert;
  task: PlannedTask;
}

const HOUR = 3_600_000;
const ESCALATION_DUE_HOURS = 4;

/** Escalations go to the manager of the side that must act. */
const MANAGER_OF: Record<Assignee, Assignee> = {
  sender: 'sender_manager',
  receiver: 'receiver_manager',
  sender_manager: 'sender_manager',
  receiver_manager: 'receiver_manager',
};

function personFor(
  assignee: Assignee,
  context: DealContext,
  directory: TeamDirectory,
): string | null {
  const assignment = assignHandoff(context.deal, context.owner, directory);
  const fallback = directory.csOps[0] ?? directory.csManagers[0] ?? null;
  switch (assignee) {
    case 'sender':
      return context.deal.ownerId;
    case 'receiver':
      return context.deal.csmOwnerId ?? assignment.receiverId;
    // Sales leadership, or CS ops as the named arbiter when no sales manager is on file.
    case 'sender_manager':
      return assignment.senderManagerId ?? fallback;
    case 'receiver_manager':
      return assignment.receiverManagerId;
  }
}

/** What the sweep should create for one deal's handoff at `now`: a task per alert. */
export function planSlaWork(
  context: DealContext,
  policy: Policy,
  directory: TeamDirectory,
  now: number,
): SlaWork[] {
  if (context.handoff === null) return [];
  const doc = context.handoff.document;
  const analysis = analyzeHandoff(doc, policy, now);
  if (analysis.state === 'completed') return [];
  const dealName = doc.deal.name?.trim() || `deal ${doc.deal.id}`;
  return analysis.alerts.map((alert) => {
    const assignee = alert.kind === 'reminder' ? alert.notify : MANAGER_OF[alert.notify];
    const what = CLOCK_DEFINITIONS[alert.clock].label;
    const subject =
      alert.kind === 'reminder'
        ? `Reminder: hold the handoff meeting for ${dealName}`
        : `${alert.kind === 'breached' ? 'SLA breached' : 'SLA at risk'}: ${what} for ${dealName}`;
    return {
      alert,
      task: {
        key: `${doc.deal.id}:${doc.handoffType}:sla:${alert.key}`,
        taskKey: `sla_${alert.kind}`,
        subject,
        body: `${alert.message}. Open the deal's Baton card to see the handoff and act on it.`,
        assignee,
        ownerId: personFor(assignee, context, directory),
        dueAt: new Date(now + ESCALATION_DUE_HOURS * HOUR).toISOString(),
      },
    };
  });
}

export interface SweepDeps {
  crm: CrmAdapter;
  policy: Policy;
  directory: TeamDirectory;
  locks: KeyedLocks;
  now: () => number;
}

/** Sweeps the given deals (from the handoff index) and returns the tasks it made sure exist. */
export async function sweepSla(
  dealIds: readonly string[],
  deps: SweepDeps,
): Promise<{ deals: number; tasks: number }> {
  let tasks = 0;
  for (const dealId of dealIds) {
    await deps.locks.run(`deal:${dealId}`, async () => {
      const context = await deps.crm.loadDealContext(dealId);
      const work = planSlaWork(context, deps.policy, deps.directory, deps.now());
      if (work.length === 0) return;
      const ids = await deps.crm.addDealTasks(
        dealId,
        work.map((w) => w.task),
      );
      tasks += Object.keys(ids).length;
    });
  }
  return { deals: dealIds.length, tasks };
}
