// The handoff meeting checklist on the card: the core's checklist shown item by item, expected
// participants against those present, the questions asked and answered, and the meeting recorded
// through the `record_meeting` action with the version the card shows, checked as typed and
// offered only to the people on either side of the handoff.
import {
  Button,
  Input,
  MultiSelect,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { DEFAULT_POLICY, applyAction } from '../../src/core';
import { CSM, FakeCardBackend } from './helpers/card-backend';
import { HOUR, SOON_AFTER_CLOSE, accepted } from './helpers/handoffs';
import { type RenderedCard, renderCard } from './helpers/render-card';
import { chooseMany, typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

const NOW = SOON_AFTER_CLOSE + 3 * HOUR;

const status = (card: RenderedCard, key: string) =>
  card.findByTestId(StatusTag, `checklist:${key}`).text;
/** The participants table's body rows: participant, expected, present. */
const participants = (card: RenderedCard) =>
  card
    .findByTestId(Table, 'meeting-participants')
    .find(TableBody)
    .findAll(TableRow)
    .map((row) => row.findAll(TableCell).map((cell) => cell.text));
const input = (card: RenderedCard, name: string) => card.find(Input, { name: `meeting.${name}` });
const pick = (card: RenderedCard, name: string, values: string[]) =>
  chooseMany(card.find(MultiSelect, { name: `meeting.${name}` }), values);
const recordButton = (card: RenderedCard) => card.findByTestId(Button, 'record-meeting');

/** Accepted, then a meeting the CSM recorded: only the AE came, 2 of 3 questions answered. */
function metWithoutCsm() {
  const result = applyAction(
    accepted(),
    {
      type: 'record_meeting',
      meeting: {
        heldAt: '2026-11-02T13:30:00Z',
        participants: ['ae'],
        agendaCovered: ['customer_overview', 'stakeholders'],
        questionsAsked: 3,
        questionsAnswered: 2,
      },
    },
    { actor: CSM, now: NOW, policy: DEFAULT_POLICY },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

describe('the handoff meeting checklist', () => {
  it('shows the core checklist before the meeting: each item done, not done or not recorded', async () => {
    const card = await renderCard(new FakeCardBackend(accepted(), NOW));
    expect(card.findByTestId(Text, 'meeting-held').text).toBe(
      'The handoff meeting has not been recorded yet.',
    );
    expect(status(card, 'summary_done')).toBe('Done');
    expect(status(card, 'accepted')).toBe('Done');
    expect(status(card, 'participants')).toBe('Not done');
    expect(status(card, 'agenda_risks')).toBe('Not done');
    expect(status(card, 'intro_approach')).toBe('Not recorded');
    expect(participants(card)).toEqual([
      ['Account executive', 'Expected', 'Absent'],
      ['Customer success manager', 'Expected', 'Absent'],
    ]);
    expect(card.findByTestId(Text, 'meeting-questions').text).toBe('CS questions: none recorded.');
  });

  it('shows who was expected against who was there, the agenda covered and the questions', async () => {
    const card = await renderCard(new FakeCardBackend(metWithoutCsm(), NOW));
    expect(card.findByTestId(Text, 'meeting-held').text).toBe('Meeting held 2026-11-02 13:30 UTC.');
    expect(participants(card)).toEqual([
      ['Account executive', 'Expected', 'Present'],
      ['Customer success manager', 'Expected', 'Absent'],
    ]);
    expect(status(card, 'participants')).toBe('Not done');
    expect(status(card, 'agenda_customer_overview')).toBe('Done');
    expect(status(card, 'agenda_stakeholders')).toBe('Done');
    expect(status(card, 'agenda_risks')).toBe('Not done');
    expect(status(card, 'questions_answered')).toBe('Not done');
    expect(status(card, 'notes_filed')).toBe('Done');
    expect(card.findByTestId(Text, 'meeting-questions').text).toBe(
      'CS questions: 2 of 3 answered.',
    );
  });

  it('records the meeting with the version it started from, and the checklist ticks', async () => {
    const backend = new FakeCardBackend(accepted(), NOW);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(recordButton(card).props.disabled).toBe(true);

    typeInto(input(card, 'heldAt'), '2026-11-02 14:00');
    pick(card, 'participants', ['csm', 'ae']);
    pick(card, 'agendaCovered', ['risks', 'customer_overview']);
    typeInto(input(card, 'questionsAsked'), '4');
    typeInto(input(card, 'questionsAnswered'), '4');
    expect(recordButton(card).props.disabled).toBe(false);
    recordButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const post = backend.requests.find((request) => request.method === 'POST')!;
    expect(post.path).toBe('/actions');
    expect(post.body).toEqual({
      baseVersion: 1,
      action: {
        type: 'record_meeting',
        meeting: {
          heldAt: '2026-11-02T14:00:00Z',
          participants: ['ae', 'csm'],
          agendaCovered: ['customer_overview', 'risks'],
          questionsAsked: 4,
          questionsAnswered: 4,
        },
      },
    });
    expect(backend.document?.meeting?.participants).toEqual(['ae', 'csm']);
    await card.waitFor(() => expect(status(card, 'participants')).toBe('Done'));
    expect(status(card, 'questions_answered')).toBe('Done');
    expect(status(card, 'agenda_risks')).toBe('Done');
    expect(status(card, 'agenda_objectives')).toBe('Not done');
    // The form starts again from what was recorded.
    expect(input(card, 'heldAt').props.value).toBe('2026-11-02T14:00:00Z');
  });

  it('says as you type what it cannot send, and who is missing', async () => {
    const backend = new FakeCardBackend(accepted(), NOW);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(input(card, 'heldAt').props.validationMessage).toBeUndefined();

    typeInto(input(card, 'heldAt'), 'yesterday afternoon');
    expect(input(card, 'heldAt').props.validationMessage).toBe(
      'Write when it was held as YYYY-MM-DD HH:MM (UTC), for example 2026-11-03 15:00.',
    );
    typeInto(input(card, 'heldAt'), '2026-11-02 14:00');
    expect(input(card, 'heldAt').props.validationMessage).toBeUndefined();

    pick(card, 'participants', ['ae']);
    expect(card.findByTestId(Text, 'meeting-absent').text).toContain(
      'Expected but not present: Customer success manager.',
    );
    pick(card, 'participants', []);
    expect(card.find(MultiSelect, { name: 'meeting.participants' }).props.validationMessage).toBe(
      'Pick who took part in the meeting.',
    );
    pick(card, 'participants', ['ae', 'csm']);
    expect(card.maybeFindByTestId(Text, 'meeting-absent')).toBeNull();

    typeInto(input(card, 'questionsAsked'), 'two');
    expect(input(card, 'questionsAsked').props.validationMessage).toBe(
      'Write a whole number of 0 or more.',
    );
    typeInto(input(card, 'questionsAsked'), '2');
    typeInto(input(card, 'questionsAnswered'), '3');
    expect(input(card, 'questionsAnswered').props.validationMessage).toBe(
      'CS asked 2: no more can have been answered.',
    );
    expect(recordButton(card).props.disabled).toBe(true);

    typeInto(input(card, 'questionsAnswered'), '2');
    expect(recordButton(card).props.disabled).toBe(false);
    expect(backend.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('is not offered to someone who may not record it, who still sees the checklist', async () => {
    const backend = new FakeCardBackend(accepted(), NOW);
    backend.user = { id: 'ae-2', role: 'ae' };
    const card = await renderCard(backend);
    expect(status(card, 'accepted')).toBe('Done');
    expect(card.maybeFindByTestId(Button, 'record-meeting')).toBeNull();
    expect(card.maybeFind(Input, { name: 'meeting.heldAt' })).toBeNull();
  });

  it('is offered from the card API’s own list of actions once the handoff is approved', async () => {
    const backend = new FakeCardBackend(accepted(), NOW);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(status(card, 'participants')).toBe('Not done');
    expect(card.maybeFindByTestId(Button, 'record-meeting')).not.toBeNull();
  });
});
