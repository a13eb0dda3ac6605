// The AE edits the rest of the document on the Opportunity, as on the HubSpot card: the
// implementation plan (dates and notes, and its milestones as rows), the commercial terms (the
// contract value read as an amount) and the risk register (the churn risk a choice), each checked
// by the core's schema as typed and saved with the rest of the document as the backend writes it.
import { updateRecord } from 'lightning/uiRecordApi';
import { DEFAULT_POLICY } from 'c/batonCore';
import {
  USER_ID,
  completeDraft,
  handoffRecord,
  opportunityRecord,
  thinDraft,
} from './data/records';
import { storedRules } from './data/rules';
import {
  errorBeside,
  inSection,
  loadCard,
  pressInSection,
  rowKeys,
  sectionButton,
  sectionGaps,
  settle,
  textOf,
  typeInto,
  cardSuite,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const asAe = opportunityRecord({ ownerId: USER_ID });
const written = () => JSON.parse(updateRecord.mock.calls[0][0].fields.Document_Json__c);

/** The saved values a section of fields shows, by field. */
function shownValues(card, key) {
  return Object.fromEntries(
    [...inSection(card, key, '[data-id="values"]').querySelectorAll('[data-field]')].map((div) => [
      div.dataset.field,
      div.querySelector('dd').textContent,
    ]),
  );
}

cardSuite(NOW);

describe('the implementation plan', () => {
  const draft = completeDraft(USER_ID);

  it('shows the dates and notes, then edits them as one-line dates and text areas', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(shownValues(card, 'implementation')).toMatchObject({
      startDate: '2026-11-16',
      goLiveDate: '2027-02-15',
      dependencies: 'McLeod API license upgrade on the customer side',
    });
    await pressInSection(card, 'implementation', 'edit');
    const start = inSection(card, 'implementation', 'lightning-input[data-field="startDate"]');
    expect([start.label, start.value, start.placeholder]).toEqual([
      'Implementation start date',
      '2026-11-16',
      'YYYY-MM-DD',
    ]);
    expect(
      inSection(card, 'implementation', 'lightning-textarea[data-field="timelineRisks"]').value,
    ).toBe('Holiday freeze from Dec 20 to Jan 5');
  });

  it('names a go-live date that is not a date, and will not save it', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'implementation', 'edit');
    await typeInto(card, 'implementation', { field: 'goLiveDate' }, 'mid February');
    expect(errorBeside(card, 'implementation', { field: 'goLiveDate' })).toBe(
      'Go-live date: expected a date (YYYY-MM-DD)',
    );
    expect(sectionButton(card, 'implementation', 'save').disabled).toBe(true);
  });

  it('saves the dates and notes, keeping the milestones', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'implementation', 'edit');
    await typeInto(card, 'implementation', { field: 'goLiveDate' }, ' 2027-03-01 ');
    await typeInto(card, 'implementation', { field: 'dependencies' }, '   ');
    await pressInSection(card, 'implementation', 'save');
    expect(written().implementation).toEqual({
      ...draft.implementation,
      goLiveDate: '2027-03-01',
      dependencies: null,
    });
  });
});

describe('the milestones', () => {
  // An org that requires a milestone: the gap shows above the list and follows what is typed.
  const rules = storedRules({
    template: {
      requiredItems: [
        ...DEFAULT_POLICY.templates.sales_to_cs.requiredItems,
        'implementation.milestones',
      ],
    },
  });
  const draft = thinDraft(USER_ID);

  it('adds a milestone: the gap goes once it has a name and a date, and it is saved in the plan', async () => {
    const card = await loadCard(asAe, handoffRecord(draft, { rules }));
    expect(textOf(card, 'completeness')).toMatch(/ of 26 items filled/);
    expect(inSection(card, 'milestones', '[data-id="empty"]').textContent).toBe(
      'No milestones planned yet.',
    );
    expect(sectionGaps(card, 'milestones')).toEqual([
      'At least one milestone with a name and date',
    ]);

    await pressInSection(card, 'milestones', 'edit');
    await pressInSection(card, 'milestones', 'add');
    expect(rowKeys(card, 'milestones')).toEqual(['row-0']);
    await typeInto(card, 'milestones', { row: 'row-0', field: 'name' }, 'First clinic live');
    expect(sectionGaps(card, 'milestones')).toHaveLength(1);
    await typeInto(card, 'milestones', { row: 'row-0', field: 'date' }, '2026-12-07');
    expect(sectionGaps(card, 'milestones')).toEqual([]);

    await pressInSection(card, 'milestones', 'save');
    expect(written().implementation).toEqual({
      milestones: [{ name: 'First clinic live', date: '2026-12-07' }],
    });
    expect(updateRecord.mock.calls[0][0].fields.Missing_Items__c).not.toContain(
      'implementation.milestones',
    );
  });

  it('will not save a milestone without a name, or with a date that is not one', async () => {
    const card = await loadCard(asAe, handoffRecord(completeDraft(USER_ID)));
    expect(inSection(card, 'milestones', '[data-id="rows"]').data).toEqual([
      { key: 'm1', name: 'Pilot depot migrated', date: '2026-12-01' },
      { key: 'm2', name: 'All depots live', date: '2027-02-15' },
    ]);
    await pressInSection(card, 'milestones', 'edit');
    await typeInto(card, 'milestones', { row: 'row-0', field: 'name' }, ' ');
    await typeInto(card, 'milestones', { row: 'row-1', field: 'date' }, 'Q1');
    expect(errorBeside(card, 'milestones', { row: 'row-0', field: 'name' })).toBe(
      'Milestone: name this milestone, or remove the row',
    );
    expect(errorBeside(card, 'milestones', { row: 'row-1', field: 'date' })).toBe(
      'Date: expected a date (YYYY-MM-DD)',
    );
    expect(sectionButton(card, 'milestones', 'save').disabled).toBe(true);
  });

  it('removes a milestone, keeping the plan around it', async () => {
    const draftWithPlan = completeDraft(USER_ID);
    const card = await loadCard(asAe, handoffRecord(draftWithPlan));
    await pressInSection(card, 'milestones', 'edit');
    inSection(card, 'milestones', '[data-row="row-0"][data-id="remove"]').click();
    await settle();
    await pressInSection(card, 'milestones', 'save');
    expect(written().implementation).toEqual({
      ...draftWithPlan.implementation,
      milestones: [{ name: 'All depots live', date: '2027-02-15' }],
    });
  });
});

describe('the commercial terms', () => {
  const draft = thinDraft(USER_ID);

  it('reads the contract value as an amount, separators and all', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(shownValues(card, 'commercial')).toMatchObject({
      contractValue: '18000',
      paymentTerms: '-',
      discount: '—',
    });
    await pressInSection(card, 'commercial', 'edit');
    await typeInto(card, 'commercial', { field: 'contractValue' }, '21,500');
    await typeInto(card, 'commercial', { field: 'paymentTerms' }, 'Annual in advance');
    await pressInSection(card, 'commercial', 'save');
    expect(written().commercial).toEqual({
      contractValue: 21500,
      discount: null,
      paymentTerms: 'Annual in advance',
      specialTerms: null,
    });
  });

  it('names a contract value that is not an amount, and will not save it', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'commercial', 'edit');
    await typeInto(card, 'commercial', { field: 'contractValue' }, 'about 20k');
    expect(errorBeside(card, 'commercial', { field: 'contractValue' })).toBe(
      'Contract value: expected a number',
    );
    expect(sectionButton(card, 'commercial', 'save').disabled).toBe(true);
    await typeInto(card, 'commercial', { field: 'contractValue' }, '-5');
    expect(errorBeside(card, 'commercial', { field: 'contractValue' })).toBe(
      'Contract value: expected a non-negative amount',
    );
    expect(sectionButton(card, 'commercial', 'save').disabled).toBe(true);
  });
});

describe('the risk register', () => {
  it('rates the churn risk from the choices, shown by its label', async () => {
    const draft = thinDraft(USER_ID);
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(shownValues(card, 'risks')).toMatchObject({ churnRisk: 'Medium', objections: '—' });
    await pressInSection(card, 'risks', 'edit');
    const churn = inSection(card, 'risks', 'lightning-combobox[data-field="churnRisk"]');
    expect(churn.options.map((o) => o.value)).toEqual(['', 'low', 'medium', 'high']);
    await typeInto(card, 'risks', { field: 'churnRisk' }, 'high');
    await typeInto(card, 'risks', { field: 'objections' }, 'Price, answered with the ROI model');
    await pressInSection(card, 'risks', 'save');
    expect(written().risks).toEqual({
      objections: 'Price, answered with the ROI model',
      howHandled: null,
      remainingConcerns: null,
      churnIndicators: null,
      churnRisk: 'high',
    });
  });

  it('leaves the rating unset when "Not rated" is picked', async () => {
    const card = await loadCard(asAe, handoffRecord(thinDraft(USER_ID)));
    await pressInSection(card, 'risks', 'edit');
    await typeInto(card, 'risks', { field: 'churnRisk' }, '');
    await pressInSection(card, 'risks', 'save');
    expect(written().risks.churnRisk).toBeNull();
  });
});
