// Who may do what (PROTOCOL.md section 6): senders submit their own deals' handoffs, only the
// receiving side accepts or returns, only an approver approves pre_close, the arbiter settles
// disputes. Managers act for their teams; individual contributors only for their own deals.
import type { HandoffDocument } from '../document/handoff-document.schema';
import type { ActorRole, HandoffTemplate } from '../policy/policy.schema';
import type { Actor } from './lifecycle-events';

const INDIVIDUAL_SENDERS: ReadonlySet<ActorRole> = new Set(['ae', 'sdr']);

export type Permission = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Permission = { allowed: true };

function roleList(roles: readonly ActorRole[]): string {
  return roles.join(' or ');
}

export function maySend(doc: HandoffDocument, template: HandoffTemplate, actor: Actor): Permission {
  if (!template.senderRoles.includes(actor.role)) {
    return {
      allowed: false,
      reason: `only the sending side (${roleList(template.senderRoles)}) can do this`,
    };
  }
  const owner = doc.deal.ownerId;
  if (INDIVIDUAL_SENDERS.has(actor.role) && owner && owner !== actor.id) {
    return { allowed: false, reason: 'only the deal owner or their manager can do this' };
  }
  return ALLOWED;
}

export function mayReceive(
  doc: HandoffDocument,
  template: HandoffTemplate,
  actor: Actor,
): Permission {
  if (!template.receiverRoles.includes(actor.role)) {
    return {
      allowed: false,
      reason: `only the receiving side (${roleList(template.receiverRoles)}) can do this`,
    };
  }
  // In rep_to_rep both sides are reps: nobody accepts the handoff they sent.
  if (doc.deal.ownerId && doc.deal.ownerId === actor.id) {
    return { allowed: false, reason: 'you sent this handoff; the receiving side decides on it' };
  }
  return ALLOWED;
}

export function mayApprove(template: HandoffTemplate, actor: Actor): Permission {
  return template.approverRoles.includes(actor.role)
    ? ALLOWED
    : {
        allowed: false,
        reason: `only ${roleList(template.approverRoles)} can approve a ${template.label} handoff`,
      };
}

export function mayArbitrate(template: HandoffTemplate, actor: Actor): Permission {
  return template.arbiterRoles.includes(actor.role)
    ? ALLOWED
    : {
        allowed: false,
        reason: `only the named arbiter (${roleList(template.arbiterRoles)}) settles disputes`,
      };
}

export function mayTakePart(
  doc: HandoffDocument,
  template: HandoffTemplate,
  actor: Actor,
): Permission {
  const send = maySend(doc, template, actor);
  if (send.allowed) return send;
  return template.receiverRoles.includes(actor.role)
    ? ALLOWED
    : { allowed: false, reason: 'only the people on either side of the handoff can do this' };
}
