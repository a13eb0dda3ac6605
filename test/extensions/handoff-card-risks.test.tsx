// The risk register on the card: saved values shown, the core's missing risk items flagged, the
// churn risk offered from the core's choices, saved with its version, checked as typed,
// read-only for the CSM.
import { Alert, Button, Select, TextArea } from '@hubspot/ui-extensions';
import { CHURN_RISKS } from '../../src/core';
import { CSM, FakeCardBackend } from './helpers/card-backend';
import { SOON_AFTER_CLOSE, readyDraft, submitted, thinDraft } from './helpers/handoffs';
import { type RenderedCard, renderCard } from './helpers/render-card';
import { choose, typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

const churnRisk = (card: RenderedCard) => card.find(Select, { name: 'risks.churnRisk' });
const field = (card: RenderedCard, name: string) => card.find(TextArea, { name: `risks.${name}` });
const saveButton = (card: RenderedCard) => card.findByTestId(Button, 'save-risks');
const gapsText = (card: RenderedCard) =>
  card.maybeFind(Alert, { title: 'Risk register: missing items' })?.toString() ?? '';

describe('the risk register', () => {
  it('shows the saved register, and flags only what the score finds missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(churnRisk(card).props.value).toBe('low');
    expect(field(card, 'remainingConcerns').props.value).toBe('IT bandwidth in December');
    expect(gapsText(card)).toBe('');
    jest.restoreAllMocks();

    const thin = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(thin)).toContain('Objections raised');
    expect(gapsText(thin)).toContain('Churn risk rating');
  });

  it('offers exactly the schema choices for the churn risk', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(churnRisk(card).props.options.map((option) => option.value)).toEqual([
      '',
      ...CHURN_RISKS,
    ]);
  });

  it('saves with the version it started from, and the gaps close', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    choose(churnRisk(card), 'high');
    typeInto(field(card, 'objections'), 'Price versus the incumbent');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      baseVersion: 1,
      sections: {
        risks: {
          objections: 'Price versus the incumbent',
          howHandled: null,
          remainingConcerns: null,
          churnIndicators: null,
          churnRisk: 'high',
        },
      },
    });
    expect(backend.document?.risks?.churnRisk).toBe('high');
    await card.waitFor(() => expect(gapsText(card)).not.toContain('Churn risk rating'));
    expect(gapsText(card)).toContain('Remaining concerns');
  });

  it('says as you type that a placeholder counts as missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(field(card, 'churnIndicators'), '?');
    expect(field(card, 'churnIndicators').props.validationMessage).toBe(
      '"?" counts as missing: fill it in, or write N/A if it does not apply.',
    );
  });

  it('is read-only for the CSM reviewing it', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(churnRisk(card).props.readOnly).toBe(true);
    expect(field(card, 'objections').props.readOnly).toBe(true);
    expect(card.maybeFindByTestId(Button, 'save-risks')).toBeNull();
  });
});
