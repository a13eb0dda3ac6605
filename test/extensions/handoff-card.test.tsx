// The deal record's handoff card, rendered with HubSpot's test renderer against the real card
// API functions (hubspot.fetch spied): every state and role the card must make obvious.
import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  ProgressBar,
  StatusTag,
  StepIndicator,
  Text,
  TextArea,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffCardEntry } from '../../extensions/handoff-card';
import type { CardView } from '../../extensions/handoff-card/card-types';
import { BASE_URL, CSM, DEAL_ID, FakeCardBackend } from './helpers/card-backend';
import {
  CLOSED_WON_AT,
  HOUR,
  SOON_AFTER_CLOSE,
  accepted,
  readyDraft,
  returnedWithGaps,
  submitted,
  thinDraft,
} from './helpers/handoffs';
import { typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

async function renderCard(backend: FakeCardBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const renderer = createRenderer('crm.record.tab');
  const copy = jest.fn(async (_text: string) => undefined);
  renderer.render(<HandoffCardEntry dealId={DEAL_ID} baseUrl={BASE_URL} copy={copy} />);
  return { ...renderer, copy };
}

type Rendered = Awaited<ReturnType<typeof renderCard>>;

async function loaded(card: Rendered): Promise<void> {
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
}

/** The view the backend sends this user now, as the card received it. */
async function viewFor(backend: FakeCardBackend): Promise<CardView> {
  const response = await backend.fetch(`${BASE_URL}/api/deals/${DEAL_ID}/handoff`);
  return (await response.json()) as CardView;
}

function button(card: Rendered, testId: string) {
  return card.findByTestId(Button, testId);
}

/** Every text in the card, in order (`text` is only a node's own text). */
function textOf(node: { toString: () => string }): string {
  return node.toString();
}

describe('the handoff card', () => {
  it('shows a spinner until the card API answers', async () => {
    const card = await renderCard(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(card.find(LoadingSpinner).props.label).toBe('Loading the handoff');
    await loaded(card);
    expect(hubspot.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/api/deals/${DEAL_ID}/handoff`,
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('offers to start a handoff on a closed-won deal that has none', async () => {
    const backend = new FakeCardBackend(null, SOON_AFTER_CLOSE);
    const card = await renderCard(backend);
    await loaded(card);
    expect(card.find(EmptyState).props.title).toBe('No handoff yet');
    button(card, 'start-handoff').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(EmptyState)).toBeNull());
    expect(backend.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET ', 'POST /start']);
    expect(card.find(StepIndicator).props.currentStep).toBe(0);
  });

  it('says when the backend cannot be reached, and loads again on retry', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    backend.unreachable = true;
    const card = await renderCard(backend);
    await loaded(card);
    expect(card.find(ErrorState).props.title).toBe('The handoff could not be loaded');
    expect(textOf(card.find(ErrorState))).toContain('Baton could not be reached');
    backend.unreachable = false;
    button(card, 'retry').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(StepIndicator)).not.toBeNull());
  });

  describe('a draft, seen by its AE', () => {
    it('shows the step, the owner, completeness with what is missing, and why submit waits', async () => {
      const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
      const view = (await viewFor(backend)).handoff!;
      const card = await renderCard(backend);
      await loaded(card);

      expect(card.find(StepIndicator).props.currentStep).toBe(0);
      expect(card.findByTestId(Text, 'ownership').text).toBe(
        'AE owns the customer until CS accepts',
      );
      expect(card.find(ProgressBar).props.value).toBe(view.completeness.score);
      expect(textOf(card.getRootNode())).toContain(
        `Still missing (${view.completeness.missing.length})`,
      );
      expect(textOf(card.getRootNode())).toContain('Customer context: Business challenge');

      const submit = button(card, 'action:submit');
      expect(submit.props.disabled).toBe(true);
      const reason = view.actions.find((a) => a.action === 'submit')!.reason!;
      expect(card.findByTestId(Text, 'submit-blocked').text).toBe(`Cannot submit yet: ${reason}`);
      expect(reason).toContain(`${view.minimumCompleteness}%`);
      expect(card.findByTestId(Text, 'quality-total').text).toBe(
        `Quality ${view.quality.total} / 100`,
      );
    });

    it('submits a complete draft with the version it was loaded at', async () => {
      const backend = new FakeCardBackend(readyDraft(), SOON_AFTER_CLOSE);
      const card = await renderCard(backend);
      await loaded(card);
      expect(card.findByTestId(Text, 'next-action').text).toBe('Next for you: Submit the handoff');
      button(card, 'action:submit').trigger('onClick');
      await card.waitFor(() => expect(card.find(StepIndicator).props.currentStep).toBe(1));
      expect(backend.requests.at(1)).toEqual({
        method: 'POST',
        path: '/actions',
        body: { baseVersion: 1, action: { type: 'submit' } },
      });
      expect(card.find(StatusTag, { variant: 'info' }).text).toBe('Submitted to the receiver');
    });
  });

  describe('a submitted handoff', () => {
    it('leaves the AE owning the customer with nothing to decide', async () => {
      const card = await renderCard(new FakeCardBackend(submitted(), SOON_AFTER_CLOSE + HOUR));
      await loaded(card);
      expect(card.findByTestId(Text, 'ownership').text).toBe(
        'AE owns the customer until CS accepts',
      );
      expect(card.maybeFindByTestId(Button, 'action:accept')).toBeNull();
      expect(card.maybeFindByTestId(Button, 'action:return:needs_revision')).toBeNull();
    });

    it('lets the CSM accept it or send it back with named gaps', async () => {
      const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE + HOUR);
      backend.user = CSM;
      const card = await renderCard(backend);
      await loaded(card);
      expect(card.findByTestId(Text, 'next-action').text).toBe('Next for you: Accept the handoff');
      expect(button(card, 'action:accept').props.variant).toBe('primary');

      button(card, 'action:return:needs_revision').trigger('onClick');
      const sendButton = () => card.find(Button, (node) => node.text === 'Ask for revision');
      expect(sendButton().props.disabled).toBe(true);
      typeInto(card.find(TextArea, { name: 'typedGaps' }), 'Success criteria are not measurable\n');
      expect(sendButton().props.disabled).toBe(false);
      sendButton().trigger('onClick');

      await card.waitFor(() =>
        expect(card.find(StatusTag, { variant: 'info' }).text).toBe('Returned: needs revision'),
      );
      expect(backend.requests.at(-1)?.body).toEqual({
        baseVersion: 1,
        action: {
          type: 'return',
          decision: 'needs_revision',
          gaps: ['Success criteria are not measurable'],
        },
      });
    });

    it('does not send a return without a gap', async () => {
      const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE + HOUR);
      backend.user = CSM;
      const card = await renderCard(backend);
      await loaded(card);
      button(card, 'action:return:rejected').trigger('onClick');
      const area = card.find(TextArea, { name: 'typedGaps' });
      typeInto(area, '   ');
      expect(card.find(TextArea, { name: 'typedGaps' }).props.validationMessage).toBe(
        'Name at least one gap: pick a missing item or type one.',
      );
      expect(card.find(Button, (node) => node.text === 'Reject').props.disabled).toBe(true);
    });
  });

  it('shows the AE the gaps CS returned, and lets them resubmit', async () => {
    const gaps = ['Success criteria are not measurable', 'No data migration plan'];
    const backend = new FakeCardBackend(returnedWithGaps(gaps), SOON_AFTER_CLOSE + 2 * HOUR);
    const view = (await viewFor(backend)).handoff!;
    const card = await renderCard(backend);
    await loaded(card);
    expect(textOf(card.find(Alert, { title: 'CS asked for a revision' }))).toContain(gaps[0]);
    expect(textOf(card.find(Alert, { title: 'CS asked for a revision' }))).toContain(gaps[1]);
    expect(card.find(StepIndicator).props.currentStep).toBe(1);
    expect(button(card, 'action:submit').props.disabled).toBe(false);
    const revision = view.clocks.find((clock) => clock.name === 'revision_fix')!;
    expect(revision.dueAt).not.toBeNull();
    expect(textOf(card.getRootNode())).toContain(revision.label);
  });

  it('moves ownership to CS once accepted, and offers the CSM the next milestones', async () => {
    const backend = new FakeCardBackend(accepted(), SOON_AFTER_CLOSE + 2 * HOUR);
    backend.user = CSM;
    const view = (await viewFor(backend)).handoff!;
    const card = await renderCard(backend);
    await loaded(card);
    expect(card.find(StepIndicator).props.currentStep).toBe(2);
    expect(card.findByTestId(Text, 'ownership').text).toBe(view.ownership.statement);
    expect(view.ownership.statement).toBe('CS owns the customer (accepted from AE)');
    const milestones = view.actions.filter((a) => a.allowed && a.action.startsWith('mark:'));
    expect(milestones.length).toBeGreaterThan(0);
    for (const milestone of milestones) {
      expect(button(card, `action:${milestone.action}`).props.disabled).toBe(false);
    }
    expect(card.find(TextArea, { name: 'customerContext.industry' }).props.readOnly).toBe(true);
  });

  it('flags breached SLA clocks with their due times', async () => {
    const fiveDaysLater = CLOSED_WON_AT + 5 * 24 * HOUR;
    const backend = new FakeCardBackend(thinDraft(), fiveDaysLater);
    const view = (await viewFor(backend)).handoff!;
    const card = await renderCard(backend);
    await loaded(card);
    expect(view.slaState).toBe('breached');
    expect(card.find(StatusTag, { variant: 'danger' }).text).toBe('SLA breached');
    expect(card.findAll(Alert, { title: 'SLA breached' }).length).toBeGreaterThan(0);
    expect(textOf(card.getRootNode())).toContain('2026-11-04 10:00 UTC');
    expect(card.findAll(StatusTag, (node) => node.text === 'Breached').length).toBe(
      view.clocks.filter((c) => c.status === 'breached').length,
    );
  });
});
