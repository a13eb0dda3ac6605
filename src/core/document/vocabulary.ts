// The canonical enumerations of the handoff document v1 (PROTOCOL.md sections 1-2), with the
// words people read on the card and in the CLI.

export const HANDOFF_TYPES = [
  'sales_to_cs',
  'pre_close',
  'poc_to_paid',
  'rep_to_rep',
  'sdr_to_ae',
] as const;
export type HandoffType = (typeof HANDOFF_TYPES)[number];

export const STAKEHOLDER_ROLES = [
  'executive_sponsor',
  'champion',
  'economic_buyer',
  'technical_lead',
  'end_users',
  'blocker',
  'other',
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

export const STAKEHOLDER_ROLE_LABELS: Record<StakeholderRole, string> = {
  executive_sponsor: 'Executive sponsor',
  champion: 'Champion',
  economic_buyer: 'Economic buyer',
  technical_lead: 'Technical lead',
  end_users: 'End users',
  blocker: 'Blocker',
  other: 'Other stakeholder',
};

export const RELATIONSHIP_STRENGTHS = ['strong', 'medium', 'new'] as const;
export const SENTIMENTS = ['champion', 'supporter', 'neutral', 'skeptic'] as const;

export const COMMITMENT_TYPES = ['scope', 'service', 'timeline', 'commercial', 'verbal'] as const;
export const COMMITMENT_STATUSES = [
  'open',
  'in_progress',
  'delivered',
  'at_risk',
  'renegotiated',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const CHURN_RISKS = ['low', 'medium', 'high'] as const;

export const MEETING_PARTICIPANTS = [
  'ae',
  'csm',
  'cs_manager',
  'sales_engineer',
  'implementation_specialist',
  'sales_manager',
] as const;
export type MeetingParticipant = (typeof MEETING_PARTICIPANTS)[number];

export const PARTICIPANT_LABELS: Record<MeetingParticipant, string> = {
  ae: 'Account executive',
  csm: 'Customer success manager',
  cs_manager: 'CS manager',
  sales_engineer: 'Sales engineer',
  implementation_specialist: 'Implementation specialist',
  sales_manager: 'Sales manager',
};

/** The 45-minute handoff meeting agenda, in order. */
export const AGENDA_SEGMENTS = [
  'customer_overview',
  'stakeholders',
  'objectives',
  'scope_commitments',
  'implementation',
  'risks',
  'questions',
] as const;
export type AgendaSegment = (typeof AGENDA_SEGMENTS)[number];

export const AGENDA_LABELS: Record<AgendaSegment, string> = {
  customer_overview: 'Customer overview',
  stakeholders: 'Stakeholders',
  objectives: 'Objectives and success criteria',
  scope_commitments: 'Scope and commitments',
  implementation: 'Implementation',
  risks: 'Risks',
  questions: 'CS questions',
};

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected', 'needs_revision'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
