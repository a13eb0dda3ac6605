// Everything the card, the CLI and the CRM write-back need to know about one handoff at `now`.
import type { HandoffDocument } from './document/handoff-document.schema';
import type { Policy } from './policy/policy.schema';
import { type Completeness, scoreCompleteness } from './scoring/completeness';
import { type Quality, scoreQuality } from './scoring/quality';
import { type SlaAlert, slaAlerts } from './sla/sla-alerts';
import { nextSlaCheckAt } from './sla/next-sla-check';
import { type SlaClock, type SlaState, computeClocks, slaStateOf } from './sla/sla-clocks';
import {
  type LifecycleState,
  type Ownership,
  ownershipOf,
  stateOf,
} from './lifecycle/lifecycle-state';
import { calendarOf } from './time/working-calendar';

export interface HandoffAnalysis {
  state: LifecycleState;
  ownership: Ownership;
  completeness: Completeness;
  quality: Quality;
  clocks: SlaClock[];
  slaState: SlaState;
  alerts: SlaAlert[];
  /** When the SLA sweep must look again (a clock turning at risk or breached, a reminder). */
  nextSlaCheckAt: number | null;
  /** Whether completeness reaches the template's minimum to submit. */
  submittable: boolean;
  minimumCompleteness: number;
}

export function analyzeHandoff(doc: HandoffDocument, policy: Policy, now: number): HandoffAnalysis {
  const template = policy.templates[doc.handoffType];
  const calendar = calendarOf(policy);
  const state = stateOf(doc, template);
  const completeness = scoreCompleteness(doc, template);
  const clocks = computeClocks(doc, template, calendar, now, policy.atRiskRatio);
  return {
    state,
    ownership: ownershipOf(state, template),
    completeness,
    quality: scoreQuality(doc, template, calendar),
    clocks,
    slaState: slaStateOf(clocks),
    alerts: slaAlerts(clocks, now, policy.meetingReminderHours),
    nextSlaCheckAt: nextSlaCheckAt(clocks, now, {
      calendar,
      atRiskRatio: policy.atRiskRatio,
      meetingReminderHours: policy.meetingReminderHours,
    }),
    submittable: completeness.score >= template.minimumCompleteness,
    minimumCompleteness: template.minimumCompleteness,
  };
}
