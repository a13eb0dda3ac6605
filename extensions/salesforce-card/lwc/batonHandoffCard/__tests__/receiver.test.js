// The card as the assigned CSM sees a submitted handoff: accept it (ownership moves to CS) or
// send it back with named gaps.
import { updateRecord } from 'lightning/uiRecordApi';
import {
  OTHER_AE_ID,
  OTHER_CSM_ID,
  USER_ID,
  afterUpdate,
  handoffRecord,
  opportunityRecord,
  submitted,
  thinDraft,
  completeDraft,
} from './data/records';
import {
  button,
  buttons,
  byId,
  emitHandoff,
  inReturnForm,
  listItems,
  loadCard,
  returnForm,
  settle,
  textOf,
  cardSuite,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
/** The user is the Opportunity's assigned CSM; another AE owns the deal. */
const asCsm = opportunityRecord({ ownerId: OTHER_AE_ID, csmId: USER_ID });

cardSuite(NOW);

describe('a submitted handoff, seen by the assigned CSM', () => {
  const handoff = submitted(completeDraft(OTHER_AE_ID));

  it('offers accept first, and both ways of sending it back', async () => {
    const card = await loadCard(asCsm, handoffRecord(handoff));
    expect(textOf(card, 'next-action')).toBe('Next for you: Accept the handoff');
    expect(buttons(card).map((b) => [b.action, b.variant])).toEqual([
      ['accept', 'brand'],
      ['return:needs_revision', 'neutral'],
      ['return:rejected', 'destructive'],
    ]);
    expect(byId(card, 'blocked-submit')).toBeNull();
  });

  it('knows the CSM from the handoff record too, when the Opportunity names nobody', async () => {
    const card = await loadCard(
      opportunityRecord({ ownerId: OTHER_AE_ID }),
      handoffRecord(handoff, { receiverId: USER_ID.slice(0, 15) }),
    );
    expect(buttons(card).map((b) => b.action)).toContain('accept');
  });

  it('leaves the decision to the assigned CSM, not another user', async () => {
    const card = await loadCard(
      opportunityRecord({ ownerId: OTHER_AE_ID, csmId: OTHER_CSM_ID }),
      handoffRecord(handoff),
    );
    expect(buttons(card).map((b) => b.action)).not.toContain('accept');
  });

  it('accepts it: ownership moves to CS, stamped with who and when', async () => {
    const record = handoffRecord(handoff, { version: 7 });
    const card = await loadCard(asCsm, record);
    button(card, 'accept').click();
    await settle();

    const fields = updateRecord.mock.calls[0][0].fields;
    expect(fields).toMatchObject({
      Lifecycle_State__c: 'accepted',
      Review_Status__c: 'accepted',
      Owner_Side__c: 'receiver',
      Accepted_By__c: USER_ID,
      Accepted_At__c: '2026-11-03T12:00:00Z',
      Document_Version__c: 8,
    });
    expect(updateRecord.mock.calls[1][0].fields).toMatchObject({
      Baton_Status__c: 'accepted',
      Baton_Owner_Side__c: 'receiver',
      Baton_Handoff_Date__c: '2026-11-03T12:00:00Z',
    });

    // Lightning Data Service hands the card the saved record.
    await emitHandoff(afterUpdate(record, fields, '2026-11-03T12:00:01.000Z'));
    expect(textOf(card, 'ownership')).toBe('CS owns the customer (accepted from AE)');
    expect(byId(card, 'state').label).toBe('Accepted');
    expect(byId(card, 'lifecycle').currentStep).toBe('accepted');
    expect(buttons(card).map((b) => b.action)).not.toContain('accept');
    expect(buttons(card).map((b) => b.action)).toContain('mark:first_cs_contact');
  });
});

describe('sending a handoff back', () => {
  const handoff = submitted(thinDraft(OTHER_AE_ID));

  it('asks for named gaps, from the missing items or typed, before it sends', async () => {
    const card = await loadCard(asCsm, handoffRecord(handoff));
    button(card, 'return:needs_revision').click();
    await settle();

    expect(inReturnForm(card, 'return-form')).not.toBeNull();
    expect(inReturnForm(card, 'send-return').label).toBe('Ask for revision');
    expect(inReturnForm(card, 'send-return').disabled).toBe(true);
    const options = inReturnForm(card, 'picked-gaps').options.map((option) => option.value);
    expect(options).toContain('Business challenge');

    inReturnForm(card, 'picked-gaps').dispatchEvent(
      new CustomEvent('change', { detail: { value: ['Business challenge'] } }),
    );
    inReturnForm(card, 'typed-gaps').dispatchEvent(
      new CustomEvent('change', {
        detail: { value: 'Pricing call notes\n\nBusiness challenge\n' },
      }),
    );
    await settle();
    expect(inReturnForm(card, 'send-return').disabled).toBe(false);

    inReturnForm(card, 'send-return').click();
    await settle();

    const fields = updateRecord.mock.calls[0][0].fields;
    expect(fields).toMatchObject({
      Lifecycle_State__c: 'needs_revision',
      Review_Status__c: 'needs_revision',
      Owner_Side__c: 'sender',
      Gaps__c: 'Business challenge\nPricing call notes',
      Returns__c: 1,
      Returned_At__c: '2026-11-03T12:00:00Z',
    });
    expect(returnForm(card)).toBeNull();
  });

  it('rejects with the destructive button, and cancelling sends nothing', async () => {
    const card = await loadCard(asCsm, handoffRecord(handoff));
    button(card, 'return:rejected').click();
    await settle();
    expect(inReturnForm(card, 'send-return').label).toBe('Reject');
    expect(inReturnForm(card, 'send-return').variant).toBe('destructive');
    inReturnForm(card, 'cancel-return').click();
    await settle();
    expect(returnForm(card)).toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('shows the returned gaps to the CSM too once saved', async () => {
    const record = handoffRecord(handoff);
    const card = await loadCard(asCsm, record);
    button(card, 'return:rejected').click();
    await settle();
    inReturnForm(card, 'typed-gaps').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'No signed order form' } }),
    );
    await settle();
    inReturnForm(card, 'send-return').click();
    await settle();
    await emitHandoff(
      afterUpdate(record, updateRecord.mock.calls[0][0].fields, '2026-11-03T12:00:01.000Z'),
    );
    expect(textOf(card, 'returned')).toContain('Rejected by CS');
    expect(listItems(card, 'returned-gaps')).toEqual(['No signed order form']);
  });
});
