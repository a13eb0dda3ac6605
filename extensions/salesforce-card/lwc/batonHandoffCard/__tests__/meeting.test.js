// The handoff meeting on the card: the core's checklist as the HubSpot card shows it, and the
// meeting recorded through the `record_meeting` action by whoever the core lets take part,
// checked as typed by the core's action schema, applied by the core and saved like every other
// action (over the record the card read: a save by someone else since is a conflict).
import { notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { DEFAULT_POLICY, applyAction, cardWrite, handoffDocumentSchema } from 'c/batonCore';
import {
  HANDOFF_ID,
  OPPORTUNITY_ID,
  OTHER_AE_ID,
  OTHER_CSM_ID,
  READ_AT,
  USER_ID,
  afterUpdate,
  completeDraft,
  handoffRecord,
  opportunityRecord,
  submitted,
} from './data/records';
import {
  byId,
  emitHandoff,
  inMeetingForm,
  loadCard,
  meetingChecklist,
  meetingForm,
  settle,
  textOf,
  typeInMeeting,
  cardSuite,
  STALE_SAVE,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const asAe = opportunityRecord({ ownerId: USER_ID, csmId: OTHER_CSM_ID });
const asCsm = opportunityRecord({ ownerId: OTHER_AE_ID, csmId: USER_ID });

/** `document` accepted by its CSM, as the core accepts it. */
function accepted(document) {
  const result = applyAction(
    submitted(document),
    { type: 'accept' },
    { actor: { id: OTHER_CSM_ID, role: 'csm' }, now: NOW - 3600_000, policy: DEFAULT_POLICY },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

cardSuite(NOW);

const inChecklist = (card, selector) => meetingChecklist(card).shadowRoot.querySelector(selector);
const checklistText = (card, id) => inChecklist(card, `[data-id="${id}"]`).textContent.trim();
const status = (card, key) => inChecklist(card, `[data-status="${key}"]`).label;
/** The participants table: participant, expected, present. */
const participants = (card) =>
  [...meetingChecklist(card).shadowRoot.querySelectorAll('tr[data-participant]')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim()),
  );
const formError = (card, field) =>
  inMeetingForm(card, `[data-error="${field}"]`)?.textContent.trim() ?? null;
const recordButton = (card) => inMeetingForm(card, '[data-id="record"]');

async function openMeeting(card) {
  byId(card, 'record-meeting').click();
  await settle();
}

/** Fills the form: who was there, the agenda covered, the questions asked and answered. */
async function fillMeeting(card, { heldAt, participants: present, agenda, asked, answered }) {
  if (heldAt !== undefined) await typeInMeeting(card, 'heldAt', heldAt);
  await typeInMeeting(card, 'participants', present);
  await typeInMeeting(card, 'agendaCovered', agenda);
  await typeInMeeting(card, 'questionsAsked', asked);
  await typeInMeeting(card, 'questionsAnswered', answered);
}

const FULL_AGENDA = [
  'customer_overview',
  'stakeholders',
  'objectives',
  'scope_commitments',
  'implementation',
  'risks',
  'questions',
];

describe('the handoff meeting checklist', () => {
  it('shows the core checklist before the meeting: done, not done or not recorded', async () => {
    const card = await loadCard(asAe, handoffRecord(accepted(completeDraft(USER_ID))));
    expect(checklistText(card, 'meeting-held')).toBe(
      'The handoff meeting has not been recorded yet.',
    );
    expect(status(card, 'summary_done')).toBe('Done');
    expect(status(card, 'csm_assigned')).toBe('Done');
    expect(status(card, 'accepted')).toBe('Done');
    expect(status(card, 'participants')).toBe('Not done');
    expect(status(card, 'agenda_risks')).toBe('Not done');
    expect(status(card, 'intro_approach')).toBe('Not recorded');
    expect(participants(card)).toEqual([
      ['Account executive', 'Expected', 'Absent'],
      ['Customer success manager', 'Expected', 'Absent'],
    ]);
    expect(checklistText(card, 'meeting-questions')).toBe('CS questions: none recorded.');
  });

  it('leaves "CSM assigned" not done while the Opportunity names no CSM', async () => {
    const card = await loadCard(
      opportunityRecord({ ownerId: USER_ID }),
      handoffRecord(completeDraft(USER_ID)),
    );
    expect(status(card, 'csm_assigned')).toBe('Not done');
  });

  it('expects the CS manager too at a strategic deal’s meeting', async () => {
    const draft = completeDraft(USER_ID);
    const strategic = { ...draft, deal: { ...draft.deal, strategic: true } };
    const card = await loadCard(asAe, handoffRecord(accepted(strategic)));
    expect(participants(card).map(([name, expected]) => [name, expected])).toEqual([
      ['Account executive', 'Expected'],
      ['Customer success manager', 'Expected'],
      ['CS manager', 'Expected'],
    ]);
    await openMeeting(card);
    const options = inMeetingForm(card, '[data-field="participants"]').options;
    expect(options.map((o) => o.label)).toEqual([
      'Account executive (required)',
      'Customer success manager (required)',
      'CS manager (required for a strategic deal)',
      'Sales engineer',
      'Implementation specialist',
      'Sales manager',
    ]);
  });
});

describe('recording the meeting, as the deal’s AE', () => {
  const handoff = accepted(completeDraft(USER_ID));

  it('records it held now by default, with everyone required there: the exact write', async () => {
    const card = await loadCard(asAe, handoffRecord(handoff, { version: 5 }));
    expect(meetingForm(card)).toBeNull();
    await openMeeting(card);
    expect(byId(card, 'record-meeting')).toBeNull();
    expect(inMeetingForm(card, '[data-field="heldAt"]').value).toBe('2026-11-03T12:00:00Z');
    // An untouched form names no errors, but cannot be recorded yet.
    expect(inMeetingForm(card, '[data-id="problem"]')).toBeNull();
    expect(recordButton(card).disabled).toBe(true);

    await fillMeeting(card, {
      participants: ['csm', 'ae', 'sales_engineer'],
      agenda: FULL_AGENDA,
      asked: '4',
      answered: '4',
    });
    expect(inMeetingForm(card, '[data-id="absent"]')).toBeNull();
    expect(inMeetingForm(card, '[data-id="uncovered"]')).toBeNull();
    expect(recordButton(card).disabled).toBe(false);
    recordButton(card).click();
    await settle();

    const meeting = {
      heldAt: '2026-11-03T12:00:00Z',
      participants: ['ae', 'csm', 'sales_engineer'],
      agendaCovered: FULL_AGENDA,
      questionsAsked: 4,
      questionsAnswered: 4,
    };
    // The document as the card read it (the schema's key order), the meeting recorded on it.
    const read = handoffDocumentSchema.parse(handoff);
    const written = cardWrite({ ...read, meeting }, 5, DEFAULT_POLICY, NOW);
    expect(updateRecord.mock.calls[0]).toEqual([
      { fields: { Id: HANDOFF_ID, ...written.handoff } },
      { ifUnmodifiedSince: READ_AT },
    ]);
    const fields = updateRecord.mock.calls[0][0].fields;
    expect(JSON.parse(fields.Document_Json__c).meeting).toEqual(meeting);
    expect(fields).toMatchObject({
      Lifecycle_State__c: 'meeting_held',
      Meeting_Held_At__c: '2026-11-03T12:00:00Z',
      Document_Version__c: 6,
    });
    expect(updateRecord.mock.calls[1]).toEqual([
      { fields: { Id: OPPORTUNITY_ID, ...written.opportunity } },
    ]);
    expect(meetingForm(card)).toBeNull();

    await emitHandoff(
      afterUpdate(handoffRecord(handoff, { version: 5 }), fields, '2026-11-03T12:00:01.000Z'),
    );
    expect(checklistText(card, 'meeting-held')).toBe('Meeting held 2026-11-03 12:00 UTC.');
    expect(status(card, 'participants')).toBe('Done');
    expect(status(card, 'agenda_questions')).toBe('Done');
    expect(status(card, 'questions_answered')).toBe('Done');
    expect(participants(card)).toEqual([
      ['Account executive', 'Expected', 'Present'],
      ['Customer success manager', 'Expected', 'Present'],
      ['Sales engineer', 'Optional', 'Present'],
    ]);
    expect(checklistText(card, 'meeting-questions')).toBe('CS questions: 4 of 4 answered.');
    expect(byId(card, 'state').label).toBe('Handoff meeting held');
  });

  it('names a required participant who was not there, and records the meeting as the core does', async () => {
    const record = handoffRecord(handoff);
    const card = await loadCard(asAe, record);
    await openMeeting(card);
    await fillMeeting(card, {
      heldAt: '2026-11-03T09:30:00.000Z',
      participants: ['ae'],
      agenda: ['customer_overview', 'risks'],
      asked: '3',
      answered: '2',
    });
    expect(inMeetingForm(card, '[data-id="absent"]').textContent.trim()).toBe(
      'Expected but not present: Customer success manager. The quality score counts them missing.',
    );
    expect(inMeetingForm(card, '[data-id="uncovered"]').textContent.trim()).toBe(
      'Not covered: Stakeholders, Objectives and success criteria, Scope and commitments, Implementation, CS questions.',
    );
    expect(recordButton(card).disabled).toBe(false);
    recordButton(card).click();
    await settle();

    const fields = updateRecord.mock.calls[0][0].fields;
    expect(JSON.parse(fields.Document_Json__c).meeting).toEqual({
      heldAt: '2026-11-03T09:30:00Z',
      participants: ['ae'],
      agendaCovered: ['customer_overview', 'risks'],
      questionsAsked: 3,
      questionsAnswered: 2,
    });
    await emitHandoff(afterUpdate(record, fields, '2026-11-03T12:00:01.000Z'));
    expect(status(card, 'participants')).toBe('Not done');
    expect(status(card, 'agenda_risks')).toBe('Done');
    expect(status(card, 'agenda_stakeholders')).toBe('Not done');
    expect(status(card, 'questions_answered')).toBe('Not done');
    expect(participants(card)).toEqual([
      ['Account executive', 'Expected', 'Present'],
      ['Customer success manager', 'Expected', 'Absent'],
    ]);
  });

  it('says beside each field what the action schema refuses, naming the field', async () => {
    const card = await loadCard(asAe, handoffRecord(handoff));
    await openMeeting(card);
    await fillMeeting(card, {
      heldAt: '',
      participants: [],
      agenda: [],
      asked: '-1',
      answered: '',
    });
    expect(formError(card, 'heldAt')).toBe('Held at: expected an ISO date-time');
    expect(formError(card, 'participants')).toBe(
      'Participants present: pick who took part in the meeting',
    );
    expect(formError(card, 'questionsAsked')).toBe(
      'CS questions asked: expected a whole number of 0 or more',
    );
    expect(formError(card, 'questionsAnswered')).toBe(
      'CS questions answered: write how many, 0 if none',
    );
    expect(inMeetingForm(card, '[data-id="problem"]').textContent.trim()).toBe(
      'Fix before recording: meeting.heldAt: expected an ISO date-time; ' +
        'meeting.questionsAsked: expected a whole number of 0 or more; ' +
        'meeting.participants: pick who took part in the meeting; ' +
        'meeting.questionsAnswered: write how many, 0 if none',
    );
    expect(recordButton(card).disabled).toBe(true);

    await fillMeeting(card, {
      heldAt: '2026-11-03T10:00:00Z',
      participants: ['ae', 'csm'],
      agenda: [],
      asked: '2',
      answered: '3',
    });
    expect(formError(card, 'questionsAnswered')).toBe(
      'CS questions answered: CS asked 2: no more can have been answered',
    );
    expect(formError(card, 'heldAt')).toBeNull();
    expect(recordButton(card).disabled).toBe(true);
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('shows the core’s refusal of a meeting in the future, and writes nothing', async () => {
    const card = await loadCard(asAe, handoffRecord(handoff));
    await openMeeting(card);
    await fillMeeting(card, {
      heldAt: '2026-11-03T13:00:00Z',
      participants: ['ae', 'csm'],
      agenda: FULL_AGENDA,
      asked: '0',
      answered: '0',
    });
    recordButton(card).click();
    await settle();
    expect(updateRecord).not.toHaveBeenCalled();
    expect(textOf(card, 'refusal')).toContain('meeting.heldAt is in the future');
    expect(meetingForm(card)).not.toBeNull();
  });

  it('cancels without writing anything', async () => {
    const card = await loadCard(asAe, handoffRecord(handoff));
    await openMeeting(card);
    inMeetingForm(card, '[data-id="cancel"]').click();
    await settle();
    expect(meetingForm(card)).toBeNull();
    expect(byId(card, 'record-meeting')).not.toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('starts again from the meeting already recorded', async () => {
    const meeting = {
      heldAt: '2026-11-03T09:00:00Z',
      participants: ['ae'],
      agendaCovered: ['risks'],
      questionsAsked: 2,
      questionsAnswered: 1,
    };
    const card = await loadCard(asAe, handoffRecord({ ...handoff, meeting }));
    await openMeeting(card);
    const value = (field) => inMeetingForm(card, `[data-field="${field}"]`).value;
    expect([
      value('heldAt'),
      value('participants'),
      value('agendaCovered'),
      value('questionsAsked'),
      value('questionsAnswered'),
    ]).toEqual(['2026-11-03T09:00:00Z', ['ae'], ['risks'], '2', '1']);
  });
});

describe('who may record the meeting: the core decides', () => {
  it('lets the assigned CSM record it once they accepted, and saves it the same way', async () => {
    const handoff = accepted(completeDraft(OTHER_AE_ID));
    const card = await loadCard(asCsm, handoffRecord(handoff));
    await openMeeting(card);
    await fillMeeting(card, {
      participants: ['ae', 'csm'],
      agenda: FULL_AGENDA,
      asked: '1',
      answered: '1',
    });
    recordButton(card).click();
    await settle();
    const fields = updateRecord.mock.calls[0][0].fields;
    expect(fields.Lifecycle_State__c).toBe('meeting_held');
    expect(fields.Owner_Side__c).toBe('receiver');
    expect(JSON.parse(fields.Document_Json__c).meeting.participants).toEqual(['ae', 'csm']);
  });

  it('shows the checklist, but no way to record it, to someone on neither side', async () => {
    const handoff = accepted(completeDraft(OTHER_AE_ID));
    const card = await loadCard(
      opportunityRecord({ ownerId: OTHER_AE_ID, csmId: OTHER_CSM_ID }),
      handoffRecord(handoff),
    );
    expect(checklistText(card, 'meeting-held')).toBe(
      'The handoff meeting has not been recorded yet.',
    );
    expect(byId(card, 'record-meeting')).toBeNull();
    expect(meetingForm(card)).toBeNull();
  });

  it('offers nobody the form once the handoff is completed', async () => {
    const handoff = accepted(completeDraft(USER_ID));
    const done = {
      ...handoff,
      timeline: { ...handoff.timeline, completedAt: '2026-11-03T11:00:00Z' },
    };
    const card = await loadCard(asAe, handoffRecord(done));
    expect(byId(card, 'state').label).toBe('Completed');
    expect(byId(card, 'record-meeting')).toBeNull();
  });

  it('holds the button while a section is being edited', async () => {
    const card = await loadCard(asAe, handoffRecord(accepted(completeDraft(USER_ID))));
    expect(byId(card, 'record-meeting').disabled).toBe(false);
    const objectives = card.shadowRoot.querySelector('[data-section="objectives"]');
    objectives.shadowRoot.querySelector('[data-id="edit"]').click();
    await settle();
    expect(byId(card, 'record-meeting').disabled).toBe(true);
  });
});

describe('a meeting recorded over a handoff someone else saved since', () => {
  it('shows the conflict, keeps the form and holds it until a reload', async () => {
    updateRecord.mockRejectedValueOnce(STALE_SAVE);
    const handoff = accepted(completeDraft(USER_ID));
    const card = await loadCard(asAe, handoffRecord(handoff));
    await openMeeting(card);
    await fillMeeting(card, {
      participants: ['ae', 'csm'],
      agenda: FULL_AGENDA,
      asked: '0',
      answered: '0',
    });
    recordButton(card).click();
    await settle();

    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord.mock.calls[0][1]).toEqual({ ifUnmodifiedSince: READ_AT });
    expect(textOf(card, 'conflict')).toContain('Someone else saved this handoff');
    expect(meetingForm(card)).not.toBeNull();
    expect(recordButton(card).disabled).toBe(true);

    byId(card, 'reload').click();
    await settle();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
      { recordId: HANDOFF_ID },
      { recordId: OPPORTUNITY_ID },
    ]);
    await emitHandoff(handoffRecord(handoff, { version: 4, modified: '2026-11-03T11:59:00.000Z' }));
    expect(byId(card, 'conflict')).toBeNull();
    expect(recordButton(card).disabled).toBe(false);
    recordButton(card).click();
    await settle();
    expect(updateRecord).toHaveBeenCalledTimes(3);
    expect(updateRecord.mock.calls[1][0].fields.Document_Version__c).toBe(5);
    expect(updateRecord.mock.calls[1][1]).toEqual({
      ifUnmodifiedSince: '2026-11-03T11:59:00.000Z',
    });
  });
});
