// The card's edits of the handoff document, without the component: forms, checks as typed, and
// the save planned as the card API would make it.
import { DEFAULT_POLICY, cardWrite, handoffDocumentSchema } from 'c/batonCore';
import {
  addRow,
  editField,
  editedDocument,
  mayEdit,
  openEdit,
  planEdit,
  removeRow,
  reviewEdit,
} from '../documentEdits';
import { completeDraft, submitted, thinDraft } from './data/records';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const AE = { id: 'ae-1', role: 'ae' };
const context = { version: 5, actor: AE, policy: DEFAULT_POLICY, now: NOW };
const draft = handoffDocumentSchema.parse(thinDraft(AE.id));

describe('who may edit', () => {
  it("is the card API's rule: the sending side, and an AE only on their own deal", () => {
    expect(mayEdit(draft, AE, DEFAULT_POLICY)).toBe(true);
    expect(mayEdit(submitted(draft), AE, DEFAULT_POLICY)).toBe(true);
    expect(mayEdit(draft, { id: 'ae-2', role: 'ae' }, DEFAULT_POLICY)).toBe(false);
    expect(mayEdit(draft, { id: 'csm-1', role: 'csm' }, DEFAULT_POLICY)).toBe(false);
    expect(mayEdit(draft, { id: 'csm-2', role: 'cs_manager' }, DEFAULT_POLICY)).toBe(false);
  });

  it('refuses the save of someone who may not edit, in the core words', () => {
    const edit = editField(openEdit(draft, 'objectives'), {
      field: 'roiExpectation',
      value: 'x',
    });
    expect(planEdit(draft, edit, { ...context, actor: { id: 'csm-1', role: 'csm' } })).toEqual({
      ok: false,
      message: 'only the sending side (ae or sales_manager) can do this',
    });
  });
});

describe('a text section', () => {
  it('opens with every field of the section, blank where nothing is saved', () => {
    expect(openEdit(draft, 'objectives')).toEqual({
      section: 'objectives',
      form: {
        values: {
          primaryObjective: 'Fewer no-shows',
          successCriteria: '',
          roiExpectation: '',
          personalWins: '',
        },
      },
    });
  });

  it('goes back trimmed, blank as null, and unchanged until something differs', () => {
    const opened = openEdit(draft, 'objectives');
    expect(reviewEdit(draft, opened)).toEqual({
      document: expect.any(Object),
      errors: [],
      changed: false,
    });
    const typed = editField(opened, { field: 'successCriteria', value: '  No-shows under 5% ' });
    expect(editedDocument(draft, typed).objectives).toEqual({
      primaryObjective: 'Fewer no-shows',
      successCriteria: 'No-shows under 5%',
      roiExpectation: null,
      personalWins: null,
    });
    expect(reviewEdit(draft, typed).changed).toBe(true);
    // Only spaces added: the same section once saved.
    const spaces = editField(opened, { field: 'primaryObjective', value: 'Fewer no-shows  ' });
    expect(reviewEdit(draft, spaces).changed).toBe(false);
  });
});

describe('planning the save', () => {
  it('writes the edited document, parsed, over the version raised by one', () => {
    const edit = editField(openEdit(draft, 'technical'), {
      field: 'integrations',
      value: 'Dentrix',
    });
    const plan = planEdit(draft, edit, context);
    const document = handoffDocumentSchema.parse(editedDocument(draft, edit));
    expect(plan).toEqual({ ok: true, write: cardWrite(document, 5, DEFAULT_POLICY, NOW) });
    expect(plan.write.handoff.Document_Version__c).toBe(6);
    expect(JSON.parse(plan.write.handoff.Document_Json__c).technical).toEqual({
      environment: 'N/A',
      integrations: 'Dentrix',
      dataMigration: null,
      securityCompliance: null,
      validationStatus: null,
    });
  });

  it('writes nothing when the section is as saved: saving the same twice changes nothing', () => {
    const edit = editField(openEdit(draft, 'technical'), {
      field: 'integrations',
      value: 'Dentrix',
    });
    const saved = handoffDocumentSchema.parse(editedDocument(draft, edit));
    const again = editField(openEdit(saved, 'technical'), {
      field: 'integrations',
      value: 'Dentrix',
    });
    expect(planEdit(saved, again, context)).toEqual({ ok: true, write: null });
  });

  it('refuses an invalid document, naming each field', () => {
    const edit = editField(
      editField(openEdit(draft, 'stakeholders'), {
        row: 'row-0',
        field: 'email',
        value: 'maria@',
      }),
      { row: 'row-0', field: 'name', value: ' ' },
    );
    expect(planEdit(draft, edit, context)).toEqual({
      ok: false,
      message:
        'stakeholders[0].email: expected an email address; stakeholders[0].name: name this stakeholder, or remove the row',
    });
  });
});

describe('the lists', () => {
  it('adds rows with keys of their own, and removes the one asked for', () => {
    const edit = addRow(addRow(openEdit(draft, 'commitments')));
    expect(edit.form.rows.map((row) => row.key)).toEqual(['row-0', 'row-1', 'row-2']);
    expect(edit.form.rows[1].values).toEqual({
      type: '',
      description: '',
      owner: '',
      dueDate: '',
      inContract: '',
      status: 'open',
    });
    const removed = removeRow(edit, 'row-1');
    expect(removed.form.rows.map((row) => row.key)).toEqual(['row-0', 'row-2']);
    expect(addRow(removed).form.rows.map((row) => row.key)).toEqual(['row-0', 'row-2', 'row-3']);
  });

  it('keeps what the form does not edit: a commitment id, a stakeholder’s objectives', () => {
    const document = handoffDocumentSchema.parse(completeDraft(AE.id));
    const stakeholders = openEdit(document, 'stakeholders');
    expect(editedDocument(document, stakeholders).stakeholders).toEqual(
      document.stakeholders.map((s) => ({
        ...s,
        email: s.email ?? null,
        sentiment: s.sentiment ?? null,
        relationshipStrength: s.relationshipStrength ?? null,
        name: s.name ?? null,
        title: s.title ?? null,
      })),
    );
    expect(reviewEdit(document, stakeholders).changed).toBe(false);
  });

  it('gives new commitments the next free id, as the card API does', () => {
    const withIds = {
      ...draft,
      commitments: [{ id: 'c-2', description: 'Kept' }, { description: 'Free onboarding' }],
    };
    const edit = editField(addRow(openEdit(withIds, 'commitments')), {
      row: 'row-2',
      field: 'description',
      value: 'Data import',
    });
    expect(editedDocument(withIds, edit).commitments.map((c) => c.id)).toEqual([
      'c-2',
      'c-1',
      'c-3',
    ]);
  });
});

describe('the implementation plan, commercial terms and risk register', () => {
  const document = handoffDocumentSchema.parse(completeDraft(AE.id));

  it('opens the plan with its dates and notes, and the amount and the rating as typed', () => {
    expect(openEdit(document, 'implementation').form.values).toEqual({
      startDate: '2026-11-16',
      goLiveDate: '2027-02-15',
      customerResources: 'Sam Okafor (IT, 50%), one dispatcher per depot as super-user',
      dependencies: 'McLeod API license upgrade on the customer side',
      timelineRisks: 'Holiday freeze from Dec 20 to Jan 5',
    });
    expect(openEdit(document, 'commercial').form.values.contractValue).toBe('120000');
    expect(openEdit(document, 'risks').form.values.churnRisk).toBe('low');
    expect(reviewEdit(document, openEdit(document, 'commercial')).changed).toBe(false);
  });

  it('saves the plan’s fields over the plan, its milestones kept', () => {
    const edit = editField(openEdit(document, 'implementation'), {
      field: 'startDate',
      value: '2026-11-23',
    });
    expect(editedDocument(document, edit).implementation).toEqual({
      ...document.implementation,
      startDate: '2026-11-23',
    });
  });

  it('puts the milestones inside the plan, even where there was none', () => {
    const edit = editField(addRow(openEdit(draft, 'milestones')), {
      row: 'row-0',
      field: 'name',
      value: ' Go-live ',
    });
    expect(editedDocument(draft, edit).implementation).toEqual({
      milestones: [{ name: 'Go-live', date: null }],
    });
    expect(planEdit(draft, removeRow(edit, 'row-0'), context)).toEqual({ ok: true, write: null });
  });

  it.each([
    ['120,000', 120000],
    ['120 000.50', 120000.5],
    ['', null],
    ['-5', -5],
    ['lots', 'lots'],
  ])('reads the contract value %p as %p, for the schema to check', (typed, value) => {
    const edit = editField(openEdit(document, 'commercial'), {
      field: 'contractValue',
      value: typed,
    });
    expect(editedDocument(document, edit).commercial.contractValue).toBe(value);
  });

  it('names a negative amount and an unrated churn risk is null', () => {
    const negative = editField(openEdit(document, 'commercial'), {
      field: 'contractValue',
      value: '-5',
    });
    expect(planEdit(document, negative, context)).toEqual({
      ok: false,
      message: 'commercial.contractValue: expected a non-negative amount',
    });
    const unrated = editField(openEdit(document, 'risks'), { field: 'churnRisk', value: '' });
    expect(editedDocument(document, unrated).risks.churnRisk).toBeNull();
  });
});
