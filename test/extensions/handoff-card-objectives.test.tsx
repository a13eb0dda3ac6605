// The objectives section on the card: saved values shown, the core's missing objective items
// flagged, edited and saved with its version, checked as typed, read-only for the CSM.
import { Alert, Button, TextArea } from '@hubspot/ui-extensions';
import { CSM, FakeCardBackend } from './helpers/card-backend';
import { SOON_AFTER_CLOSE, readyDraft, submitted, thinDraft } from './helpers/handoffs';
import { type RenderedCard, renderCard } from './helpers/render-card';
import { typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

const field = (card: RenderedCard, name: string) =>
  card.find(TextArea, { name: `objectives.${name}` });
const saveButton = (card: RenderedCard) => card.findByTestId(Button, 'save-objectives');
const gapsText = (card: RenderedCard) =>
  card.maybeFind(Alert, { title: 'Objectives: missing items' })?.toString() ?? '';

describe('the objectives section', () => {
  it('shows the saved objectives, and flags only what the score finds missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(field(card, 'primaryObjective').props.value).toBe(
      'Halve late deliveries (9% to under 4.5%) by end of Q3',
    );
    expect(field(card, 'roiExpectation').props.label).toBe('ROI expectation');
    expect(gapsText(card)).toBe('');
    jest.restoreAllMocks();

    const thin = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(thin)).toContain('Primary objective');
    expect(gapsText(thin)).toContain('ROI expectation');
    expect(field(thin, 'primaryObjective').props.required).toBe(true);
  });

  it('saves with the version it started from, and the gap closes', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    expect(saveButton(card).props.disabled).toBe(true);

    typeInto(field(card, 'primaryObjective'), 'Cut late deliveries in half');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      baseVersion: 1,
      sections: {
        objectives: {
          primaryObjective: 'Cut late deliveries in half',
          successCriteria: null,
          roiExpectation: null,
          personalWins: null,
        },
      },
    });
    expect(backend.document?.objectives?.primaryObjective).toBe('Cut late deliveries in half');
    await card.waitFor(() => expect(gapsText(card)).not.toContain('Primary objective'));
    expect(gapsText(card)).toContain('ROI expectation');
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('says as you type what would count as missing, and will not save text too long', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(field(card, 'roiExpectation'), 'TBD');
    expect(field(card, 'roiExpectation').props.validationMessage).toBe(
      '"TBD" counts as missing: fill it in, or write N/A if it does not apply.',
    );
    expect(saveButton(card).props.disabled).toBe(false);

    typeInto(field(card, 'roiExpectation'), 'x'.repeat(4001));
    expect(field(card, 'roiExpectation').props.validationMessage).toBe(
      'Keep this under 4000 characters.',
    );
    expect(saveButton(card).props.disabled).toBe(true);

    card.findByTestId(Button, 'discard-objectives').trigger('onClick');
    expect(field(card, 'roiExpectation').props.value).toBe(
      'USD 400k a year in avoided penalties and overtime',
    );
  });

  it('is read-only for the CSM reviewing it', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(field(card, 'primaryObjective').props.readOnly).toBe(true);
    expect(card.maybeFindByTestId(Button, 'save-objectives')).toBeNull();
  });
});
