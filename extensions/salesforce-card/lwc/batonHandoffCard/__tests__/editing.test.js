// The AE fills the handoff in on the Opportunity: a section at a time, checked by the core's
// schema as it is typed, scored live, and saved through updateRecord over the record it read,
// written as the backend writes it.
import { notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { DEFAULT_POLICY, analyzeHandoff, cardWrite, handoffDocumentSchema } from 'c/batonCore';
import {
  HANDOFF_ID,
  OPPORTUNITY_ID,
  READ_AT,
  USER_ID,
  afterUpdate,
  handoffRecord,
  opportunityRecord,
  thinDraft,
} from './data/records';
import {
  buttons,
  byId,
  emitHandoff,
  errorBeside,
  inSection,
  loadCard,
  pressInSection,
  rowKeys,
  section,
  sectionButton,
  sectionGaps,
  settle,
  textOf,
  typeInto,
  cardSuite,
  STALE_SAVE,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const asAe = opportunityRecord({ ownerId: USER_ID });
const draft = thinDraft(USER_ID);
const scoreOf = (document) => analyzeHandoff(document, DEFAULT_POLICY, NOW).completeness.score;
const written = (call = 0) => JSON.parse(updateRecord.mock.calls[call][0].fields.Document_Json__c);

cardSuite(NOW);

describe('editing a text section', () => {
  const edited = {
    ...draft,
    customerContext: {
      companyOverview: 'Dental practice group, 22 clinics.',
      industry: 'Healthcare',
      size: null,
      businessChallenge: 'Front desks lose a fifth of appointments to no-shows',
      purchaseContext: null,
      whyUs: null,
      whyNow: '?',
      alternativesEvaluated: null,
    },
  };

  async function typeChallenge() {
    const card = await loadCard(asAe, handoffRecord(draft, { version: 3 }));
    await pressInSection(card, 'customerContext', 'edit');
    await typeInto(
      card,
      'customerContext',
      { field: 'businessChallenge' },
      '  Front desks lose a fifth of appointments to no-shows ',
    );
    return card;
  }

  it('shows the saved values, and the fields with them once Edit is pressed', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    expect(inSection(card, 'customerContext', '[data-field="industry"] dd').textContent).toBe(
      'Healthcare',
    );
    expect(inSection(card, 'customerContext', '[data-field="size"] dd').textContent).toBe('—');
    await pressInSection(card, 'customerContext', 'edit');
    const field = inSection(card, 'customerContext', 'lightning-textarea[data-field="whyNow"]');
    expect(field.label).toBe('Why now');
    expect(field.value).toBe('?');
    expect(sectionButton(card, 'customerContext', 'save').disabled).toBe(true);
    // One section at a time, and no lifecycle action over unsaved changes.
    expect(sectionButton(card, 'objectives', 'edit').disabled).toBe(true);
    expect(textOf(card, 'editing')).toBe('Save or cancel your changes to the handoff first.');
  });

  it('scores what is typed before it is saved', async () => {
    const card = await typeChallenge();
    expect(scoreOf(edited)).toBeGreaterThan(scoreOf(draft));
    expect(textOf(card, 'completeness')).toMatch(new RegExp(`^${scoreOf(edited)}% complete`));
    expect(textOf(card, 'unsaved-scores')).toContain('unsaved changes');
    expect(sectionButton(card, 'customerContext', 'save').disabled).toBe(false);
  });

  it('saves the document and its scores as the backend writes them, over the record it read', async () => {
    const card = await typeChallenge();
    await pressInSection(card, 'customerContext', 'save');

    const expected = cardWrite(handoffDocumentSchema.parse(edited), 3, DEFAULT_POLICY, NOW);
    expect(updateRecord.mock.calls).toEqual([
      [{ fields: { Id: HANDOFF_ID, ...expected.handoff } }, { ifUnmodifiedSince: READ_AT }],
      [{ fields: { Id: OPPORTUNITY_ID, ...expected.opportunity } }],
    ]);
    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Document_Version__c: 4,
      Completeness__c: scoreOf(edited),
      Lifecycle_State__c: 'draft',
      Owner_Side__c: 'sender',
    });
    expect(written().customerContext).toEqual(edited.customerContext);
    expect(updateRecord.mock.calls[1][0].fields.Baton_Completeness__c).toBe(scoreOf(edited));
    expect(inSection(card, 'customerContext', 'lightning-textarea')).toBeNull();
    expect(byId(card, 'unsaved-scores')).toBeNull();
  });

  it('saving the same again writes nothing', async () => {
    const record = handoffRecord(draft, { version: 3 });
    const card = await loadCard(asAe, record);
    await pressInSection(card, 'customerContext', 'edit');
    await typeInto(card, 'customerContext', { field: 'size' }, '22 clinics');
    await pressInSection(card, 'customerContext', 'save');
    await emitHandoff(
      afterUpdate(record, updateRecord.mock.calls[0][0].fields, '2026-11-03T12:00:01.000Z'),
    );
    updateRecord.mockClear();

    await pressInSection(card, 'customerContext', 'edit');
    await typeInto(card, 'customerContext', { field: 'size' }, '22 clinics ');
    expect(sectionButton(card, 'customerContext', 'save').disabled).toBe(true);
    await pressInSection(card, 'customerContext', 'save');
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('cancelling drops what was typed and the scores go back', async () => {
    const card = await typeChallenge();
    await pressInSection(card, 'customerContext', 'cancel');
    expect(textOf(card, 'completeness')).toMatch(new RegExp(`^${scoreOf(draft)}% complete`));
    expect(
      inSection(card, 'customerContext', '[data-field="businessChallenge"] dd').textContent,
    ).toBe('TBD');
    expect(buttons(card).every((b) => !b.disabled)).toBe(true);
    expect(updateRecord).not.toHaveBeenCalled();
  });
});

describe('editing the stakeholder map', () => {
  it('adds an executive sponsor: the coverage gap goes as it is typed, and the map is saved', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    const gap = 'No executive sponsor mapped: add one with a name and title.';
    expect(sectionGaps(card, 'stakeholders')).toContain(gap);

    await pressInSection(card, 'stakeholders', 'edit');
    await pressInSection(card, 'stakeholders', 'add');
    const [, added] = rowKeys(card, 'stakeholders');
    await typeInto(card, 'stakeholders', { row: added, field: 'role' }, 'executive_sponsor');
    await typeInto(card, 'stakeholders', { row: added, field: 'name' }, 'Dr. Alan Reyes');
    await typeInto(card, 'stakeholders', { row: added, field: 'title' }, 'COO');
    await typeInto(card, 'stakeholders', { row: added, field: 'email' }, 'alan@bluebird.example');
    await typeInto(card, 'stakeholders', { row: added, field: 'sentiment' }, 'supporter');
    await typeInto(card, 'stakeholders', { row: added, field: 'relationshipStrength' }, 'new');
    expect(sectionGaps(card, 'stakeholders')).not.toContain(gap);
    expect(sectionGaps(card, 'stakeholders')).toContain(
      'No economic buyer mapped: add one with a name and title.',
    );

    await pressInSection(card, 'stakeholders', 'save');
    expect(written().stakeholders).toEqual([
      {
        role: 'champion',
        name: 'Maria Chen',
        title: null,
        email: null,
        sentiment: null,
        relationshipStrength: null,
      },
      {
        role: 'executive_sponsor',
        name: 'Dr. Alan Reyes',
        title: 'COO',
        email: 'alan@bluebird.example',
        sentiment: 'supporter',
        relationshipStrength: 'new',
      },
    ]);
    expect(updateRecord.mock.calls[0][1]).toEqual({ ifUnmodifiedSince: READ_AT });
  });

  it('removes a stakeholder', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'stakeholders', 'edit');
    inSection(card, 'stakeholders', '[data-id="remove"][data-row="row-0"]').click();
    await settle();
    expect(rowKeys(card, 'stakeholders')).toEqual([]);
    expect(sectionGaps(card, 'stakeholders')).toContain(
      'No champion mapped: add one with a name and title.',
    );
    await pressInSection(card, 'stakeholders', 'save');
    expect(written().stakeholders).toEqual([]);
  });

  it('shows a malformed email beside its field, named, and will not save it', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'stakeholders', 'edit');
    await typeInto(card, 'stakeholders', { row: 'row-0', field: 'email' }, 'maria at bluebird');

    expect(errorBeside(card, 'stakeholders', { row: 'row-0', field: 'email' })).toBe(
      'Email: expected an email address',
    );
    expect(inSection(card, 'stakeholders', '[data-id="problem"]').textContent.trim()).toBe(
      'Fix before saving: stakeholders[0].email: expected an email address',
    );
    expect(sectionButton(card, 'stakeholders', 'save').disabled).toBe(true);

    await typeInto(
      card,
      'stakeholders',
      { row: 'row-0', field: 'email' },
      'maria@bluebird.example',
    );
    expect(errorBeside(card, 'stakeholders', { row: 'row-0', field: 'email' })).toBeNull();
    expect(sectionButton(card, 'stakeholders', 'save').disabled).toBe(false);
  });

  it('will not save a stakeholder without a name', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'stakeholders', 'edit');
    await pressInSection(card, 'stakeholders', 'add');
    expect(errorBeside(card, 'stakeholders', { row: 'row-1', field: 'name' })).toBe(
      'Name: name this stakeholder, or remove the row',
    );
    expect(sectionButton(card, 'stakeholders', 'save').disabled).toBe(true);
  });
});

describe('editing the commitment log', () => {
  it('adds a commitment, which gets the next id as the backend gives it', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'commitments', 'edit');
    await pressInSection(card, 'commitments', 'add');
    const row = 'row-1';
    expect(inSection(card, 'commitments', `[data-row="${row}"][data-field="status"]`).value).toBe(
      'open',
    );
    await typeInto(card, 'commitments', { row, field: 'type' }, 'timeline');
    await typeInto(
      card,
      'commitments',
      { row, field: 'description' },
      'Live in 6 clinics by March',
    );
    await typeInto(card, 'commitments', { row, field: 'owner' }, 'CSM');
    await typeInto(card, 'commitments', { row, field: 'dueDate' }, '2027-03-01');
    await typeInto(card, 'commitments', { row, field: 'inContract' }, 'in_contract');
    await pressInSection(card, 'commitments', 'save');

    expect(written().commitments).toEqual([
      {
        id: 'c-1',
        type: 'verbal',
        description: 'Free onboarding for the front-desk staff',
        owner: null,
        dueDate: null,
        inContract: false,
        status: 'open',
      },
      {
        id: 'c-2',
        type: 'timeline',
        description: 'Live in 6 clinics by March',
        owner: 'CSM',
        dueDate: '2027-03-01',
        inContract: true,
        status: 'open',
      },
    ]);
  });

  it('names a due date that is not a date, and will not save it', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'commitments', 'edit');
    await typeInto(card, 'commitments', { row: 'row-0', field: 'dueDate' }, 'next week');
    expect(errorBeside(card, 'commitments', { row: 'row-0', field: 'dueDate' })).toBe(
      'Due date: expected a date (YYYY-MM-DD)',
    );
    expect(sectionButton(card, 'commitments', 'save').disabled).toBe(true);
  });
});

describe('who may edit', () => {
  it('gives the assigned CSM no edit controls', async () => {
    const asCsm = opportunityRecord({ ownerId: 'OTHER', csmId: USER_ID });
    const card = await loadCard(asCsm, handoffRecord(thinDraft('005000000000002AAA')));
    for (const key of [
      'customerContext',
      'stakeholders',
      'objectives',
      'commitments',
      'technical',
    ]) {
      expect([key, section(card, key) !== null]).toEqual([key, true]);
      expect([key, sectionButton(card, key, 'edit')]).toEqual([key, null]);
    }
  });
});

describe('a save over a handoff someone else changed', () => {
  it('shows the conflict, keeps the edit from saving, and a reload starts it again', async () => {
    updateRecord.mockRejectedValueOnce(STALE_SAVE);
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'objectives', 'edit');
    await typeInto(card, 'objectives', { field: 'roiExpectation' }, 'Half the no-shows');
    await pressInSection(card, 'objectives', 'save');

    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(textOf(card, 'conflict')).toContain(
      'Someone else saved this handoff after you opened it',
    );
    expect(sectionButton(card, 'objectives', 'save').disabled).toBe(true);

    byId(card, 'reload').click();
    await settle();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalled();
    await emitHandoff(handoffRecord(draft, { version: 4, modified: '2026-11-03T11:59:00.000Z' }));
    expect(byId(card, 'conflict')).toBeNull();
    expect(inSection(card, 'objectives', 'lightning-textarea')).toBeNull();
    expect(sectionButton(card, 'objectives', 'edit').disabled).toBe(false);
  });
});
