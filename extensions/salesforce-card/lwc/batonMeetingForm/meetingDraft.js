// The handoff meeting as typed into the card's form, pure: the `record_meeting` action it sends
// and what is wrong with it, checked by the core's action schema (lifecycleActionSchema: an
// instant, participants and agenda segments of the vocabulary, whole counts of 0 or more) plus
// what the HubSpot card asks too (extensions/handoff-card/components/meeting-draft.ts): someone
// took part, both counts are written, and CS had no more answers than questions. Each error
// names its field by the action's path (`meeting.questionsAsked`).
import {
  AGENDA_SEGMENTS,
  MEETING_PARTICIPANTS,
  isIsoDateTime,
  lifecycleActionSchema,
  parseWith,
  toIso,
} from 'c/batonCore';

/** The form's fields, as the action names them under `meeting.`. */
export const MEETING_FIELDS = [
  'heldAt',
  'participants',
  'agendaCovered',
  'questionsAsked',
  'questionsAnswered',
];

const typedCount = (value) => (value === null || value === undefined ? '' : String(value));

/** The form for `saved` (the document's meeting, or null): held now when none was recorded. */
export function draftFrom(saved, now) {
  return {
    heldAt: saved?.heldAt ?? toIso(now),
    participants: [...(saved?.participants ?? [])],
    agendaCovered: [...(saved?.agendaCovered ?? [])],
    questionsAsked: typedCount(saved?.questionsAsked),
    questionsAnswered: typedCount(saved?.questionsAnswered),
  };
}

/** An instant as the core writes one (`2026-11-03T15:00:00Z`); anything else as typed. */
function instantOf(typed) {
  const text = (typed ?? '').trim();
  return isIsoDateTime(text) ? toIso(Date.parse(text)) : text;
}

/** A count: undefined while blank, a number when it reads as one, else the text as typed. */
function countOf(typed) {
  const text = (typed ?? '').trim();
  if (text === '') return undefined;
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
}

/** The action the form sends; participants and segments in the vocabulary's order. */
export function meetingAction(draft) {
  return {
    type: 'record_meeting',
    meeting: {
      heldAt: instantOf(draft.heldAt),
      participants: MEETING_PARTICIPANTS.filter((p) => draft.participants.includes(p)),
      agendaCovered: AGENDA_SEGMENTS.filter((s) => draft.agendaCovered.includes(s)),
      questionsAsked: countOf(draft.questionsAsked),
      questionsAnswered: countOf(draft.questionsAnswered),
    },
  };
}

function formChecks({ meeting }) {
  const errors = [];
  const problem = (field, message) => errors.push({ path: `meeting.${field}`, message });
  if (meeting.participants.length === 0)
    problem('participants', 'pick who took part in the meeting');
  for (const field of ['questionsAsked', 'questionsAnswered'])
    if (meeting[field] === undefined) problem(field, 'write how many, 0 if none');
  const { questionsAsked: asked, questionsAnswered: answered } = meeting;
  if (Number.isInteger(asked) && Number.isInteger(answered) && answered > asked)
    problem('questionsAnswered', `CS asked ${asked}: no more can have been answered`);
  return errors;
}

/** The field an error's path names: `meeting.participants[2]` is `participants`. */
export function fieldOf(path) {
  return /^meeting\.(\w+)/.exec(path)?.[1] ?? null;
}

/**
 * The draft checked: `{ action, errors }`, each error `{ path, message }` with the action's path
 * of its field; the action is what to send once there are none.
 */
export function reviewMeeting(draft) {
  const action = meetingAction(draft);
  const parsed = parseWith(lifecycleActionSchema, action);
  return { action, errors: [...(parsed.success ? [] : parsed.errors), ...formChecks(action)] };
}
