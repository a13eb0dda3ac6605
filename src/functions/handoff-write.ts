// What a handoff write carries for a deal: the document (new and prefilled, or as edited), the
// summary the CRM reports on, and the template's task plan with owners by role.
import {
  type HandoffDocument,
  type HandoffTemplate,
  type PlannedTask,
  type Policy,
  buildTaskPlan,
  calendarOf,
  handoffRulesOf,
  stateOf,
} from '../core';
import type { DealContext, HandoffWrite } from '../crm/crm-adapter';
import { prefillHandoff } from '../crm/handoff-prefill';
import { summarizeHandoff } from '../crm/handoff-summary';

export interface HandoffWriteOptions {
  policy: Policy;
  now: number;
  /** The document to write; a new prefilled one when absent. */
  document?: HandoffDocument;
  /** When the deal became closed-won, for a new document. */
  closedWonAt?: string | null;
  /** The CSM receiving the handoff, when known beyond the deal's own field. */
  receiverOwnerId?: string | null;
  receiverManagerId?: string | null;
  senderManagerId?: string | null;
  receiverName?: string | null;
}

export function buildHandoffWrite(
  context: DealContext,
  options: HandoffWriteOptions,
): HandoffWrite {
  const document =
    options.document ??
    context.handoff?.document ??
    prefillHandoff(
      context,
      options.closedWonAt === undefined ? {} : { closedWonAt: options.closedWonAt },
    );
  const template = options.policy.templates[document.handoffType];
  const receiver = options.receiverOwnerId ?? context.deal.csmOwnerId;
  return {
    dealId: context.deal.id,
    document,
    summary: summarizeHandoff(document, options.policy, options.now),
    tasks: startedTasks(
      document,
      template,
      buildTaskPlan(document, template, calendarOf(options.policy), {
        now: options.now,
        assignees: {
          receiver,
          receiver_manager: options.receiverManagerId ?? null,
          sender_manager: options.senderManagerId ?? null,
        },
        names: { receiver: options.receiverName ?? null },
      }),
    ),
    companyId: context.company?.id ?? null,
    contactIds: context.contacts.map((contact) => contact.id),
    senderOwnerId: context.deal.ownerId,
    receiverOwnerId: receiver,
    baseVersion: context.handoff?.version ?? null,
    rules: handoffRulesOf(options.policy, document.handoffType),
  };
}

/**
 * A pre-close handoff has not started until the CS manager approves it: until then its plan is
 * only the approver's task (the approver is the receiving side's manager); approval brings the rest.
 */
function startedTasks(
  document: HandoffDocument,
  template: HandoffTemplate,
  plan: PlannedTask[],
): PlannedTask[] {
  if (stateOf(document, template) !== 'pending_approval') return plan;
  return plan.filter((task) => task.assignee === 'receiver_manager');
}
