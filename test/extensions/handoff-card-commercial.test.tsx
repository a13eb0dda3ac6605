// The commercial terms on the card: saved values shown, the core's missing commercial items
// flagged, the contract value checked as an amount as typed, saved with its version, read-only
// for the CSM.
import { Alert, Button, Input, TextArea } from '@hubspot/ui-extensions';
import { CSM, FakeCardBackend } from './helpers/card-backend';
import { SOON_AFTER_CLOSE, readyDraft, submitted, thinDraft } from './helpers/handoffs';
import { type RenderedCard, renderCard } from './helpers/render-card';
import { typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

const value = (card: RenderedCard) => card.find(Input, { name: 'commercial.contractValue' });
const terms = (card: RenderedCard, name: string) =>
  card.find(TextArea, { name: `commercial.${name}` });
const saveButton = (card: RenderedCard) => card.findByTestId(Button, 'save-commercial');
const gapsText = (card: RenderedCard) =>
  card.maybeFind(Alert, { title: 'Commercial terms: missing items' })?.toString() ?? '';

describe('the commercial terms', () => {
  it('shows the saved terms, and flags only what the score finds missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(value(card).props.value).toBe('120000');
    expect(terms(card, 'paymentTerms').props.value).toBe('Annual in advance, net 30');
    expect(gapsText(card)).toBe('');
    jest.restoreAllMocks();

    const thin = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(thin)).toContain('Contract value');
    expect(gapsText(thin)).toContain('Payment terms');
    expect(value(thin).props.required).toBe(true);
  });

  it('saves the amount as a number with the version it started from', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    typeInto(value(card), '95,500');
    typeInto(terms(card, 'paymentTerms'), 'Quarterly, net 45');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      baseVersion: 1,
      sections: {
        commercial: {
          contractValue: 95500,
          discount: null,
          paymentTerms: 'Quarterly, net 45',
          specialTerms: null,
        },
      },
    });
    expect(backend.document?.commercial?.contractValue).toBe(95500);
    await card.waitFor(() => expect(gapsText(card)).not.toContain('Contract value'));
    expect(value(card).props.value).toBe('95500');
  });

  it('says as you type when the contract value is not an amount, and will not save it', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(value(card), 'about 100k');
    expect(value(card).props.error).toBe(true);
    expect(value(card).props.validationMessage).toBe(
      'Write the contract value as a number, for example 120000.',
    );
    expect(saveButton(card).props.disabled).toBe(true);

    typeInto(value(card), '-5');
    expect(value(card).props.validationMessage).toBe('The contract value cannot be negative.');
    expect(saveButton(card).props.disabled).toBe(true);

    typeInto(value(card), '130000.50');
    expect(value(card).props.validationMessage).toBeUndefined();
    expect(saveButton(card).props.disabled).toBe(false);

    typeInto(terms(card, 'discount'), 'TBD');
    expect(terms(card, 'discount').props.validationMessage).toBe(
      '"TBD" counts as missing: fill it in, or write N/A if it does not apply.',
    );
  });

  it('is read-only for the CSM reviewing it', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(value(card).props.readOnly).toBe(true);
    expect(terms(card, 'paymentTerms').props.readOnly).toBe(true);
    expect(card.maybeFindByTestId(Button, 'save-commercial')).toBeNull();
  });
});
