// The handoff meeting checklist (PROTOCOL.md section 8) as the core ticked it: each item done,
// open, or left to people, by stage; who the template expects at the meeting against who was
// there; the questions CS asked and had answered. Whoever may take part records the meeting.
import {
  Flex,
  Heading,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { PARTICIPANT_LABELS } from '../../../src/core/document/vocabulary';
import { formatInstant } from '../card-text';
import type { CardAction, HandoffView } from '../card-types';
import { MeetingForm } from './MeetingForm';
import { expectedParticipants, mayRecordMeeting } from './meeting-draft';

type Item = HandoffView['checklist'][number];
type Variant = 'success' | 'default' | 'info';

const STAGES: [Item['stage'], string][] = [
  ['pre_handoff', 'Before the meeting'],
  ['meeting', 'In the meeting'],
  ['post_handoff', 'After the meeting'],
];

export const CHECKLIST_STATUS: Record<Item['status'], { label: string; variant: Variant }> = {
  done: { label: 'Done', variant: 'success' },
  open: { label: 'Not done', variant: 'default' },
  // The document cannot say (whether the intro approach was agreed): people tick it.
  manual: { label: 'Not recorded', variant: 'info' },
};

export interface MeetingChecklistProps {
  handoff: HandoffView;
  busy: boolean;
  onAct: (action: CardAction) => Promise<boolean>;
}

export function MeetingChecklist({ handoff, busy, onAct }: MeetingChecklistProps) {
  const meeting = handoff.document.meeting;
  const expected = expectedParticipants(handoff);
  const present = new Set(meeting?.participants ?? []);
  const others = [...present].filter((p) => !expected.includes(p));
  return (
    <Flex direction="column" gap="small" testId="meeting-checklist">
      <Heading>Handoff meeting checklist</Heading>
      <Text testId="meeting-held">
        {meeting?.heldAt
          ? `Meeting held ${formatInstant(meeting.heldAt)}.`
          : 'The handoff meeting has not been recorded yet.'}
      </Text>
      <Table bordered density="condensed" testId="meeting-participants">
        <TableHead>
          <TableRow>
            <TableHeader>Participant</TableHeader>
            <TableHeader>Expected</TableHeader>
            <TableHeader>Present</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...expected, ...others].map((p) => (
            <TableRow key={p}>
              <TableCell>{PARTICIPANT_LABELS[p]}</TableCell>
              <TableCell>{expected.includes(p) ? 'Expected' : 'Optional'}</TableCell>
              <TableCell>{present.has(p) ? 'Present' : 'Absent'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text testId="meeting-questions">
        {meeting?.heldAt
          ? `CS questions: ${meeting.questionsAnswered ?? 0} of ${meeting.questionsAsked ?? 0} answered.`
          : 'CS questions: none recorded.'}
      </Text>
      <Table bordered density="condensed" testId="checklist">
        <TableHead>
          <TableRow>
            <TableHeader>Item</TableHeader>
            <TableHeader>Status</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {STAGES.flatMap(([stage, title]) => [
            <TableRow key={stage}>
              <TableCell>
                <Text format={{ fontWeight: 'demibold' }}>{title}</Text>
              </TableCell>
              <TableCell> </TableCell>
            </TableRow>,
            ...handoff.checklist
              .filter((item) => item.stage === stage)
              .map((item) => (
                <TableRow key={item.key}>
                  <TableCell>{item.label}</TableCell>
                  <TableCell>
                    <StatusTag
                      testId={`checklist:${item.key}`}
                      variant={CHECKLIST_STATUS[item.status].variant}
                    >
                      {CHECKLIST_STATUS[item.status].label}
                    </StatusTag>
                  </TableCell>
                </TableRow>
              )),
          ])}
        </TableBody>
      </Table>
      {mayRecordMeeting(handoff) ? (
        <MeetingForm handoff={handoff} expected={expected} busy={busy} onAct={onAct} />
      ) : null}
    </Flex>
  );
}
