// The commitment log on the card: the core's missing commitment items flagged, rows added and
// edited with validation as you type, the backend's ids kept, and saved like every section.
import { Alert, Button, Input, ProgressBar, Select, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffCardEntry } from '../../extensions/handoff-card';
import { COMMITMENT_STATUSES, COMMITMENT_TYPES } from '../../src/core';
import { BASE_URL, CSM, DEAL_ID, FakeCardBackend } from './helpers/card-backend';
import { SOON_AFTER_CLOSE, readyDraft, submitted, thinDraft } from './helpers/handoffs';
import { choose, typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

async function renderCard(backend: FakeCardBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const renderer = createRenderer('crm.record.tab');
  renderer.render(
    <HandoffCardEntry dealId={DEAL_ID} baseUrl={BASE_URL} copy={async () => undefined} />,
  );
  await renderer.waitFor(() => expect(renderer.maybeFind(ProgressBar)).not.toBeNull());
  return renderer;
}

type Rendered = Awaited<ReturnType<typeof renderCard>>;

const input = (card: Rendered, row: number, name: string) =>
  card.find(Input, { name: `commitments.${row}.${name}` });
const select = (card: Rendered, row: number, name: string) =>
  card.find(Select, { name: `commitments.${row}.${name}` });
const saveButton = (card: Rendered) => card.findByTestId(Button, 'save-commitments');
const addButton = (card: Rendered) => card.findByTestId(Button, 'add-commitment');
const gapsText = (card: Rendered) =>
  card.maybeFind(Alert, { title: 'Commitments missing' })?.toString() ?? '';

const DESCRIBED = 'At least one commitment with a description';
const OWNED_AND_DUE = 'Every commitment has an owner and a due date';

describe('the commitment log', () => {
  it('flags what the completeness score finds missing, and nothing else', async () => {
    const thin = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(thin)).toContain(DESCRIBED);
    expect(gapsText(thin)).toContain(OWNED_AND_DUE);
    jest.restoreAllMocks();

    const draft = readyDraft();
    const ownerless = { ...draft, commitments: [{ ...draft.commitments![0]!, owner: 'TBD' }] };
    const card = await renderCard(new FakeCardBackend(ownerless, SOON_AFTER_CLOSE));
    expect(gapsText(card)).toContain(OWNED_AND_DUE);
    expect(gapsText(card)).not.toContain(DESCRIBED);
  });

  it('shows every saved commitment in the table, and no gaps when the log is complete', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(card)).toBe('');
    expect(select(card, 0, 'type').props.value).toBe('scope');
    expect(input(card, 0, 'description').props.value).toBe(
      'TMS (McLeod) two-way integration in phase 1',
    );
    expect(input(card, 0, 'owner').props.value).toBe('Implementation team');
    expect(input(card, 0, 'dueDate').props.value).toBe('2026-12-15');
    expect(select(card, 0, 'source').props.value).toBe('in_contract');
    expect(select(card, 0, 'status').props.value).toBe('open');
    expect(select(card, 2, 'type').props.value).toBe('verbal');
    expect(select(card, 2, 'source').props.value).toBe('outside_contract');
    expect(select(card, 2, 'status').props.value).toBe('in_progress');
  });

  it('offers exactly the schema choices for type and status', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    const values = (node: ReturnType<typeof select>) => node.props.options.map((o) => o.value);
    expect(values(select(card, 0, 'type'))).toEqual(['', ...COMMITMENT_TYPES]);
    expect(values(select(card, 0, 'status'))).toEqual(['', ...COMMITMENT_STATUSES]);
    expect(values(select(card, 0, 'source'))).toEqual(['', 'in_contract', 'outside_contract']);
  });

  it('adds a commitment, saves with the version it started from, and the backend gives it an id', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    const before = card.find(ProgressBar).props.value!;
    expect(saveButton(card).props.disabled).toBe(true);

    addButton(card).trigger('onClick');
    choose(select(card, 0, 'type'), 'scope');
    typeInto(input(card, 0, 'description'), 'TMS two-way integration in phase 1');
    typeInto(input(card, 0, 'owner'), 'Implementation team');
    typeInto(input(card, 0, 'dueDate'), '2026-12-15');
    choose(select(card, 0, 'source'), 'in_contract');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(card.find(ProgressBar).props.value).toBeGreaterThan(before));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      baseVersion: 1,
      sections: {
        commitments: [
          {
            type: 'scope',
            description: 'TMS two-way integration in phase 1',
            owner: 'Implementation team',
            dueDate: '2026-12-15',
            inContract: true,
            status: 'open',
          },
        ],
      },
    });
    expect(backend.version).toBe(2);
    expect(backend.document?.commitments?.[0]?.id).toBe('c-1');
    expect(gapsText(card)).toBe('');
    expect(saveButton(card).props.disabled).toBe(true);

    // The next save sends the id back, so the commitment keeps its CRM record.
    choose(select(card, 0, 'status'), 'in_progress');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(3));
    const second = backend.requests.filter((request) => request.method === 'PUT')[1]!;
    expect(second.body).toMatchObject({
      baseVersion: 2,
      sections: { commitments: [{ id: 'c-1', status: 'in_progress' }] },
    });
    expect(backend.document?.commitments?.map((c) => c.id)).toEqual(['c-1']);
  });

  it('says as you type what the backend would refuse or not count', async () => {
    const card = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    addButton(card).trigger('onClick');
    expect(input(card, 0, 'description').props.error).toBe(true);
    expect(input(card, 0, 'description').props.validationMessage).toBe(
      'Describe this commitment, or remove the row.',
    );
    expect(input(card, 0, 'owner').props.validationMessage).toBe(
      'No owner yet: the completeness score counts it as missing until it is filled in.',
    );
    expect(input(card, 0, 'dueDate').props.validationMessage).toBe(
      'No due date yet: the completeness score counts it as missing until it is filled in.',
    );
    expect(saveButton(card).props.disabled).toBe(true);

    typeInto(input(card, 0, 'description'), 'Weekly check-ins for 90 days');
    expect(input(card, 0, 'description').props.validationMessage).toBeUndefined();
    // A missing owner or date is flagged, not refused: the score shows it as missing.
    expect(saveButton(card).props.disabled).toBe(false);

    typeInto(input(card, 0, 'dueDate'), '15/12/2026');
    expect(input(card, 0, 'dueDate').props.validationMessage).toBe(
      'Write the due date as YYYY-MM-DD, for example 2026-12-15.',
    );
    expect(saveButton(card).props.disabled).toBe(true);
    typeInto(input(card, 0, 'dueDate'), '2026-02-30');
    expect(saveButton(card).props.disabled).toBe(true);

    typeInto(input(card, 0, 'dueDate'), 'TBD');
    expect(input(card, 0, 'dueDate').props.validationMessage).toBe(
      '"TBD" counts as missing: write the date as YYYY-MM-DD.',
    );
    expect(saveButton(card).props.disabled).toBe(false);
    typeInto(input(card, 0, 'dueDate'), 'N/A');
    expect(input(card, 0, 'dueDate').props.validationMessage).toBeUndefined();
    typeInto(input(card, 0, 'dueDate'), '2027-01-15');
    expect(input(card, 0, 'dueDate').props.error).toBe(false);

    typeInto(input(card, 0, 'owner'), 'TBD');
    expect(input(card, 0, 'owner').props.validationMessage).toBe(
      '"TBD" counts as missing: fill it in, or write N/A if it does not apply.',
    );
    typeInto(input(card, 0, 'owner'), 'x'.repeat(4001));
    expect(input(card, 0, 'owner').props.validationMessage).toBe(
      'Keep this under 4000 characters.',
    );
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('edits and removes rows, keeping the ids the table does not show', async () => {
    const backend = new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    typeInto(input(card, 1, 'owner'), 'Sam Cole (CSM)');
    choose(select(card, 2, 'status'), 'at_risk');
    card.findByTestId(Button, 'remove-commitment-0').trigger('onClick');
    expect(card.maybeFind(Input, { name: 'commitments.0.description' })).toBeNull();
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const [checkIns, report] = readyDraft().commitments!.slice(1);
    expect(backend.document?.commitments).toEqual([
      { ...checkIns, owner: 'Sam Cole (CSM)' },
      { ...report, status: 'at_risk' },
    ]);
  });

  it('discards unsaved edits', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(input(card, 1, 'description'), 'Something else');
    card.findByTestId(Button, 'discard-commitments').trigger('onClick');
    expect(input(card, 1, 'description').props.value).toBe(
      'Weekly check-ins during the first 90 days',
    );
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('is read-only for the CSM reviewing it', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(input(card, 0, 'description').props.readOnly).toBe(true);
    expect(input(card, 0, 'dueDate').props.readOnly).toBe(true);
    expect(select(card, 0, 'status').props.readOnly).toBe(true);
    expect(select(card, 0, 'source').props.readOnly).toBe(true);
    expect(card.maybeFindByTestId(Button, 'add-commitment')).toBeNull();
    expect(card.maybeFindByTestId(Button, 'save-commitments')).toBeNull();
    expect(card.maybeFindByTestId(Button, 'remove-commitment-0')).toBeNull();
  });
});
