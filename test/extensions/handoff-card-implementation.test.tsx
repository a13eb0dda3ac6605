// The implementation plan on the card: dates and milestones shown, the core's missing
// implementation items flagged, a milestone added and saved with its version, dates checked as
// typed by the schema's rule, read-only for the CSM.
import { Alert, Button, Input } from '@hubspot/ui-extensions';
import { CSM, FakeCardBackend } from './helpers/card-backend';
import { SOON_AFTER_CLOSE, readyDraft, submitted, thinDraft } from './helpers/handoffs';
import { type RenderedCard, renderCard } from './helpers/render-card';
import { typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

const date = (card: RenderedCard, name: string) =>
  card.find(Input, { name: `implementation.${name}` });
const milestone = (card: RenderedCard, row: number, name: string) =>
  card.find(Input, { name: `implementation.milestones.${row}.${name}` });
const saveButton = (card: RenderedCard) => card.findByTestId(Button, 'save-implementation');
const gapsText = (card: RenderedCard) =>
  card.maybeFind(Alert, { title: 'Implementation plan: missing items' })?.toString() ?? '';

describe('the implementation plan', () => {
  it('shows the saved plan with its milestones, and flags only what the score finds missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(date(card, 'goLiveDate').props.value).toBe('2027-02-15');
    expect(milestone(card, 0, 'name').props.value).toBe('Pilot depot migrated');
    expect(milestone(card, 1, 'date').props.value).toBe('2027-02-15');
    expect(gapsText(card)).toBe('');
    jest.restoreAllMocks();

    const thin = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(thin)).toContain('Implementation start date');
    expect(gapsText(thin)).toContain('Go-live date');
  });

  it('adds a milestone and saves the plan with the version it started from', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    expect(saveButton(card).props.disabled).toBe(true);
    typeInto(date(card, 'startDate'), '2026-11-16');
    card.findByTestId(Button, 'add-milestone').trigger('onClick');
    typeInto(milestone(card, 0, 'name'), 'Pilot depot live');
    typeInto(milestone(card, 0, 'date'), '2026-12-01');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      baseVersion: 1,
      sections: {
        implementation: {
          startDate: '2026-11-16',
          goLiveDate: null,
          customerResources: null,
          dependencies: null,
          timelineRisks: null,
          milestones: [{ name: 'Pilot depot live', date: '2026-12-01' }],
        },
      },
    });
    expect(backend.document?.implementation?.milestones).toEqual([
      { name: 'Pilot depot live', date: '2026-12-01' },
    ]);
    await card.waitFor(() => expect(gapsText(card)).not.toContain('Implementation start date'));
  });

  it('checks dates as you type, and will not save one the backend would refuse', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(date(card, 'goLiveDate'), '15/02/2027');
    expect(date(card, 'goLiveDate').props.validationMessage).toBe(
      'Write the go-live date as YYYY-MM-DD, for example 2026-12-15.',
    );
    expect(saveButton(card).props.disabled).toBe(true);
    typeInto(date(card, 'goLiveDate'), 'TBD');
    expect(date(card, 'goLiveDate').props.validationMessage).toBe(
      '"TBD" counts as missing: write the date as YYYY-MM-DD.',
    );
    expect(saveButton(card).props.disabled).toBe(false);

    card.findByTestId(Button, 'add-milestone').trigger('onClick');
    expect(milestone(card, 2, 'name').props.validationMessage).toBe(
      'Name this milestone, or remove the row.',
    );
    expect(saveButton(card).props.disabled).toBe(true);
    card.findByTestId(Button, 'remove-milestone-2').trigger('onClick');
    expect(saveButton(card).props.disabled).toBe(false);

    card.findByTestId(Button, 'discard-implementation').trigger('onClick');
    expect(date(card, 'goLiveDate').props.value).toBe('2027-02-15');
  });

  it('is read-only for the CSM reviewing it', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(date(card, 'startDate').props.readOnly).toBe(true);
    expect(milestone(card, 0, 'name').props.readOnly).toBe(true);
    expect(card.maybeFindByTestId(Button, 'add-milestone')).toBeNull();
    expect(card.maybeFindByTestId(Button, 'save-implementation')).toBeNull();
  });
});
