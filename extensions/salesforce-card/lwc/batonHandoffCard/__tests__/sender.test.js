// The card as the AE sees it: a draft below the minimum cannot be submitted (and says why), a
// complete one is submitted through the UI API, and a returned one shows the gaps CS named.
import { updateRecord } from 'lightning/uiRecordApi';
import { DEFAULT_POLICY, analyzeHandoff } from 'c/batonCore';
import {
  HANDOFF_ID,
  OPPORTUNITY_ID,
  OTHER_AE_ID,
  READ_AT,
  USER_ID,
  completeDraft,
  handoffRecord,
  opportunityRecord,
  returned,
  thinDraft,
} from './data/records';
import {
  button,
  buttons,
  byId,
  inSection,
  listItems,
  loadCard,
  settle,
  textOf,
  cardSuite,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const asAe = opportunityRecord({ ownerId: USER_ID });

cardSuite(NOW);

describe('a draft below the minimum, seen by its AE', () => {
  const draft = thinDraft(USER_ID);
  const { completeness } = analyzeHandoff(draft, DEFAULT_POLICY, NOW);

  it('shows submit disabled, with the reason', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(completeness.score).toBeLessThan(80);
    expect(byId(card, 'blocked-submit').disabled).toBe(true);
    expect(textOf(card, 'submit-blocked')).toBe(
      `Cannot submit yet: completeness is ${completeness.score}%, and submitting needs 80%: ` +
        `fill in ${completeness.missing.length} missing item(s) first`,
    );
    expect(buttons(card).map((b) => b.action)).not.toContain('submit');
  });

  it('lists every missing item by category, and the completeness against the minimum', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    const missing = listItems(card, 'missing-items');
    expect(missing).toHaveLength(completeness.missing.length);
    expect(missing).toContain('Customer context: Business challenge');
    expect(missing).toContain('Stakeholder map: Executive sponsor: name and title');
    expect(textOf(card, 'completeness')).toBe(
      `${completeness.score}% complete: ${completeness.filled} of ${completeness.required} items filled; submitting needs 80%`,
    );
  });

  it('says who owns the customer and where the handoff is', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(textOf(card, 'ownership')).toBe('AE owns the customer until CS accepts');
    expect(byId(card, 'state').label).toBe('Draft');
    expect(byId(card, 'lifecycle').currentStep).toBe('draft');
    expect(byId(card, 'lifecycle').hasError).toBe(false);
  });

  it('shows the stakeholders and the commitment log from the document', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(inSection(card, 'stakeholders', '[data-id="rows"]').data).toEqual([
      expect.objectContaining({ role: 'Champion', name: 'Maria Chen', title: '' }),
    ]);
    expect(inSection(card, 'commitments', '[data-id="rows"]').data).toEqual([
      expect.objectContaining({
        type: 'verbal',
        description: 'Free onboarding for the front-desk staff',
        inContract: 'No',
        status: 'open',
      }),
    ]);
  });

  it('offers nothing to another AE who does not own the deal', async () => {
    const card = await loadCard(asAe, handoffRecord(thinDraft(OTHER_AE_ID)));
    expect(byId(card, 'blocked-submit')).toBeNull();
    expect(buttons(card)).toEqual([]);
    expect(textOf(card, 'next-action')).toBe('Nothing for you to do on this handoff now.');
  });
});

describe('a complete draft, seen by its AE', () => {
  it('submits it through updateRecord, over the record it read, and updates the Opportunity', async () => {
    const card = await loadCard(asAe, handoffRecord(completeDraft(USER_ID), { version: 3 }));
    expect(textOf(card, 'next-action')).toBe('Next for you: Submit the handoff');
    expect(buttons(card)).toContainEqual({
      action: 'submit',
      label: 'Submit the handoff',
      variant: 'brand',
      disabled: false,
    });

    button(card, 'submit').click();
    await settle();

    expect(updateRecord).toHaveBeenCalledTimes(2);
    const [handoffInput, options] = updateRecord.mock.calls[0];
    expect(options).toEqual({ ifUnmodifiedSince: READ_AT });
    expect(handoffInput.fields).toMatchObject({
      Id: HANDOFF_ID,
      Lifecycle_State__c: 'submitted',
      Review_Status__c: 'pending',
      Owner_Side__c: 'sender',
      Document_Version__c: 4,
      Completeness__c: 100,
      Submitted_At__c: '2026-11-03T12:00:00Z',
    });
    expect(JSON.parse(handoffInput.fields.Document_Json__c).timeline).toEqual({
      submittedAt: '2026-11-03T12:00:00Z',
    });
    // The backend's links and assignments are not the card's to write.
    expect(handoffInput.fields).not.toHaveProperty('Record_Links__c');
    expect(handoffInput.fields).not.toHaveProperty('Receiver_Owner_Id__c');
    expect(updateRecord.mock.calls[1][0].fields).toMatchObject({
      Id: OPPORTUNITY_ID,
      Baton_Status__c: 'submitted',
      Baton_Completeness__c: 100,
      Baton_Owner_Side__c: 'sender',
    });
  });
});

describe('a handoff returned with gaps, seen by its AE', () => {
  const gaps = ['Economic buyer has no title', 'ROI expectation is a guess'];

  it('shows the gaps CS named, on the submitted step marked as an error', async () => {
    const card = await loadCard(asAe, handoffRecord(returned(completeDraft(USER_ID), gaps)));
    expect(textOf(card, 'returned')).toContain('CS asked for a revision');
    expect(listItems(card, 'returned-gaps')).toEqual(gaps);
    expect(byId(card, 'state').label).toBe('Returned: needs revision');
    expect(byId(card, 'lifecycle').currentStep).toBe('submitted');
    expect(byId(card, 'lifecycle').hasError).toBe(true);
    expect(textOf(card, 'ownership')).toBe('AE owns the customer until CS accepts');
  });

  it('lets the AE resubmit once the gaps are fixed', async () => {
    const card = await loadCard(asAe, handoffRecord(returned(completeDraft(USER_ID), gaps)));
    button(card, 'submit').click();
    await settle();
    const written = JSON.parse(updateRecord.mock.calls[0][0].fields.Document_Json__c);
    expect(written.review).toMatchObject({ status: 'pending', gaps, rejections: 1 });
    expect(written.timeline.submittedAt).toBe('2026-11-03T12:00:00Z');
  });
});
