// After the AE saves the handoff, the card brings its child records (Baton_Commitment__c,
// Baton_Stakeholder__c) in step through the UI API, as the backend's adapter writes them, and
// lists them in the handoff's record links; a retried save never makes a second record.
import {
  createRecord,
  deleteRecord,
  notifyRecordUpdateAvailable,
  updateRecord,
} from 'lightning/uiRecordApi';
import {
  HANDOFF_ID,
  OPPORTUNITY_ID,
  OTHER_AE_ID,
  USER_ID,
  completeDraft,
  handoffRecord,
  opportunityRecord,
  submitted,
} from './data/records';
import { TASK_LINKS, childId, linksOf, storedChildren } from './data/children';
import {
  button,
  byId,
  emitHandoff,
  emitListError,
  inSection,
  loadCard,
  pressInSection,
  rowKeys,
  settle,
  textOf,
  typeInto,
  cardSuite,
} from './data/mount';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const asAe = opportunityRecord({ ownerId: USER_ID });
const draft = completeDraft(USER_ID);
const KEY = '9001:sales_to_cs';
const NEW_ID = 'a03000000000000NEW';

/** The UI API's answer to a create under a key another record holds. */
const duplicateOf = (id) => ({
  status: 400,
  body: {
    message: 'An error occurred while trying to update the record. Please try again.',
    output: {
      errors: [
        {
          errorCode: 'DUPLICATE_VALUE',
          message: `duplicate value found: Stakeholder_Key__c duplicates value on record with id: ${id}`,
        },
      ],
      fieldErrors: {},
    },
  },
});

const REFUSED = {
  status: 400,
  body: [
    {
      errorCode: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access to this record',
    },
  ],
};

const childCalls = () =>
  updateRecord.mock.calls.filter(
    ([input]) => ![HANDOFF_ID, OPPORTUNITY_ID].includes(input.fields.Id),
  );
const linksWrites = () =>
  updateRecord.mock.calls
    .map(([input]) => input.fields)
    .filter((fields) => fields.Id === HANDOFF_ID && 'Record_Links__c' in fields)
    .map((fields) => JSON.parse(fields.Record_Links__c));

/** The record links the backend would list for the draft's children, `changes` applied. */
function linksWith({ commitments = {}, stakeholders = {} }) {
  const stored = JSON.parse(linksOf(storedChildren(draft)));
  const apply = (ids, changed) => {
    const out = { ...ids, ...changed };
    for (const [key, id] of Object.entries(changed)) if (id === null) delete out[key];
    return out;
  };
  return {
    tasks: TASK_LINKS,
    commitments: apply(stored.commitments, commitments),
    stakeholders: apply(stored.stakeholders, stakeholders),
  };
}

async function addSponsorsDeputy(card) {
  await pressInSection(card, 'stakeholders', 'edit');
  await pressInSection(card, 'stakeholders', 'add');
  const added = rowKeys(card, 'stakeholders').at(-1);
  await typeInto(card, 'stakeholders', { row: added, field: 'role' }, 'executive_sponsor');
  await typeInto(card, 'stakeholders', { row: added, field: 'name' }, 'Ruth Baxter');
  await typeInto(card, 'stakeholders', { row: added, field: 'title' }, 'VP Operations');
  await typeInto(card, 'stakeholders', { row: added, field: 'sentiment' }, 'supporter');
  await pressInSection(card, 'stakeholders', 'save');
}

cardSuite(NOW);
beforeEach(() => {
  createRecord.mockReset().mockResolvedValue({ id: NEW_ID });
  deleteRecord.mockReset().mockResolvedValue(undefined);
});

describe('the stakeholder records', () => {
  it('creates the added stakeholder, named and valued as the backend writes it, and links it', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await addSponsorsDeputy(card);

    expect(createRecord.mock.calls).toEqual([
      [
        {
          apiName: 'Baton_Stakeholder__c',
          fields: {
            Stakeholder_Key__c: `${KEY}:executive_sponsor:2`,
            Handoff_Key__c: KEY,
            Role__c: 'executive_sponsor',
            Full_Name__c: 'Ruth Baxter',
            Job_Title__c: 'VP Operations',
            Email__c: null,
            Objectives__c: null,
            Communication_Preference__c: null,
            Relationship_Strength__c: null,
            Sentiment__c: 'supporter',
            Handoff__c: HANDOFF_ID,
          },
        },
      ],
    ]);
    expect(childCalls()).toEqual([]);
    expect(deleteRecord).not.toHaveBeenCalled();
    expect(linksWrites()).toEqual([
      linksWith({ stakeholders: { [`${KEY}:executive_sponsor:2`]: NEW_ID } }),
    ]);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: NEW_ID }]);
    expect(byId(card, 'sync-issue')).toBeNull();
  });

  it('deletes the record of a removed stakeholder', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'stakeholders', 'edit');
    // The executive sponsor, Dana Whitfield.
    inSection(card, 'stakeholders', '[data-id="remove"][data-row="row-0"]').click();
    await settle();
    await pressInSection(card, 'stakeholders', 'save');

    expect(deleteRecord.mock.calls).toEqual([[childId('stakeholders', 1)]]);
    expect(createRecord).not.toHaveBeenCalled();
    expect(childCalls()).toEqual([]);
    expect(linksWrites()).toEqual([
      linksWith({ stakeholders: { [`${KEY}:executive_sponsor:1`]: null } }),
    ]);
  });

  it('takes a record that is already gone as removed', async () => {
    deleteRecord.mockRejectedValueOnce({
      status: 404,
      body: [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }],
    });
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'stakeholders', 'edit');
    inSection(card, 'stakeholders', '[data-id="remove"][data-row="row-0"]').click();
    await settle();
    await pressInSection(card, 'stakeholders', 'save');

    expect(byId(card, 'sync-issue')).toBeNull();
    expect(linksWrites()).toEqual([
      linksWith({ stakeholders: { [`${KEY}:executive_sponsor:1`]: null } }),
    ]);
  });
});

describe('the commitment records', () => {
  it('updates the edited commitment by its id, and nothing else', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'commitments', 'edit');
    await typeInto(card, 'commitments', { row: 'row-1', field: 'status' }, 'delivered');
    await pressInSection(card, 'commitments', 'save');

    expect(childCalls()).toEqual([
      [
        {
          fields: {
            Id: childId('commitments', 2),
            Commitment_Key__c: `${KEY}:c-2`,
            Handoff_Key__c: KEY,
            Description__c: 'Weekly check-ins during the first 90 days',
            Commitment_Type__c: 'service',
            Owner__c: 'CSM',
            Due_Date__c: '2027-02-01',
            In_Contract__c: false,
            Status__c: 'delivered',
          },
        },
      ],
    ]);
    expect(createRecord).not.toHaveBeenCalled();
    expect(deleteRecord).not.toHaveBeenCalled();
    // The links already list every commitment: they are not written again.
    expect(linksWrites()).toEqual([]);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
      { recordId: childId('commitments', 2) },
    ]);
  });

  it('creates a record again when the one the links name was deleted', async () => {
    updateRecord.mockImplementation(async ({ fields }) => {
      if (fields.Id === childId('commitments', 2))
        throw { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'gone' }] };
      return {};
    });
    createRecord.mockResolvedValue({ id: 'a02000000000000NEW' });
    const card = await loadCard(asAe, handoffRecord(draft));
    await pressInSection(card, 'commitments', 'edit');
    await typeInto(card, 'commitments', { row: 'row-1', field: 'status' }, 'at_risk');
    await pressInSection(card, 'commitments', 'save');

    expect(createRecord.mock.calls.map(([input]) => input.fields.Commitment_Key__c)).toEqual([
      `${KEY}:c-2`,
    ]);
    expect(linksWrites()).toEqual([
      linksWith({ commitments: { [`${KEY}:c-2`]: 'a02000000000000NEW' } }),
    ]);
  });
});

describe('a create that already landed', () => {
  it('updates the record Salesforce names instead of making a second one', async () => {
    const existing = 'a03000000000000OLD';
    createRecord.mockRejectedValueOnce(duplicateOf(existing));
    const card = await loadCard(asAe, handoffRecord(draft));
    await addSponsorsDeputy(card);

    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(childCalls()).toEqual([
      [
        {
          fields: expect.objectContaining({
            Id: existing,
            Stakeholder_Key__c: `${KEY}:executive_sponsor:2`,
            Full_Name__c: 'Ruth Baxter',
          }),
        },
      ],
    ]);
    // Never the master-detail field on an update: Salesforce refuses to reparent.
    expect(childCalls()[0][0].fields).not.toHaveProperty('Handoff__c');
    expect(linksWrites()).toEqual([
      linksWith({ stakeholders: { [`${KEY}:executive_sponsor:2`]: existing } }),
    ]);
    expect(byId(card, 'sync-issue')).toBeNull();
  });

  it('a retried save after a lost answer ends with one record, linked', async () => {
    // The create lands but its answer is lost; the retry finds the key taken.
    createRecord
      .mockRejectedValueOnce({
        status: 503,
        body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Service unavailable' }],
      })
      .mockRejectedValueOnce(duplicateOf(NEW_ID));
    const card = await loadCard(asAe, handoffRecord(draft));
    await addSponsorsDeputy(card);
    expect(textOf(card, 'sync-message')).toContain('Stakeholder 6: Service unavailable');
    expect(linksWrites()).toEqual([]);

    byId(card, 'sync-again').click();
    await settle();
    expect(createRecord).toHaveBeenCalledTimes(2);
    expect(childCalls().map(([input]) => input.fields.Id)).toEqual([NEW_ID]);
    expect(linksWrites()).toEqual([
      linksWith({ stakeholders: { [`${KEY}:executive_sponsor:2`]: NEW_ID } }),
    ]);
    expect(byId(card, 'sync-issue')).toBeNull();
  });

  it('says so when Salesforce does not name the record, and makes none', async () => {
    createRecord.mockRejectedValueOnce({
      status: 400,
      body: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found' }],
    });
    const card = await loadCard(asAe, handoffRecord(draft));
    await addSponsorsDeputy(card);
    expect(textOf(card, 'sync-message')).toContain(
      'Stakeholder 6: Salesforce already has this record but did not say which one: reload the page, then save again.',
    );
    expect(childCalls()).toEqual([]);
  });
});

describe('a child write that fails', () => {
  it('says so in words, keeps the saved handoff, and Save again finishes the sync', async () => {
    createRecord.mockRejectedValueOnce(REFUSED);
    const record = handoffRecord(draft);
    const card = await loadCard(asAe, record);
    await addSponsorsDeputy(card);

    const handoffWrite = updateRecord.mock.calls[0][0].fields;
    expect(handoffWrite.Id).toBe(HANDOFF_ID);
    expect(JSON.parse(handoffWrite.Document_Json__c).stakeholders).toHaveLength(6);
    expect(inSection(card, 'stakeholders', 'fieldset')).toBeNull();
    expect(textOf(card, 'sync-message')).toBe(
      'The handoff is saved, but its commitment and stakeholder records in Salesforce are not all ' +
        'up to date (Stakeholder 6: unable to obtain exclusive access to this record). Press Save again to finish.',
    );
    expect(linksWrites()).toEqual([]);

    // The read of the saved handoff arrives before the user tries again.
    await emitHandoff(
      handoffRecord(JSON.parse(handoffWrite.Document_Json__c), {
        version: 4,
        links: linksOf(storedChildren(draft)),
        modified: '2026-11-03T12:00:01.000Z',
      }),
    );
    byId(card, 'sync-again').click();
    await settle();

    expect(createRecord).toHaveBeenCalledTimes(2);
    expect(createRecord.mock.calls[1]).toEqual(createRecord.mock.calls[0]);
    expect(linksWrites()).toEqual([
      linksWith({ stakeholders: { [`${KEY}:executive_sponsor:2`]: NEW_ID } }),
    ]);
    expect(byId(card, 'sync-issue')).toBeNull();
  });

  it('finishes an interrupted sync on the next save of any section', async () => {
    // An earlier save stored a fourth commitment; its record was never created.
    const ahead = {
      ...draft,
      commitments: [
        ...draft.commitments,
        { id: 'c-4', description: 'Quarterly business reviews', status: 'open' },
      ],
    };
    const card = await loadCard(
      asAe,
      handoffRecord(ahead, { links: linksOf(storedChildren(draft)) }),
      storedChildren(draft),
    );
    await pressInSection(card, 'objectives', 'edit');
    await typeInto(card, 'objectives', { field: 'personalWins' }, 'A board-ready report');
    await pressInSection(card, 'objectives', 'save');

    expect(createRecord.mock.calls.map(([input]) => input.fields)).toEqual([
      expect.objectContaining({
        Commitment_Key__c: `${KEY}:c-4`,
        Description__c: 'Quarterly business reviews',
      }),
    ]);
  });

  it('does not write the children it could not read, and says why', async () => {
    const card = await loadCard(asAe, handoffRecord(draft));
    await emitListError('commitments', {
      status: 403,
      body: [
        { errorCode: 'INSUFFICIENT_ACCESS', message: 'You do not have access to Commitments.' },
      ],
    });
    await addSponsorsDeputy(card);
    expect(createRecord).not.toHaveBeenCalled();
    expect(textOf(card, 'sync-message')).toContain(
      'the card could not read them (You do not have access to Commitments.)',
    );
  });

  it('does not write the children before they are read', async () => {
    const card = await loadCard(asAe, handoffRecord(draft), null);
    await addSponsorsDeputy(card);
    expect(createRecord).not.toHaveBeenCalled();
    expect(textOf(card, 'sync-message')).toContain('the card has not finished reading them');
  });
});

describe('who writes the children', () => {
  it('never the CSM: accepting a handoff whose records are out of step writes only the handoff', async () => {
    const asCsm = opportunityRecord({ ownerId: OTHER_AE_ID, csmId: USER_ID });
    const handoff = submitted(completeDraft(OTHER_AE_ID));
    const card = await loadCard(asCsm, handoffRecord(handoff, { links: null }), {
      commitments: [],
      stakeholders: [],
    });
    button(card, 'accept').click();
    await settle();

    expect(updateRecord.mock.calls.map(([input]) => input.fields.Id)).toEqual([
      HANDOFF_ID,
      OPPORTUNITY_ID,
    ]);
    expect(createRecord).not.toHaveBeenCalled();
    expect(deleteRecord).not.toHaveBeenCalled();
    expect(byId(card, 'sync-issue')).toBeNull();
  });
});
