// The card as a CS manager sees it (the Baton_CS_Manager custom permission): approving a
// pre-close request, and settling a returned handoff as the named arbiter.
import { updateRecord } from 'lightning/uiRecordApi';
import {
  OTHER_AE_ID,
  USER_ID,
  completeDraft,
  handoffRecord,
  opportunityRecord,
  returned,
} from './data/records';
import { button, buttons, byId, loadCard, settle, textOf, cardSuite } from './data/mount';

jest.mock('@salesforce/customPermission/Baton_CS_Manager', () => ({
  __esModule: true,
  default: true,
}));

const NOW = Date.parse('2026-11-03T12:00:00Z');
const opportunity = opportunityRecord({ ownerId: OTHER_AE_ID });

cardSuite(NOW);

describe('a pre-close request, seen by a CS manager', () => {
  const request = { ...completeDraft(OTHER_AE_ID), handoffType: 'pre_close' };

  it('waits for the approval, and offers it first', async () => {
    const card = await loadCard(opportunity, handoffRecord(request));
    expect(byId(card, 'state').label).toBe('Awaiting CS manager approval');
    expect(byId(card, 'lifecycle').currentStep).toBe('draft');
    expect(textOf(card, 'next-action')).toBe('Next for you: Approve the pre-close handoff');
    expect(buttons(card)[0]).toMatchObject({ action: 'approve', variant: 'brand' });
  });

  it('approves it, stamped with who and when', async () => {
    const card = await loadCard(opportunity, handoffRecord(request));
    button(card, 'approve').click();
    await settle();
    const fields = updateRecord.mock.calls[0][0].fields;
    expect(fields.Lifecycle_State__c).toBe('draft');
    expect(JSON.parse(fields.Document_Json__c).review).toEqual({
      approvedAt: '2026-11-03T12:00:00Z',
      approvedBy: USER_ID,
    });
  });
});

describe('a returned handoff, seen by a CS manager', () => {
  it('settles the dispute as accepted', async () => {
    const card = await loadCard(
      opportunity,
      handoffRecord(returned(completeDraft(OTHER_AE_ID), ['Stakeholder map is thin'])),
    );
    expect(buttons(card).map((b) => b.label)).toContain('Settle as accepted');
    button(card, 'arbitrate').click();
    await settle();
    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Lifecycle_State__c: 'accepted',
      Owner_Side__c: 'receiver',
      Accepted_By__c: USER_ID,
    });
  });
});
