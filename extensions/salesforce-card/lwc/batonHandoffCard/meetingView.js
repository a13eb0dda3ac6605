// The handoff meeting on the card, as the HubSpot card shows it (MeetingChecklist.tsx): when it
// was held, who the template expects against who was there, the CS questions asked and answered,
// and the core's checklist (buildChecklist) item by item and stage by stage. Whether this user may
// record the meeting is the core's (availableActions); the form (lwc/batonMeetingForm) gets the
// saved meeting and the participants to mark as required.
import {
  MEETING_PARTICIPANTS,
  PARTICIPANT_LABELS,
  buildChecklist,
  formatInstant,
  requiredParticipants,
} from 'c/batonCore';

const STAGES = [
  ['pre_handoff', 'Before the meeting'],
  ['meeting', 'In the meeting'],
  ['post_handoff', 'After the meeting'],
];

/** The HubSpot card's words for a checklist item's status, as SLDS badge themes. */
const STATUS = {
  done: { label: 'Done', theme: 'slds-theme_success' },
  open: { label: 'Not done', theme: '' },
  // The document cannot say (whether the intro approach was agreed): people tick it.
  manual: { label: 'Not recorded', theme: 'slds-theme_info' },
};

function participantRows(expected, present) {
  const others = MEETING_PARTICIPANTS.filter((p) => present.has(p) && !expected.includes(p));
  return [...expected, ...others].map((p) => ({
    key: p,
    label: PARTICIPANT_LABELS[p],
    expected: expected.includes(p) ? 'Expected' : 'Optional',
    present: present.has(p) ? 'Present' : 'Absent',
  }));
}

/** Every participant to pick from, the expected ones marked (a strategic deal's as such). */
function participantOptions(expected, template) {
  const always = new Set(template.requiredParticipants);
  return MEETING_PARTICIPANTS.map((p) => {
    const label = PARTICIPANT_LABELS[p];
    if (!expected.includes(p)) return { label, value: p };
    return {
      label: always.has(p) ? `${label} (required)` : `${label} (required for a strategic deal)`,
      value: p,
    };
  });
}

function stagesOf(checklist) {
  return STAGES.map(([stage, title]) => ({
    key: stage,
    title,
    items: checklist
      .filter((item) => item.stage === stage)
      .map((item) => ({
        key: item.key,
        label: item.label,
        status: STATUS[item.status].label,
        theme: STATUS[item.status].theme,
      })),
  }));
}

/**
 * @param document a valid handoff document v1
 * @param context `{ template, clocks, actions, csmAssigned }`: its template, its SLA clocks (the
 *   core's analysis), this user's actions (availableActions), and whether the Opportunity names a
 *   CSM (undefined leaves that checklist item to people)
 */
export function meetingView(document, { template, clocks, actions, csmAssigned }) {
  const meeting = document.meeting ?? null;
  const held = Boolean(meeting?.heldAt);
  const expected = MEETING_PARTICIPANTS.filter((p) =>
    requiredParticipants(document, template).includes(p),
  );
  return {
    held: held
      ? `Meeting held ${formatInstant(meeting.heldAt)}.`
      : 'The handoff meeting has not been recorded yet.',
    participants: participantRows(expected, new Set(meeting?.participants ?? [])),
    questions: held
      ? `CS questions: ${meeting.questionsAnswered ?? 0} of ${meeting.questionsAsked ?? 0} answered.`
      : 'CS questions: none recorded.',
    stages: stagesOf(buildChecklist(document, template, { clocks, csmAssigned })),
    mayRecord: actions.some((action) => action.action === 'record_meeting' && action.allowed),
    form: { saved: meeting, expected, participantOptions: participantOptions(expected, template) },
  };
}
