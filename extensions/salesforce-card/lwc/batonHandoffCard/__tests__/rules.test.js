// The card runs a handoff by the rules the backend stored on it (Handoff_Rules__c: the org's
// template and calendar): the minimum to submit, the clocks, who may edit, and the scores it
// writes. Stored rules it cannot use leave it on Baton's defaults, with a note; none at all (a
// handoff from before rules were stored) leave it on the defaults without one.
import { updateRecord } from 'lightning/uiRecordApi';
import { DEFAULT_POLICY, analyzeHandoff } from 'c/batonCore';
import {
  USER_ID,
  completeDraft,
  handoffRecord,
  opportunityRecord,
  thinDraft,
} from './data/records';
import { storedRules } from './data/rules';
import {
  button,
  buttons,
  byId,
  loadCard,
  pressInSection,
  sectionButton,
  settle,
  textOf,
  typeInto,
  unmountAll,
  cardSuite,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const asAe = opportunityRecord({ ownerId: USER_ID });

/** The complete draft with two required items left out: 23 of 25, 92 %. */
function nearlyComplete() {
  const draft = completeDraft(USER_ID);
  return {
    ...draft,
    objectives: { ...draft.objectives, roiExpectation: null },
    technical: { ...draft.technical, securityCompliance: 'TBD' },
  };
}
const LEFT_OUT = ['objectives.roiExpectation', 'technical.securityCompliance'];

cardSuite(NOW);

describe("an org's minimum completeness", () => {
  const draft = nearlyComplete();

  it('is submitted under the default minimum at 92 %', async () => {
    expect(analyzeHandoff(draft, DEFAULT_POLICY, NOW).completeness.score).toBe(92);
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(buttons(card).map((b) => b.action)).toContain('submit');
    expect(byId(card, 'blocked-submit')).toBeNull();
  });

  it('blocks submit below an org minimum of 95, naming it', async () => {
    const rules = storedRules({ template: { minimumCompleteness: 95 } });
    const card = await loadCard(asAe, handoffRecord(draft, { rules }));
    expect(buttons(card).map((b) => b.action)).not.toContain('submit');
    expect(byId(card, 'blocked-submit').disabled).toBe(true);
    expect(textOf(card, 'submit-blocked')).toBe(
      'Cannot submit yet: completeness is 92%, and submitting needs 95%: ' +
        'fill in 2 missing item(s) first',
    );
    expect(textOf(card, 'completeness')).toBe(
      '92% complete: 23 of 25 items filled; submitting needs 95%',
    );
    expect(byId(card, 'rules-note')).toBeNull();
  });

  it("scores, and writes, completeness over the org's required items", async () => {
    const requiredItems = DEFAULT_POLICY.templates.sales_to_cs.requiredItems.filter(
      (path) => !LEFT_OUT.includes(path),
    );
    const rules = storedRules({ template: { requiredItems } });
    const card = await loadCard(asAe, handoffRecord(draft, { rules }));
    expect(textOf(card, 'completeness')).toBe(
      '100% complete: 23 of 23 items filled; submitting needs 80%',
    );

    await pressInSection(card, 'customerContext', 'edit');
    await typeInto(card, 'customerContext', { field: 'size' }, '900 staff');
    await pressInSection(card, 'customerContext', 'save');

    const handoff = updateRecord.mock.calls[0][0].fields;
    expect(handoff).toMatchObject({ Completeness__c: 100, Missing_Items__c: '' });
    // The rules are the backend's to write: the card's save leaves them as they are.
    expect(handoff).not.toHaveProperty('Handoff_Rules__c');
    expect(updateRecord.mock.calls[1][0].fields).toMatchObject({ Baton_Completeness__c: 100 });
  });
});

describe("an org's sending side", () => {
  it('gives an AE no edit and no action when only sales managers send', async () => {
    const rules = storedRules({ template: { senderRoles: ['sales_manager'] } });
    const card = await loadCard(asAe, handoffRecord(completeDraft(USER_ID), { rules }));
    expect(buttons(card)).toEqual([]);
    expect(sectionButton(card, 'customerContext', 'edit')).toBeNull();
    expect(textOf(card, 'next-action')).toBe('Nothing for you to do on this handoff now.');
  });
});

describe("an org's calendar", () => {
  /** When a clock is due, as its row shows it. */
  function dueOf(card, clock) {
    const row = byId(card, 'sla-clocks').querySelector(`li[data-clock="${clock}"]`);
    return row.querySelector('.slds-text-body_small').textContent.trim();
  }

  it('counts business days: a Friday close is due after the weekend', async () => {
    // The thin example closed won on Friday 2026-11-20 at 16:30 UTC.
    jest.setSystemTime(Date.parse('2026-11-23T12:00:00Z'));
    const draft = thinDraft(USER_ID);
    const calendarHours = await loadCard(asAe, handoffRecord(draft));
    expect(dueOf(calendarHours, 'handoff_meeting')).toBe('Due 2026-11-22 16:30 UTC · Done —');
    expect(byId(calendarHours, 'sla-state').label).toBe('SLA breached');
    unmountAll();

    const rules = storedRules({
      calendar: { timeBasis: 'business_days', workingDays: [1, 2, 3, 4, 5], timeZone: 'UTC' },
    });
    const businessDays = await loadCard(asAe, handoffRecord(draft, { rules }));
    expect(dueOf(businessDays, 'handoff_meeting')).toBe('Due 2026-11-24 16:30 UTC · Done —');
    expect(byId(businessDays, 'sla-state').label).not.toBe('SLA breached');
  });
});

describe('stored rules the card cannot use', () => {
  it.each([
    ['cut short', '{"handoffType":', 'the stored handoff rules are not JSON'],
    ['without a type', '{"template":{}}', 'the stored handoff rules name no handoff type'],
    [
      'asking for 150 %',
      storedRules({ template: { minimumCompleteness: 150 } }),
      'the stored handoff rules are no longer valid',
    ],
  ])('rules %s: notes the default rules, and runs by them', async (_case, rules, problem) => {
    const card = await loadCard(asAe, handoffRecord(nearlyComplete(), { rules }));
    expect(textOf(card, 'rules-note')).toBe(`Scored by Baton's default rules: ${problem}.`);
    expect(textOf(card, 'completeness')).toBe(
      '92% complete: 23 of 25 items filled; submitting needs 80%',
    );
    // The note blocks nothing: the default minimum lets the AE submit.
    button(card, 'submit').click();
    await settle();
    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Lifecycle_State__c: 'submitted',
    });
  });

  it.each([null, ''])('says nothing for a handoff with no stored rules (%p)', async (rules) => {
    const card = await loadCard(asAe, handoffRecord(nearlyComplete(), { rules }));
    expect(byId(card, 'rules-note')).toBeNull();
    expect(textOf(card, 'completeness')).toBe(
      '92% complete: 23 of 25 items filled; submitting needs 80%',
    );
  });
});
