// Editing on the card: a section saved with the version it started from, validation as you
// type, a save that lost to someone else's (conflict: reload), and the intro email copied.
import { Alert, Button, ProgressBar, TextArea, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffCardEntry } from '../../extensions/handoff-card';
import { BASE_URL, DEAL_ID, FakeCardBackend } from './helpers/card-backend';
import { SOON_AFTER_CLOSE, readyDraft, thinDraft } from './helpers/handoffs';
import { typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

async function renderCard(backend: FakeCardBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const renderer = createRenderer('crm.record.tab');
  const copy = jest.fn(async (_text: string) => undefined);
  renderer.render(<HandoffCardEntry dealId={DEAL_ID} baseUrl={BASE_URL} copy={copy} />);
  await renderer.waitFor(() => expect(renderer.maybeFind(ProgressBar)).not.toBeNull());
  return { ...renderer, copy };
}

type Rendered = Awaited<ReturnType<typeof renderCard>>;

const field = (card: Rendered, name: string) =>
  card.find(TextArea, { name: `customerContext.${name}` });
const saveButton = (card: Rendered) => card.findByTestId(Button, 'save-customer-context');

describe('the customer context section', () => {
  it('saves with the version it started from, and the scores move', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    const before = card.find(ProgressBar).props.value!;
    expect(saveButton(card).props.disabled).toBe(true);

    typeInto(field(card, 'whyNow'), 'Peak season starts in March');
    typeInto(field(card, 'industry'), 'Logistics');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(card.find(ProgressBar).props.value).toBeGreaterThan(before));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toMatchObject({
      baseVersion: 1,
      sections: {
        customerContext: {
          companyOverview: 'Freight carrier, 400 trucks.',
          industry: 'Logistics',
          whyNow: 'Peak season starts in March',
        },
      },
    });
    expect(backend.version).toBe(2);
    expect(backend.document?.customerContext?.whyNow).toBe('Peak season starts in March');
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('says as you type that a placeholder counts as missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(field(card, 'whyNow'), 'TBD');
    expect(field(card, 'whyNow').props.error).toBe(true);
    expect(field(card, 'whyNow').props.validationMessage).toBe(
      '"TBD" counts as missing: fill it in, or write N/A if it does not apply.',
    );
    typeInto(field(card, 'whyNow'), 'N/A');
    expect(field(card, 'whyNow').props.validationMessage).toBeUndefined();
  });

  it('keeps the edit and asks for a reload when someone else saved first', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    typeInto(field(card, 'industry'), 'Logistics');
    backend.saveElsewhere();
    saveButton(card).trigger('onClick');

    await card.waitFor(() =>
      expect(card.maybeFind(Alert, { title: 'Someone else saved this handoff' })).not.toBeNull(),
    );
    expect(card.find(Alert, { title: 'Someone else saved this handoff' }).toString()).toContain(
      'reload to see their changes',
    );
    expect(field(card, 'industry').props.value).toBe('Logistics');
    expect(saveButton(card).props.disabled).toBe(true);
    expect(backend.version).toBe(2);

    card.findByTestId(Button, 'reload').trigger('onClick');
    await card.waitFor(() =>
      expect(card.maybeFind(Alert, { title: 'Someone else saved this handoff' })).toBeNull(),
    );
    await card.waitFor(() => expect(card.maybeFind(ProgressBar)).not.toBeNull());
    expect(field(card, 'industry').props.value).toBe('');
  });
});

describe('the intro email', () => {
  it('is copied for the AE from the backend draft', async () => {
    const backend = new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    card.findByTestId(Button, 'copy-intro-email').trigger('onClick');
    await card.waitFor(() => expect(card.copy).toHaveBeenCalledTimes(1));
    const text = card.copy.mock.calls[0]![0];
    expect(text).toMatch(/^To: .*\nCc: .*\nSubject: .+\n\n/);
    expect(text).toContain('Sam Cole');
    expect(backend.requests.at(-1)).toMatchObject({ method: 'GET', path: '/intro-email' });
  });
});
