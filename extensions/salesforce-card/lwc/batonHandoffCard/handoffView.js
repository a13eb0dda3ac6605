// What the card shows for one handoff, computed by the core (c/batonCore) and worded as the
// HubSpot card words it: lifecycle step, owner, completeness and the missing items, quality with
// its breakdown, SLA clocks and alerts, stakeholders, commitments, the handoff meeting and its
// checklist (meetingView.js), and this user's actions.
import {
  ACTION_LABELS,
  BAND,
  CATEGORY_LABELS,
  CLOCK_STATUS,
  QUALITY_PART_LABELS,
  SLA_STATE,
  STAKEHOLDER_ROLE_LABELS,
  STATE_LABELS,
  analyzeHandoff,
  availableActions,
  formatInstant,
  formatPoints,
  maySend,
  nextAction,
} from 'c/batonCore';
import { meetingView } from './meetingView';

/** The card-text variants as SLDS badge themes. */
const THEMES = {
  success: 'slds-theme_success',
  warning: 'slds-theme_warning',
  danger: 'slds-theme_error',
  info: 'slds-theme_info',
  default: '',
};

// A returned handoff stays on "Submitted", shown as an error there (`has-error`, which the
// progress indicator's base type shows).
const STEPS = [
  { value: 'draft', label: 'Draft', states: ['pending_approval', 'draft'] },
  { value: 'submitted', label: 'Submitted', states: ['submitted', 'needs_revision', 'rejected'] },
  { value: 'accepted', label: 'Accepted', states: ['accepted'] },
  { value: 'meeting_held', label: 'Meeting held', states: ['meeting_held'] },
  { value: 'kickoff_scheduled', label: 'Kickoff scheduled', states: ['kickoff_scheduled'] },
  { value: 'kickoff_held', label: 'Kickoff held', states: ['kickoff_held'] },
  { value: 'completed', label: 'Completed', states: ['completed'] },
];

export const LIFECYCLE_STEPS = STEPS.map(({ value, label }) => ({ value, label }));

const RETURNED = new Set(['needs_revision', 'rejected']);
const EDITABLE = new Set(['draft', 'needs_revision', 'rejected']);

/** Recording the meeting needs its participants and agenda: the HubSpot card's form, not a button. */
const NOT_A_BUTTON = new Set(['record_meeting']);

function stepOf(state) {
  return (STEPS.find((step) => step.states.includes(state)) ?? STEPS[0]).value;
}

function buttonsOf(actions, next) {
  return actions
    .filter((action) => action.allowed && !NOT_A_BUTTON.has(action.action))
    .map((action) => ({
      name: action.action,
      label: ACTION_LABELS[action.action],
      variant:
        action.action === 'return:rejected'
          ? 'destructive'
          : action.action === next
            ? 'brand'
            : 'neutral',
    }));
}

function clocksOf(clocks) {
  return clocks.map((clock) => ({
    name: clock.name,
    label: clock.label,
    status: CLOCK_STATUS[clock.status].label,
    theme: THEMES[CLOCK_STATUS[clock.status].variant],
    due: formatInstant(clock.dueAt),
    done: formatInstant(clock.doneAt),
  }));
}

function alertsOf(alerts) {
  return alerts
    .filter((alert) => alert.kind !== 'reminder')
    .map((alert) => ({
      key: alert.key,
      title: alert.kind === 'breached' ? 'SLA breached' : 'SLA at risk',
      message: alert.message,
      theme: `slds-box slds-m-bottom_x-small ${alert.kind === 'breached' ? 'slds-theme_error' : 'slds-theme_warning'}`,
    }));
}

function qualityOf(quality) {
  const band = BAND[quality.band];
  return {
    total: `Quality ${quality.total} / 100`,
    band: band.label,
    theme: THEMES[band.variant],
    parts: Object.keys(quality.parts).map((name) => ({
      name,
      label: QUALITY_PART_LABELS[name],
      points: `${formatPoints(quality.parts[name].points, quality.parts[name].max)} (${quality.parts[name].detail})`,
    })),
  };
}

function completenessOf(completeness, minimum) {
  const { score, filled, required, missing } = completeness;
  return {
    score,
    text: `${score}% complete: ${filled} of ${required} items filled; submitting needs ${minimum}%`,
    missing: missing.map((item) => ({
      path: item.path,
      label: item.label,
      category: item.category,
      text: `${CATEGORY_LABELS[item.category]}: ${item.label}`,
    })),
  };
}

const text = (value) => (typeof value === 'string' ? value : '');

function stakeholdersOf(stakeholders) {
  return stakeholders.map((stakeholder, index) => ({
    key: `${stakeholder.role}-${index}`,
    role: STAKEHOLDER_ROLE_LABELS[stakeholder.role],
    name: text(stakeholder.name),
    title: text(stakeholder.title),
    email: text(stakeholder.email),
    sentiment: text(stakeholder.sentiment),
    relationship: text(stakeholder.relationshipStrength),
  }));
}

function commitmentsOf(commitments) {
  return commitments.map((commitment, index) => ({
    key: commitment.id || `c${index + 1}`,
    type: text(commitment.type),
    description: text(commitment.description),
    owner: text(commitment.owner),
    dueDate: text(commitment.dueDate),
    inContract: commitment.inContract === undefined ? '' : commitment.inContract ? 'Yes' : 'No',
    status: text(commitment.status),
  }));
}

/**
 * Completeness and quality of `document`, as the card shows them: for a document being edited,
 * so the AE sees the scores move before saving.
 */
export function scoresView(document, policy, now) {
  const analysis = analyzeHandoff(document, policy, now);
  return {
    completeness: completenessOf(analysis.completeness, analysis.minimumCompleteness),
    quality: qualityOf(analysis.quality),
  };
}

/**
 * @param document a valid handoff document v1
 * @param actor the core's actor for this user (userRole.js)
 * @param policy the core's policy
 * @param now the instant the clocks are read at
 * @param csmAssigned whether the Opportunity names a CSM (the meeting checklist's item)
 */
export function handoffView(document, actor, policy, now, csmAssigned) {
  const template = policy.templates[document.handoffType];
  const analysis = analyzeHandoff(document, policy, now);
  const actions = availableActions(document, { actor, now, policy });
  const next = nextAction(actions);
  const submit = actions.find((action) => action.action === 'submit');
  const blockedSubmit =
    submit && !submit.allowed && maySend(document, template, actor).allowed
      ? EDITABLE.has(analysis.state)
      : false;
  const returned = RETURNED.has(analysis.state);
  return {
    state: analysis.state,
    stateLabel: STATE_LABELS[analysis.state],
    step: stepOf(analysis.state),
    returned,
    returnedTitle:
      analysis.state === 'rejected'
        ? `Rejected by ${template.receiverLabel}`
        : `${template.receiverLabel} asked for a revision`,
    gaps: returned ? (document.review?.gaps ?? []) : [],
    ownership: analysis.ownership.statement,
    ownerSide: analysis.ownership.side,
    sla: {
      label: SLA_STATE[analysis.slaState].label,
      theme: THEMES[SLA_STATE[analysis.slaState].variant],
    },
    nextAction: next
      ? `Next for you: ${ACTION_LABELS[next]}`
      : 'Nothing for you to do on this handoff now.',
    buttons: buttonsOf(actions, next),
    blockedSubmit: blockedSubmit ? `Cannot submit yet: ${submit.reason}` : null,
    completeness: completenessOf(analysis.completeness, analysis.minimumCompleteness),
    /** The missing items, to name as the gaps of a return (lwc/batonReturnForm). */
    gapOptions: analysis.completeness.missing.map((item) => ({
      label: item.label,
      value: item.label,
    })),
    quality: qualityOf(analysis.quality),
    clocks: clocksOf(analysis.clocks),
    alerts: alertsOf(analysis.alerts),
    stakeholders: stakeholdersOf(document.stakeholders ?? []),
    commitments: commitmentsOf(document.commitments ?? []),
    meeting: meetingView(document, { template, clocks: analysis.clocks, actions, csmAssigned }),
  };
}
