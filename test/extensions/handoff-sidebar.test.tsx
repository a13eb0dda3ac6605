// The deal record's sidebar card, rendered with HubSpot's test renderer against the real card
// API functions (hubspot.fetch spied): the handoff at a glance, in every state it can be in.
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  ProgressBar,
  StatusTag,
  Text,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffSidebarEntry } from '../../extensions/handoff-sidebar';
import { TAB_HINT } from '../../extensions/handoff-sidebar/HandoffSidebar';
import type { CardView } from '../../extensions/handoff-card/card-types';
import { AE, BASE_URL, CSM, DEAL_ID, FakeCardBackend } from './helpers/card-backend';
import { CLOSED_WON_AT, HOUR, SOON_AFTER_CLOSE, submitted, thinDraft } from './helpers/handoffs';

afterEach(() => jest.restoreAllMocks());

function renderSidebar(backend: FakeCardBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const renderer = createRenderer('crm.record.sidebar');
  renderer.render(<HandoffSidebarEntry dealId={DEAL_ID} baseUrl={BASE_URL} />);
  return renderer;
}

type Rendered = ReturnType<typeof renderSidebar>;

async function loaded(sidebar: Rendered): Promise<void> {
  await sidebar.waitFor(() => expect(sidebar.maybeFind(LoadingSpinner)).toBeNull());
}

async function viewFor(backend: FakeCardBackend): Promise<NonNullable<CardView['handoff']>> {
  const response = await backend.fetch(`${BASE_URL}/api/deals/${DEAL_ID}/handoff`);
  const view = (await response.json()) as CardView;
  if (!view.handoff) throw new Error('no handoff');
  return view.handoff;
}

function textById(sidebar: Rendered, testId: string): string {
  return sidebar.findByTestId(Text, testId).text ?? '';
}

describe('the handoff sidebar card', () => {
  it('shows a spinner until its one card API call answers', async () => {
    const sidebar = renderSidebar(new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE));
    expect(sidebar.find(LoadingSpinner).props.label).toBe('Loading the handoff');
    await loaded(sidebar);
    expect(hubspot.fetch).toHaveBeenCalledTimes(1);
    expect(hubspot.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/api/deals/${DEAL_ID}/handoff`,
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('says where to start a handoff on a closed-won deal that has none, without a button', async () => {
    const sidebar = renderSidebar(new FakeCardBackend(null, SOON_AFTER_CLOSE));
    await loaded(sidebar);
    expect(sidebar.find(EmptyState).props.title).toBe('No handoff yet');
    expect(sidebar.getRootNode().toString()).toContain(
      'This deal is closed-won: start the handoff from the Handoff tab.',
    );
    expect(sidebar.findAll(Button)).toHaveLength(0);
  });

  it('shows the AE their draft at a glance: owner, completeness, quality, next clock and step', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    backend.user = AE;
    const view = await viewFor(backend);
    const sidebar = renderSidebar(backend);
    await loaded(sidebar);

    expect(sidebar.find(StatusTag, { variant: 'info' }).text).toBe('Draft');
    expect(textById(sidebar, 'ownership')).toBe(view.ownership.statement);
    expect(view.ownership.statement).toMatch(/AE owns/);
    expect(sidebar.find(ProgressBar).props).toMatchObject({
      title: 'Completeness',
      value: view.completeness.score,
    });
    expect(textById(sidebar, 'quality-total')).toBe(`Quality ${view.quality.total} / 100`);
    expect(sidebar.getRootNode().toString()).toContain('Substandard: needs remediation');
    expect(textById(sidebar, 'next-clock')).toMatch(/: due 2026-11-0\d \d\d:\d\d UTC$/);
    // Below the minimum there is nothing to submit: the step is the missing items.
    expect(textById(sidebar, 'next-step')).toBe(
      `Your next step: fill the ${view.completeness.missing.length} missing items (submitting needs ${view.minimumCompleteness}%).`,
    );
    expect(sidebar.getRootNode().toString()).toContain(TAB_HINT);
  });

  it('tells the CSM a submitted handoff waits for them', async () => {
    const backend = new FakeCardBackend(submitted(), SOON_AFTER_CLOSE + HOUR);
    backend.user = CSM;
    const sidebar = renderSidebar(backend);
    await loaded(sidebar);
    expect(textById(sidebar, 'next-step')).toBe('Your next step: Accept the handoff.');
  });

  it('puts a breached SLA and its overdue clock first', async () => {
    const backend = new FakeCardBackend(thinDraft(), CLOSED_WON_AT + 5 * 24 * HOUR);
    const view = await viewFor(backend);
    const sidebar = renderSidebar(backend);
    await loaded(sidebar);

    expect(view.slaState).toBe('breached');
    expect(sidebar.find(StatusTag, { variant: 'danger' }).text).toBe('SLA breached');
    expect(sidebar.findAll(StatusTag, (node) => node.text === 'Breached')).toHaveLength(1);
    const overdue = view.clocks
      .filter((clock) => clock.status === 'breached' && clock.doneAt === null)
      .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!))[0]!;
    expect(textById(sidebar, 'next-clock')).toBe(`${overdue.label}: due 2026-11-04 10:00 UTC`);
  });

  it('shows why it could not load and tries again', async () => {
    const backend = new FakeCardBackend(thinDraft(), SOON_AFTER_CLOSE);
    backend.unreachable = true;
    const sidebar = renderSidebar(backend);
    await loaded(sidebar);
    expect(sidebar.find(ErrorState).props.title).toBe('The handoff could not be loaded');
    expect(sidebar.getRootNode().toString()).toContain('Baton could not be reached');

    backend.unreachable = false;
    sidebar.findByTestId(Button, 'retry').trigger('onClick');
    await sidebar.waitFor(() => expect(sidebar.maybeFind(ProgressBar)).not.toBeNull());
    expect(hubspot.fetch).toHaveBeenCalledTimes(2);
  });
});
