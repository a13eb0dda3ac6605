// Recording the handoff meeting: when, who was there, which agenda segments were covered, and
// the CS questions asked and answered, checked as typed and sent as the `record_meeting`
// lifecycle action with the version the card shows.
import { useState } from 'react';
import { Button, Flex, Input, MultiSelect, Text } from '@hubspot/ui-extensions';
import {
  AGENDA_LABELS,
  AGENDA_SEGMENTS,
  MEETING_PARTICIPANTS,
  PARTICIPANT_LABELS,
  type AgendaSegment,
  type MeetingParticipant,
} from '../../../src/core/document/vocabulary';
import type { CardAction, HandoffView } from '../card-types';
import {
  type MeetingDraft,
  draftFrom,
  hasProblems,
  meetingProblems,
  recordMeetingAction,
} from './meeting-draft';

export interface MeetingFormProps {
  handoff: HandoffView;
  expected: readonly MeetingParticipant[];
  busy: boolean;
  onAct: (action: CardAction) => Promise<boolean>;
}

type CountField = 'questionsAsked' | 'questionsAnswered';

export function MeetingForm({ handoff, expected, busy, onAct }: MeetingFormProps) {
  const [draft, setDraft] = useState(() => draftFrom(handoff.document.meeting));
  // A field says nothing until it is touched: an empty form is not a list of errors.
  const [touched, setTouched] = useState<ReadonlySet<keyof MeetingDraft>>(new Set());
  const set = <F extends keyof MeetingDraft>(field: F, value: MeetingDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setTouched((current) => new Set(current).add(field));
  };
  const problems = meetingProblems(draft);
  const shown = (field: keyof typeof problems) => (touched.has(field) ? problems[field] : null);
  const absent = expected.filter((p) => !draft.participants.includes(p));
  const uncovered = AGENDA_SEGMENTS.filter((s) => !draft.agendaCovered.includes(s));
  const count = (field: CountField, label: string) => (
    <Input
      label={label}
      name={`meeting.${field}`}
      value={draft[field]}
      required
      onInput={(value) => set(field, value)}
      error={shown(field) !== null}
      validationMessage={shown(field) ?? undefined}
    />
  );
  return (
    <Flex direction="column" gap="small" testId="meeting-form">
      <Text format={{ fontWeight: 'demibold' }}>Record the handoff meeting</Text>
      <Input
        label="Held at (UTC)"
        name="meeting.heldAt"
        placeholder="2026-11-03 15:00"
        value={draft.heldAt}
        required
        onInput={(value) => set('heldAt', value)}
        error={shown('heldAt') !== null}
        validationMessage={shown('heldAt') ?? undefined}
      />
      <MultiSelect
        label="Participants present"
        name="meeting.participants"
        value={draft.participants}
        options={MEETING_PARTICIPANTS.map((p) => ({ label: PARTICIPANT_LABELS[p], value: p }))}
        onChange={(values) => set('participants', values.map(String) as MeetingParticipant[])}
        error={shown('participants') !== null}
        validationMessage={shown('participants') ?? undefined}
      />
      {touched.has('participants') && absent.length > 0 && draft.participants.length > 0 ? (
        <Text variant="microcopy" testId="meeting-absent">
          Expected but not present: {absent.map((p) => PARTICIPANT_LABELS[p]).join(', ')}. The
          quality score counts them missing.
        </Text>
      ) : null}
      <MultiSelect
        label="Agenda segments covered"
        name="meeting.agendaCovered"
        value={draft.agendaCovered}
        options={AGENDA_SEGMENTS.map((s) => ({ label: AGENDA_LABELS[s], value: s }))}
        onChange={(values) => set('agendaCovered', values.map(String) as AgendaSegment[])}
      />
      {touched.has('agendaCovered') && uncovered.length > 0 ? (
        <Text variant="microcopy" testId="meeting-uncovered">
          Not covered: {uncovered.map((s) => AGENDA_LABELS[s]).join(', ')}.
        </Text>
      ) : null}
      {count('questionsAsked', 'CS questions asked')}
      {count('questionsAnswered', 'CS questions answered')}
      <Button
        testId="record-meeting"
        variant="primary"
        disabled={busy || hasProblems(problems)}
        onClick={() => void onAct(recordMeetingAction(draft))}
      >
        Record the meeting
      </Button>
    </Flex>
  );
}
