// The SLA clocks of PROTOCOL.md section 5: what starts each one, what stops it, and whose
// manager hears about it when it breaches. Templates choose which clocks run and their windows.
import type { HandoffDocument } from '../document/handoff-document.schema';
import { toInstant } from '../document/dates';

export const CLOCK_NAMES = [
  'handoff_meeting',
  'intro_email',
  'first_cs_contact',
  'cs_prep',
  'kickoff_scheduled',
  'kickoff_held',
  'revision_fix',
  'acceptance',
] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export const CLOCK_ANCHORS = ['closedWonAt', 'submittedAt', 'returnedAt'] as const;
export type ClockAnchor = (typeof CLOCK_ANCHORS)[number];

/** The side of the handoff that must act: the sender (AE) or the receiver (CS). */
export type Side = 'sender' | 'receiver';

export interface ClockDefinition {
  name: ClockName;
  label: string;
  defaultAnchor: ClockAnchor;
  responsible: Side;
  doneAt: (doc: HandoffDocument) => number | null;
}

export function anchorInstant(doc: HandoffDocument, anchor: ClockAnchor): number | null {
  switch (anchor) {
    case 'closedWonAt':
      return toInstant(doc.deal.closedWonAt);
    case 'submittedAt':
      return toInstant(doc.timeline?.submittedAt);
    case 'returnedAt':
      return toInstant(doc.review?.returnedAt);
  }
}

export const CLOCK_DEFINITIONS: Record<ClockName, ClockDefinition> = {
  handoff_meeting: {
    name: 'handoff_meeting',
    label: 'Internal handoff meeting',
    defaultAnchor: 'closedWonAt',
    responsible: 'sender',
    doneAt: (d) => toInstant(d.meeting?.heldAt),
  },
  intro_email: {
    name: 'intro_email',
    label: 'Customer introduction email',
    defaultAnchor: 'closedWonAt',
    responsible: 'sender',
    doneAt: (d) => toInstant(d.timeline?.introSentAt),
  },
  first_cs_contact: {
    name: 'first_cs_contact',
    label: 'First CS contact with the customer',
    defaultAnchor: 'closedWonAt',
    responsible: 'receiver',
    doneAt: (d) => toInstant(d.timeline?.firstCsContactAt),
  },
  cs_prep: {
    name: 'cs_prep',
    label: 'CS internal prep (success plan ready)',
    defaultAnchor: 'closedWonAt',
    responsible: 'receiver',
    doneAt: (d) => toInstant(d.timeline?.csPrepDoneAt),
  },
  kickoff_scheduled: {
    name: 'kickoff_scheduled',
    label: 'Kickoff scheduled',
    defaultAnchor: 'closedWonAt',
    responsible: 'receiver',
    doneAt: (d) => toInstant(d.timeline?.kickoffScheduledAt),
  },
  kickoff_held: {
    name: 'kickoff_held',
    label: 'Kickoff held',
    defaultAnchor: 'closedWonAt',
    responsible: 'receiver',
    doneAt: (d) => toInstant(d.timeline?.kickoffHeldAt),
  },
  revision_fix: {
    name: 'revision_fix',
    label: 'Fix and resubmit after a return',
    defaultAnchor: 'returnedAt',
    responsible: 'sender',
    // Resubmission stamps submittedAt again, so a submission after the return is the fix.
    doneAt: (d) => {
      const submitted = toInstant(d.timeline?.submittedAt);
      const returned = toInstant(d.review?.returnedAt);
      return submitted !== null && returned !== null && submitted > returned ? submitted : null;
    },
  },
  acceptance: {
    name: 'acceptance',
    label: 'Receiver accepts the handoff',
    defaultAnchor: 'submittedAt',
    responsible: 'receiver',
    doneAt: (d) => toInstant(d.timeline?.acceptedAt),
  },
};
