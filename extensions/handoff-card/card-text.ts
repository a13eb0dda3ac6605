// The words and colours the card uses for the backend's values.
import type { AvailableAction, HandoffView } from './card-types';

type Variant = 'danger' | 'warning' | 'info' | 'success' | 'default';

export const ACTION_LABELS: Record<AvailableAction['action'], string> = {
  approve: 'Approve the pre-close handoff',
  submit: 'Submit the handoff',
  accept: 'Accept the handoff',
  return: 'Send back',
  'return:needs_revision': 'Ask for revision',
  'return:rejected': 'Reject',
  arbitrate: 'Settle as accepted',
  record_meeting: 'Record the handoff meeting',
  mark: 'Record a milestone',
  'mark:intro_sent': 'Intro email sent',
  'mark:first_cs_contact': 'First CS contact made',
  'mark:cs_prep_done': 'CS prep done',
  'mark:kickoff_scheduled': 'Kickoff scheduled',
  'mark:kickoff_held': 'Kickoff held',
  complete: 'Complete the handoff',
};

type ClockStatus = HandoffView['clocks'][number]['status'];

export const CLOCK_STATUS: Record<ClockStatus, { label: string; variant: Variant }> = {
  met: { label: 'Met', variant: 'success' },
  pending: { label: 'Pending', variant: 'default' },
  at_risk: { label: 'At risk', variant: 'warning' },
  breached: { label: 'Breached', variant: 'danger' },
};

export const SLA_STATE: Record<HandoffView['slaState'], { label: string; variant: Variant }> = {
  on_track: { label: 'SLA on track', variant: 'success' },
  at_risk: { label: 'SLA at risk', variant: 'warning' },
  breached: { label: 'SLA breached', variant: 'danger' },
};

export const BAND: Record<HandoffView['quality']['band'], { label: string; variant: Variant }> = {
  excellent: { label: 'Excellent', variant: 'success' },
  good: { label: 'Good', variant: 'success' },
  acceptable: { label: 'Acceptable', variant: 'warning' },
  substandard: { label: 'Substandard: needs remediation', variant: 'danger' },
};

export const QUALITY_PART_LABELS: Record<keyof HandoffView['quality']['parts'], string> = {
  dealSummary: 'Deal summary complete',
  stakeholderMap: 'Stakeholder map detailed',
  commitments: 'Commitments documented',
  riskFactors: 'Risk factors identified',
  participants: 'Required participants present',
  agenda: 'Full agenda covered',
  questions: 'CS questions answered',
  handoffWithinSla: 'Handoff within SLA',
  introWithin48h: 'Customer intro within 48 h',
};

/** The pre-close request and its approval (PROTOCOL section 1, `pre_close`). */
export const PRE_CLOSE_TEXT = {
  request: 'Request pre-close handoff',
  whenToUse:
    'For a strategic or complex deal, 5-7 days before the expected close: CS engages before the contract is signed, once a CS manager approves.',
  awaitingDetail:
    'You asked CS to engage before the close. Fill in the handoff meanwhile: it can be submitted once a CS manager approves it.',
  awaitingOthers:
    'The AE asked CS to engage before the close; a CS manager approves the request first.',
  approveTitle: 'Pre-close handoff requested: your approval',
  approveDetail:
    'The AE asks CS to engage before the contract is signed. Approving starts the handoff; it completes once the deal closes won.',
  pendingContract: 'Pending contract',
  pendingContractDetail: 'Full completion needs the signed contract: the deal closing won.',
} as const;

/** "120,000 USD": an amount as the card shows it, in the deal's currency when it has one. */
export function formatAmount(amount: number | null | undefined, currency?: string | null): string {
  if (amount === null || amount === undefined) return '—';
  const value = amount.toLocaleString('en-US');
  return currency ? `${value} ${currency}` : value;
}

/** "2026-11-04 10:00 UTC": the same for everyone reading the card, whatever their zone. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Points with one decimal at most: "7.5 / 15". */
export function formatPoints(points: number, max: number): string {
  return `${Math.round(points * 10) / 10} / ${max}`;
}
