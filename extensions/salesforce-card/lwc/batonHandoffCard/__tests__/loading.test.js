// The card before and around a handoff: loading, no handoff yet, and what it says when the data
// cannot be read.
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import {
  HANDOFF_ID,
  OPPORTUNITY_ID,
  USER_ID,
  completeDraft,
  handoffList,
  handoffRecord,
  opportunityRecord,
} from './data/records';
import {
  byId,
  emitOpportunity,
  loadCard,
  mountCard,
  settle,
  textOf,
  cardSuite,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');

cardSuite(NOW);

describe('the handoff card while it loads', () => {
  it('shows a spinner until the Opportunity and its handoffs have arrived', async () => {
    const card = await mountCard();
    expect(byId(card, 'loading')).not.toBeNull();
    await emitOpportunity(opportunityRecord({ ownerId: USER_ID }));
    expect(byId(card, 'loading')).not.toBeNull();
  });

  it('keeps the spinner until the handoff itself has arrived, then shows it', async () => {
    const card = await mountCard();
    await emitOpportunity(opportunityRecord({ ownerId: USER_ID }));
    getRelatedListRecords.emit(handoffList({ [HANDOFF_ID]: '2026-11-02T10:00:00.000Z' }));
    await settle();
    expect(byId(card, 'loading')).not.toBeNull();
    getRecord.emit(
      handoffRecord(completeDraft(USER_ID)),
      (config) => config.recordId === HANDOFF_ID,
    );
    await settle();
    expect(byId(card, 'loading')).toBeNull();
    expect(textOf(card, 'ownership')).toBe('AE owns the customer until CS accepts');
  });

  it("finds the handoff among the Opportunity's handoffs, the newest of several", async () => {
    await mountCard();
    await emitOpportunity(opportunityRecord({ ownerId: USER_ID }));
    const configs = [];
    getRelatedListRecords.emit(
      handoffList({
        [HANDOFF_ID]: '2026-11-02T10:00:00.000Z',
        a01000000000000OLD: '2026-10-27T10:00:00.000Z',
      }),
      (config) => {
        configs.push(config);
        return config.relatedListId === 'Baton_Handoffs__r';
      },
    );
    await settle();
    expect(configs).toContainEqual(
      expect.objectContaining({
        parentRecordId: OPPORTUNITY_ID,
        relatedListId: 'Baton_Handoffs__r',
      }),
    );
    expect(getRecord.getLastConfig()).toMatchObject({ recordId: HANDOFF_ID });
  });
});

describe('the handoff card without a handoff', () => {
  it('says the handoff starts when the Opportunity is won', async () => {
    const card = await loadCard(opportunityRecord({ ownerId: USER_ID }), null);
    expect(byId(card, 'loading')).toBeNull();
    expect(textOf(card, 'no-handoff')).toContain(
      'The handoff starts by itself when the Opportunity moves to a won stage.',
    );
  });
});

describe('the handoff card when the data cannot be read', () => {
  it("shows Salesforce's message when the Opportunity cannot be read", async () => {
    const card = await mountCard();
    getRecord.error(
      [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'You do not have access to this record.' }],
      403,
      'Forbidden',
    );
    await settle();
    expect(textOf(card, 'load-error')).toContain('You do not have access to this record.');
  });

  it('refuses a stored document that no longer validates, naming the field', async () => {
    const broken = { ...completeDraft(USER_ID), commitments: [{ status: 'someday' }] };
    const card = await loadCard(opportunityRecord({ ownerId: USER_ID }), handoffRecord(broken));
    expect(textOf(card, 'load-error')).toContain('commitments[0].status');
    expect(byId(card, 'next-action')).toBeNull();
  });

  it('refuses a stored document that is not JSON', async () => {
    const card = await loadCard(opportunityRecord({ ownerId: USER_ID }), handoffRecord('{"deal":'));
    expect(textOf(card, 'load-error')).toContain('The stored handoff document is not valid JSON.');
  });
});
