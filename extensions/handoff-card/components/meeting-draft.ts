// The handoff meeting as typed into the card's form, what it says as it is typed, and the
// `record_meeting` action it sends. The checks are the action schema's (an instant with an
// offset, whole counts of 0 or more) plus the ones the protocol implies: someone was there, and
// CS cannot have had more answers than questions.
import { isIsoDateTime } from '../../../src/core/document/dates';
import {
  AGENDA_SEGMENTS,
  MEETING_PARTICIPANTS,
  type AgendaSegment,
  type MeetingParticipant,
} from '../../../src/core/document/vocabulary';
import type { CardAction, HandoffDocument, HandoffView } from '../card-types';

export interface MeetingDraft {
  heldAt: string;
  participants: MeetingParticipant[];
  agendaCovered: AgendaSegment[];
  questionsAsked: string;
  questionsAnswered: string;
}

export interface MeetingProblems {
  heldAt: string | null;
  participants: string | null;
  questionsAsked: string | null;
  questionsAnswered: string | null;
}

export function draftFrom(meeting: HandoffDocument['meeting']): MeetingDraft {
  const count = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    heldAt: meeting?.heldAt ?? '',
    participants: [...(meeting?.participants ?? [])],
    agendaCovered: [...(meeting?.agendaCovered ?? [])],
    questionsAsked: count(meeting?.questionsAsked),
    questionsAnswered: count(meeting?.questionsAnswered),
  };
}

/** "2026-11-03 15:00" is read as UTC, like every time the card shows; ISO date-times as they are. */
export function instantOf(typed: string): string | null {
  const text = typed.trim();
  const wall = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text);
  const iso = wall ? `${wall[1]}T${wall[2]}:00Z` : text;
  return isIsoDateTime(iso) ? iso : null;
}

function countOf(typed: string): number | null {
  return /^\d+$/.test(typed.trim()) ? Number(typed.trim()) : null;
}

export function meetingProblems(draft: MeetingDraft): MeetingProblems {
  const asked = countOf(draft.questionsAsked);
  const answered = countOf(draft.questionsAnswered);
  const countProblem = (typed: string, value: number | null) =>
    value === null
      ? typed.trim() === ''
        ? 'Write how many, 0 if none.'
        : 'Write a whole number of 0 or more.'
      : null;
  return {
    heldAt:
      instantOf(draft.heldAt) === null
        ? 'Write when it was held as YYYY-MM-DD HH:MM (UTC), for example 2026-11-03 15:00.'
        : null,
    participants: draft.participants.length === 0 ? 'Pick who took part in the meeting.' : null,
    questionsAsked: countProblem(draft.questionsAsked, asked),
    questionsAnswered:
      countProblem(draft.questionsAnswered, answered) ??
      (asked !== null && answered !== null && answered > asked
        ? `CS asked ${asked}: no more can have been answered.`
        : null),
  };
}

export function hasProblems(problems: MeetingProblems): boolean {
  return Object.values(problems).some((problem) => problem !== null);
}

/** The action the form sends; call only when `meetingProblems` finds none. */
export function recordMeetingAction(draft: MeetingDraft): CardAction {
  return {
    type: 'record_meeting',
    meeting: {
      heldAt: instantOf(draft.heldAt)!,
      // In the vocabulary's order, so the same meeting recorded twice is the same document.
      participants: MEETING_PARTICIPANTS.filter((p) => draft.participants.includes(p)),
      agendaCovered: AGENDA_SEGMENTS.filter((s) => draft.agendaCovered.includes(s)),
      questionsAsked: countOf(draft.questionsAsked)!,
      questionsAnswered: countOf(draft.questionsAnswered)!,
    },
  };
}

/** The participants the template expects for this deal, in the core's order. */
export function expectedParticipants(handoff: HandoffView): MeetingParticipant[] {
  return MEETING_PARTICIPANTS.filter((p) => handoff.meetingParticipants.includes(p));
}

/** Whether this user may record the meeting now, as the core's guards decided. */
export function mayRecordMeeting(handoff: HandoffView): boolean {
  return handoff.actions.some((a) => a.action === 'record_meeting' && a.allowed);
}
