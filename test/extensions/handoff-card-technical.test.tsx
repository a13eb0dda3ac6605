// The technical section on the card: saved values shown, the core's missing technical items
// flagged, edited and saved with its version, checked as typed, read-only for the CSM.
import { Alert, Button, TextArea } from '@hubspot/ui-extensions';
import { CSM, FakeCardBackend } from './helpers/card-backend';
import { SOON_AFTER_CLOSE, readyDraft, submitted, thinDraft } from './helpers/handoffs';
import { type RenderedCard, renderCard } from './helpers/render-card';
import { typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

const field = (card: RenderedCard, name: string) =>
  card.find(TextArea, { name: `technical.${name}` });
const saveButton = (card: RenderedCard) => card.findByTestId(Button, 'save-technical');
const gapsText = (card: RenderedCard) =>
  card.maybeFind(Alert, { title: 'Technical: missing items' })?.toString() ?? '';

describe('the technical section', () => {
  it('shows the saved details, and flags only what the score finds missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    expect(field(card, 'environment').props.value).toBe('Azure, Microsoft 365, McLeod TMS on-prem');
    expect(field(card, 'dataMigration').props.value).toBe('N/A');
    expect(field(card, 'dataMigration').props.validationMessage).toBeUndefined();
    expect(gapsText(card)).toBe('');
    jest.restoreAllMocks();

    const thin = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(gapsText(thin)).toContain('Technical environment');
    expect(gapsText(thin)).toContain('Security and compliance');
  });

  it('saves with the version it started from, keeping the other fields', async () => {
    const backend = new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    typeInto(field(card, 'integrations'), '  McLeod TMS, Samsara, Power BI, Snowflake ');
    saveButton(card).trigger('onClick');
    await card.waitFor(() => expect(backend.version).toBe(2));

    const put = backend.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      baseVersion: 1,
      sections: {
        technical: {
          ...readyDraft().technical,
          integrations: 'McLeod TMS, Samsara, Power BI, Snowflake',
        },
      },
    });
    expect(backend.document?.technical?.integrations).toBe(
      'McLeod TMS, Samsara, Power BI, Snowflake',
    );
  });

  it('says as you type that a placeholder counts as missing', async () => {
    const card = await renderCard(new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE));
    typeInto(field(card, 'securityCompliance'), 'todo: ask legal');
    expect(field(card, 'securityCompliance').props.error).toBe(true);
    expect(field(card, 'securityCompliance').props.validationMessage).toBe(
      '"todo: ask legal" counts as missing: fill it in, or write N/A if it does not apply.',
    );
  });

  it('is read-only for the CSM reviewing it', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE);
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(field(card, 'environment').props.readOnly).toBe(true);
    expect(card.maybeFindByTestId(Button, 'save-technical')).toBeNull();
  });
});
