// Two people on one handoff: a save over a record someone else changed since the card read it is
// refused by Salesforce (ifUnmodifiedSince), and the card says so instead of overwriting.
import { notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import {
  HANDOFF_ID,
  OPPORTUNITY_ID,
  USER_ID,
  completeDraft,
  handoffRecord,
  opportunityRecord,
  submitted,
} from './data/records';
import {
  button,
  buttons,
  byId,
  emitHandoff,
  loadCard,
  settle,
  textOf,
  cardSuite,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const asAe = opportunityRecord({ ownerId: USER_ID });

/** What Lightning Data Service rejects with when the record changed after `ifUnmodifiedSince`. */
const STALE = {
  status: 412,
  statusText: 'Precondition Failed',
  body: [
    {
      errorCode: 'ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE_CHECK',
      message: 'The record was modified after the time you specified.',
    },
  ],
};

cardSuite(NOW);

describe('a save over a handoff someone else changed', () => {
  it('shows the conflict, writes nothing more and holds the actions until a reload', async () => {
    updateRecord.mockRejectedValueOnce(STALE);
    const card = await loadCard(asAe, handoffRecord(completeDraft(USER_ID)));
    button(card, 'submit').click();
    await settle();

    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(textOf(card, 'conflict')).toContain('Someone else saved this handoff');
    expect(byId(card, 'refusal')).toBeNull();
    expect(buttons(card).every((b) => b.disabled)).toBe(true);
  });

  it('reloads the handoff and the Opportunity, and acts again on what it then reads', async () => {
    updateRecord.mockRejectedValueOnce(STALE);
    const card = await loadCard(asAe, handoffRecord(completeDraft(USER_ID)));
    button(card, 'submit').click();
    await settle();

    byId(card, 'reload').click();
    await settle();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
      { recordId: HANDOFF_ID },
      { recordId: OPPORTUNITY_ID },
    ]);
    // What the other person saved: they submitted it already.
    await emitHandoff(
      handoffRecord(submitted(completeDraft(USER_ID)), {
        version: 4,
        modified: '2026-11-03T11:59:00.000Z',
      }),
    );
    expect(byId(card, 'conflict')).toBeNull();
    expect(byId(card, 'state').label).toBe('Submitted to the receiver');
    expect(buttons(card).map((b) => b.action)).not.toContain('submit');
  });

  it("shows any other refusal in Salesforce's words, and keeps the actions", async () => {
    updateRecord.mockRejectedValueOnce({
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [],
          fieldErrors: {
            Completeness__c: [
              { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Completeness is locked' },
            ],
          },
        },
      },
    });
    const card = await loadCard(asAe, handoffRecord(completeDraft(USER_ID)));
    button(card, 'submit').click();
    await settle();
    expect(byId(card, 'conflict')).toBeNull();
    expect(textOf(card, 'refusal')).toContain('Completeness is locked');
    expect(buttons(card).every((b) => !b.disabled)).toBe(true);
  });

  it('says the Opportunity fields lag when only their update fails', async () => {
    updateRecord.mockResolvedValueOnce({}).mockRejectedValueOnce({
      status: 403,
      body: [
        { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights' },
      ],
    });
    const card = await loadCard(asAe, handoffRecord(completeDraft(USER_ID)));
    button(card, 'submit').click();
    await settle();
    expect(updateRecord).toHaveBeenCalledTimes(2);
    expect(textOf(card, 'refusal')).toContain(
      "The handoff is saved, but the Opportunity's Baton fields were not updated: insufficient access rights",
    );
  });
});
