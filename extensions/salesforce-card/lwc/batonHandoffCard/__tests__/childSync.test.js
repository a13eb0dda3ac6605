// Planning the child-record writes, pure: what is out of step is worked out from what is stored
// (related lists and record links) and the document, every time.
import { childRecords } from 'c/batonCore';
import { afterSync, childrenFrom, planChildSync, syncProblem } from '../childSync';
import { duplicateId, isDuplicate, isGone } from '../saveErrors';
import { USER_ID, completeDraft } from './data/records';
import { TASK_LINKS, childId, linksOf, storedChildren } from './data/children';

const draft = completeDraft(USER_ID);
const KEY = '9001:sales_to_cs';
const stored = storedChildren(draft);
const known = {
  commitments: childrenFrom('commitments', stored.commitments),
  stakeholders: childrenFrom('stakeholders', stored.stakeholders),
};
const links = JSON.parse(linksOf(stored));
const none = { commitments: {}, stakeholders: {} };
const noLinks = { tasks: {}, commitments: {}, stakeholders: {} };

const withCommitments = (commitments) => ({ ...draft, commitments });

describe('childrenFrom', () => {
  it('keys the related list by the External ID, with each stored value', () => {
    expect(known.commitments[`${KEY}:c-1`]).toEqual({
      id: childId('commitments', 1),
      fields: expect.objectContaining({
        Id: childId('commitments', 1),
        Status__c: 'open',
        In_Contract__c: true,
      }),
    });
    expect(Object.keys(known.stakeholders)).toEqual([
      `${KEY}:executive_sponsor:1`,
      `${KEY}:champion:1`,
      `${KEY}:economic_buyer:1`,
      `${KEY}:technical_lead:1`,
      `${KEY}:end_users:1`,
    ]);
  });
});

describe('planChildSync', () => {
  it('plans nothing when the stored records match the document', () => {
    expect(planChildSync(draft, known, links)).toEqual([]);
  });

  it('takes an empty text as the null Salesforce stores for it', () => {
    const blank = withCommitments([{ ...draft.commitments[0], description: '' }]);
    const read = {
      ...known,
      commitments: {
        [`${KEY}:c-1`]: {
          id: childId('commitments', 1),
          fields: { ...childRecords(blank).commitments[0].fields, Description__c: null },
        },
      },
    };
    expect(planChildSync(blank, read, noLinks)).toEqual([]);
  });

  it('creates a record for a key nobody has stored, updates a changed one by id, deletes a dropped one', () => {
    const [first, second] = draft.commitments;
    const document = withCommitments([
      { ...first, status: 'delivered' },
      second,
      { id: 'c-9', description: 'Named support engineer' },
    ]);
    const records = childRecords(document).commitments;
    expect(planChildSync(document, known, links)).toEqual([
      {
        kind: 'commitments',
        key: `${KEY}:c-1`,
        index: 0,
        op: 'update',
        id: childId('commitments', 1),
        fields: records[0].fields,
      },
      { kind: 'commitments', key: `${KEY}:c-9`, index: 2, op: 'create', fields: records[2].fields },
      { kind: 'commitments', key: `${KEY}:c-3`, op: 'delete', id: childId('commitments', 3) },
    ]);
  });

  it('updates a record only the links know: its stored fields are unknown', () => {
    const writes = planChildSync(draft, { ...none, stakeholders: known.stakeholders }, links);
    expect(writes.map((w) => [w.op, w.id])).toEqual([
      ['update', childId('commitments', 1)],
      ['update', childId('commitments', 2)],
      ['update', childId('commitments', 3)],
    ]);
  });

  it('deletes what either the related list or the links still hold, once each', () => {
    const document = { ...draft, stakeholders: [], commitments: [] };
    const stale = {
      ...links,
      commitments: { ...links.commitments, [`${KEY}:c-7`]: 'a02000000000000007' },
    };
    const writes = planChildSync(document, known, stale);
    expect(writes.filter((w) => w.kind === 'commitments').map((w) => [w.op, w.id])).toEqual([
      ['delete', childId('commitments', 1)],
      ['delete', childId('commitments', 2)],
      ['delete', childId('commitments', 3)],
      ['delete', 'a02000000000000007'],
    ]);
    expect(writes.filter((w) => w.kind === 'stakeholders')).toHaveLength(5);
  });
});

describe('afterSync', () => {
  const document = withCommitments([draft.commitments[0], { id: 'c-9', description: 'More' }]);
  const writes = planChildSync(document, known, links);

  it('lists exactly the records that exist, keeps the tasks, and writes the links as the backend does', () => {
    const results = writes.map((w) => ({ ...w, ok: true, id: w.id ?? 'a02000000000000009' }));
    const after = afterSync(document, known, links, results);
    expect(after.links).toBe(
      JSON.stringify({
        tasks: TASK_LINKS,
        commitments: {
          [`${KEY}:c-1`]: childId('commitments', 1),
          [`${KEY}:c-9`]: 'a02000000000000009',
        },
        stakeholders: links.stakeholders,
      }),
    );
    expect(planChildSync(document, after.known, JSON.parse(after.links))).toEqual([]);
  });

  it('leaves a refused create unlisted and a refused delete listed, so the next plan sends both again', () => {
    const results = writes.map((w) => ({ ...w, ok: false, message: 'refused' }));
    const after = afterSync(document, known, links, results);
    expect(JSON.parse(after.links).commitments).toEqual({
      [`${KEY}:c-1`]: childId('commitments', 1),
      [`${KEY}:c-2`]: childId('commitments', 2),
      [`${KEY}:c-3`]: childId('commitments', 3),
    });
    expect(planChildSync(document, after.known, JSON.parse(after.links))).toEqual(writes);
  });
});

describe('syncProblem', () => {
  it('is null when every write went through', () => {
    expect(syncProblem([{ kind: 'commitments', op: 'create', index: 0, ok: true }])).toBeNull();
  });

  it('names each refused record by its place, in words', () => {
    expect(
      syncProblem([
        { kind: 'commitments', op: 'update', index: 1, ok: false, message: 'Status: bad value.' },
        { kind: 'stakeholders', op: 'delete', ok: false, message: 'insufficient access' },
      ]),
    ).toBe(
      'The handoff is saved, but its commitment and stakeholder records in Salesforce are not all ' +
        'up to date (Commitment 2: Status: bad value.; the removed stakeholder: insufficient access). ' +
        'Press Save again to finish.',
    );
  });
});

describe('the UI API errors of a child write', () => {
  const id = 'a02000000000000ABC';
  const message = `duplicate value found: Commitment_Key__c duplicates value on record with id: ${id}`;

  it('finds the record a DUPLICATE_VALUE names, in either body shape', () => {
    const listed = { status: 400, body: [{ errorCode: 'DUPLICATE_VALUE', message }] };
    const output = {
      status: 400,
      body: {
        message: 'error',
        output: {
          errors: [],
          fieldErrors: { Commitment_Key__c: [{ errorCode: 'DUPLICATE_VALUE', message }] },
        },
      },
    };
    for (const error of [listed, output]) {
      expect(isDuplicate(error)).toBe(true);
      expect(duplicateId(error)).toBe(id);
    }
    expect(
      duplicateId({
        status: 400,
        body: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found' }],
      }),
    ).toBeNull();
    expect(
      isDuplicate({ status: 400, body: [{ errorCode: 'REQUIRED_FIELD_MISSING', message }] }),
    ).toBe(false);
  });

  it('knows a record that is gone', () => {
    expect(isGone({ status: 404, body: [] })).toBe(true);
    expect(
      isGone({ status: 400, body: [{ errorCode: 'ENTITY_IS_DELETED', message: 'deleted' }] }),
    ).toBe(true);
    expect(
      isGone({
        status: 400,
        body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'no' }],
      }),
    ).toBe(false);
  });
});
