// The stakeholder map on the card: roles the template needs flagged from the core's missing
// items, rows added and edited with validation as you type, and saved like every section.
import { Alert, Button, Input, ProgressBar, Select, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffCardEntry } from '../../extensions/handoff-card';
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
  card.find(Input, { name: `stakeholders.${row}.${name}` });
const select = (card: Rendered, row: number, name: string) =>
  card.find(Select, { name: `stakeholders.${row}.${name}` });
const saveButton = (card: Rendered) => card.findByTestId(Button, 'save-stakeholders');
const gapsText = (card: Rendered) =>
  card.maybeFind(Alert, { title: 'Roles not covered' })?.toString() ?? '';

describe('the stakeholder map', () => {
  it('flags each role the template needs that no stakeholder covers', async () => {
    const card = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    const gaps = gapsText(card);
    for (const role of ['executive sponsor', 'champion', 'economic buyer', 'technical lead'])
      expect(gaps).toContain(`No ${role} mapped: add one with a name and title.`);
    expect(gaps).not.toContain('end users');
    expect(card.findByTestId(Button, 'add-stakeholder')).toBeDefined();
  });

  it('shows every saved stakeholder in the table, and no gaps when the roles are covered', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(card)).toBe('');
    expect(select(card, 0, 'role').props.value).toBe('executive_sponsor');
    expect(input(card, 0, 'name').props.value).toBe('Dana Whitfield');
    expect(input(card, 0, 'title').props.value).toBe('COO');
    expect(select(card, 0, 'sentiment').props.value).toBe('champion');
    expect(select(card, 0, 'relationship').props.value).toBe('strong');
    expect(input(card, 4, 'name').props.value).toBe('Depot dispatchers (40)');
  });

  it('adds an executive sponsor, saves with the version it started from, and the gap closes', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    const before = card.find(ProgressBar).props.value!;
    expect(saveButton(card).props.disabled).toBe(true);

    card.findByTestId(Button, 'add-stakeholder').trigger('onClick');
    choose(select(card, 0, 'role'), 'executive_sponsor');
    typeInto(input(card, 0, 'name'), 'Dana Whitfield');
    typeInto(input(card, 0, 'title'), 'COO');
    choose(select(card, 0, 'sentiment'), 'supporter');
    choose(select(card, 0, 'relationship'), 'strong');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(card.find(ProgressBar).props.value).toBeGreaterThan(before));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      baseVersion: 1,
      sections: {
        stakeholders: [
          {
            role: 'executive_sponsor',
            name: 'Dana Whitfield',
            title: 'COO',
            sentiment: 'supporter',
            relationshipStrength: 'strong',
          },
        ],
      },
    });
    expect(backend.version).toBe(2);
    expect(backend.document?.stakeholders).toHaveLength(1);
    expect(gapsText(card)).not.toContain('executive sponsor');
    expect(gapsText(card)).toContain('No champion mapped');
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('says as you type what the backend would not count, and will not save a nameless row', async () => {
    const card = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    card.findByTestId(Button, 'add-stakeholder').trigger('onClick');
    expect(input(card, 0, 'name').props.error).toBe(true);
    expect(input(card, 0, 'name').props.validationMessage).toBe(
      'Name this stakeholder, or remove the row.',
    );
    expect(saveButton(card).props.disabled).toBe(true);

    typeInto(input(card, 0, 'title'), 'TBD');
    expect(input(card, 0, 'title').props.validationMessage).toBe(
      '"TBD" counts as missing: fill it in, or write N/A if it does not apply.',
    );
    typeInto(input(card, 0, 'name'), 'Lee Ortega');
    expect(input(card, 0, 'name').props.validationMessage).toBeUndefined();
    // A placeholder is flagged, not refused: the score shows it as missing.
    expect(saveButton(card).props.disabled).toBe(false);

    typeInto(input(card, 0, 'name'), 'x'.repeat(4001));
    expect(input(card, 0, 'name').props.validationMessage).toBe('Keep this under 4000 characters.');
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('edits and removes rows, keeping what the table does not show', async () => {
    const backend = new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    typeInto(input(card, 0, 'title'), 'Chief Operating Officer');
    card.findByTestId(Button, 'remove-stakeholder-4').trigger('onClick');
    expect(card.maybeFind(Input, { name: 'stakeholders.4.name' })).toBeNull();
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const stakeholders = backend.document?.stakeholders ?? [];
    expect(stakeholders.map((s) => s.name)).toEqual([
      'Dana Whitfield',
      'Lee Ortega',
      'Priya Raman',
      'Sam Okafor',
    ]);
    expect(stakeholders[0]).toEqual({
      ...readyDraft().stakeholders![0],
      title: 'Chief Operating Officer',
    });
  });

  it('discards unsaved edits', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(input(card, 1, 'name'), 'Someone else');
    card.findByTestId(Button, 'discard-stakeholders').trigger('onClick');
    expect(input(card, 1, 'name').props.value).toBe('Lee Ortega');
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('is read-only for the CSM reviewing it', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(input(card, 0, 'name').props.readOnly).toBe(true);
    expect(select(card, 0, 'role').props.readOnly).toBe(true);
    expect(card.maybeFindByTestId(Button, 'add-stakeholder')).toBeNull();
    expect(card.maybeFindByTestId(Button, 'save-stakeholders')).toBeNull();
  });
});
