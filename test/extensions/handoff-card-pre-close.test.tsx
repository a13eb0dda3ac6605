// The pre-close request on the deal card, rendered with HubSpot's test renderer: on an open deal
// the AE asks CS to engage before the close, sees the request await a CS manager, and the CS
// manager approves it with the request's details in view. `hubspot.fetch` is spied and answered
// by the real card API functions (loadCard, actOnCard, requestPreClose) over an in-memory CRM.
import {
  Alert,
  Button,
  DescriptionListItem,
  EmptyState,
  LoadingSpinner,
  StatusTag,
  Text,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffCardEntry } from '../../extensions/handoff-card';
import { PRE_CLOSE_TEXT } from '../../extensions/handoff-card/card-text';
import { HandoffSidebarEntry } from '../../extensions/handoff-sidebar';
import { SIDEBAR_PRE_CLOSE_HINT } from '../../extensions/handoff-sidebar/HandoffSidebar';
import { DEFAULT_POLICY } from '../../src/core';
import {
  type CrmAdapter,
  type DealContext,
  HandoffConflictError,
  type HandoffWrite,
  type SaveResult,
} from '../../src/crm/crm-adapter';
import { type CardUser, actOnCard, loadCard } from '../../src/functions/card-api';
import { CardError } from '../../src/functions/card-errors';
import { InProcessLocks } from '../../src/functions/keyed-locks';
import { type PreCloseDeps, requestPreClose } from '../../src/functions/pre-close';

const BASE_URL = 'https://baton.example.com';
const DEAL_ID = '9003';
const NOW = Date.parse('2026-11-23T12:00:00Z');
const AE: CardUser = { id: 'ae-1', role: 'ae' };
const CS_MANAGER: CardUser = { id: 'csmgr-1', role: 'cs_manager' };
const CSM: CardUser = { id: 'csm-1', role: 'csm' };

/** An open strategic deal, expected to close in a week, and the handoff it may have. */
class OpenDealBackend {
  user: CardUser = AE;
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  private context: DealContext = {
    deal: {
      id: DEAL_ID,
      name: 'Helios Energy - Enterprise Rollout',
      amount: 250000,
      currency: 'USD',
      pipelineId: 'default',
      stageId: 'contractsent',
      closedAt: '2026-12-01T17:00:00Z',
      isClosedWon: false,
      isClosed: false,
      ownerId: AE.id,
      isPoc: false,
      strategic: true,
      csmOwnerId: null,
    },
    company: { id: 'c-3', name: 'Helios Energy', domain: null, industry: 'Energy', employees: 900 },
    contacts: [],
    owner: null,
    handoff: null,
  };

  /** The CRM port as the card API and the request use it: the deal, people, one handoff. */
  private readonly crm = {
    loadDealContext: async () => structuredClone(this.context),
    listPeople: async () => [
      { id: AE.id, userId: '1', name: 'Ava Eriksen', email: null, teams: [] },
      { id: CS_MANAGER.id, userId: '2', name: 'Alex Kim', email: null, teams: [] },
      { id: CSM.id, userId: '3', name: 'Sam Cole', email: null, teams: [] },
    ],
    saveHandoff: async (write: HandoffWrite): Promise<SaveResult> => {
      const current = this.context.handoff;
      if ((current?.version ?? null) !== write.baseVersion) {
        throw new HandoffConflictError(`${DEAL_ID}:pre_close`, current?.version ?? 0, null);
      }
      const tasks = { ...current?.links.tasks };
      for (const task of write.tasks) tasks[task.key] ??= `task-${task.taskKey}`;
      const handoff = {
        recordId: 'h-3',
        key: `${DEAL_ID}:${write.document.handoffType}`,
        document: write.document,
        version: (current?.version ?? 0) + 1,
        links: { tasks, commitments: {}, stakeholders: {} },
      };
      this.context = { ...this.context, handoff };
      return { handoff, created: current === null, tasksCreated: 0 };
    },
  } satisfies Pick<CrmAdapter, 'loadDealContext' | 'listPeople' | 'saveHandoff'>;

  readonly deps: PreCloseDeps = {
    crm: this.crm as unknown as CrmAdapter,
    policy: DEFAULT_POLICY,
    locks: new InProcessLocks(),
    now: () => NOW,
    directory: { csManagers: [CS_MANAGER.id], csms: [CSM.id], csOps: [], salesManagers: [] },
  };

  /** The deal moves to a closed-lost stage. */
  closeAsLost(): void {
    this.context = {
      ...this.context,
      deal: { ...this.context.deal, stageId: 'closedlost', isClosed: true },
    };
  }

  /** The tasks the handoff has, by plan key. */
  get taskKeys(): string[] {
    return Object.keys(this.context.handoff?.links.tasks ?? {});
  }

  readonly fetch = async (
    url: string | URL,
    options: { method?: string; body?: Record<string, unknown> } = {},
  ): Promise<Response> => {
    const method = options.method ?? 'GET';
    const path = String(url).replace(`${BASE_URL}/api/deals/${DEAL_ID}/handoff`, '');
    this.requests.push({ method, path, body: options.body });
    try {
      return json(200, await this.answer(method, path, options.body));
    } catch (error) {
      if (!(error instanceof CardError)) throw error;
      return json(error.status, { status: 'error', code: error.code, message: error.message });
    }
  };

  private async answer(method: string, path: string, body: unknown): Promise<unknown> {
    if (method === 'GET' && path === '') return loadCard(DEAL_ID, this.user, this.deps);
    if (method === 'POST' && path === '/actions')
      return actOnCard(DEAL_ID, this.user, body, this.deps);
    if (method === 'POST' && path === '/pre-close') {
      const result = await requestPreClose(DEAL_ID, this.user, body, this.deps);
      return { outcome: result.outcome, card: await loadCard(DEAL_ID, this.user, this.deps) };
    }
    throw new Error(`the test backend has no route for ${method} ${path}`);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A backend where the AE already asked for the pre-close handoff. */
async function requested(): Promise<OpenDealBackend> {
  const backend = new OpenDealBackend();
  await requestPreClose(DEAL_ID, AE, undefined, backend.deps);
  return backend;
}

async function renderCard(backend: OpenDealBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const card = createRenderer('crm.record.tab');
  card.render(
    <HandoffCardEntry dealId={DEAL_ID} baseUrl={BASE_URL} copy={async () => undefined} />,
  );
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  return card;
}

type Rendered = Awaited<ReturnType<typeof renderCard>>;

async function renderSidebar(backend: OpenDealBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const sidebar = createRenderer('crm.record.sidebar');
  sidebar.render(<HandoffSidebarEntry dealId={DEAL_ID} baseUrl={BASE_URL} />);
  await sidebar.waitFor(() => expect(sidebar.maybeFind(LoadingSpinner)).toBeNull());
  return sidebar;
}

/** Every text in a node, in order (`text` is only a node's own text). */
function textOf(node: { toString: () => string }): string {
  return node.toString();
}

/** The value shown beside a label of the request's details. */
function detail(card: Rendered, label: string): string | null {
  return card.find(DescriptionListItem, { label }).find(Text).text;
}

afterEach(() => jest.restoreAllMocks());

describe('the pre-close request on the handoff card', () => {
  it('offers the AE of an open deal the request, says when to use it, and sends it', async () => {
    const backend = new OpenDealBackend();
    const card = await renderCard(backend);
    expect(card.find(EmptyState).props.title).toBe('No handoff yet');
    expect(card.findByTestId(Text, 'pre-close-hint').text).toBe(PRE_CLOSE_TEXT.whenToUse);
    expect(textOf(card.find(EmptyState))).toContain('Expected close: 2026-12-01 17:00 UTC');
    expect(card.maybeFindByTestId(Button, 'start-handoff')).toBeNull();

    const request = card.findByTestId(Button, 'request-pre-close');
    expect(request.text).toBe('Request pre-close handoff');
    request.trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(EmptyState)).toBeNull());

    expect(backend.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET ',
      'POST /pre-close',
    ]);
    expect(backend.taskKeys).toEqual([`${DEAL_ID}:pre_close:approve_pre_close`]);
    expect(card.findByTestId(Alert, 'pre-close-awaiting').props.title).toBe(
      'Awaiting CS manager approval',
    );
  });

  it('offers no request to a CSM on an open deal', async () => {
    const backend = new OpenDealBackend();
    backend.user = CSM;
    const card = await renderCard(backend);
    expect(textOf(card.find(EmptyState))).toContain(
      'The handoff starts by itself when the deal moves to a closed-won stage.',
    );
    expect(card.maybeFindByTestId(Button, 'request-pre-close')).toBeNull();
    expect(card.maybeFindByTestId(Text, 'pre-close-hint')).toBeNull();
  });

  it('shows the AE a pending request as awaiting CS manager approval, pending contract', async () => {
    const card = await renderCard(await requested());
    const awaiting = card.findByTestId(Alert, 'pre-close-awaiting');
    expect(awaiting.props.title).toBe('Awaiting CS manager approval');
    expect(textOf(awaiting)).toContain(PRE_CLOSE_TEXT.awaitingDetail);
    expect(card.findByTestId(StatusTag, 'pending-contract').text).toBe('Pending contract');
    expect(card.find(StatusTag, { variant: 'info' }).text).toBe('Awaiting CS manager approval');
    expect(card.findByTestId(Text, 'next-action').text).toBe(
      'Nothing for you to do on this handoff now.',
    );
    expect(card.maybeFindByTestId(Button, 'action:approve')).toBeNull();
    expect(card.maybeFindByTestId(Alert, 'pre-close-request')).toBeNull();
  });

  it("lets the CS manager approve it with the request's details in view", async () => {
    const backend = await requested();
    backend.user = CS_MANAGER;
    const card = await renderCard(backend);

    expect(card.findByTestId(Alert, 'pre-close-request').props.title).toBe(
      PRE_CLOSE_TEXT.approveTitle,
    );
    expect(detail(card, 'Deal')).toBe('Helios Energy - Enterprise Rollout');
    expect(detail(card, 'Amount')).toBe('250,000 USD');
    expect(detail(card, 'Expected close')).toBe('2026-12-01 17:00 UTC');
    expect(detail(card, 'Strategic deal')).toBe('Yes');
    expect(detail(card, 'Filled in so far')).toMatch(/^\d+% \(\d+ of 26 items\)$/);
    expect(card.maybeFindByTestId(Alert, 'pre-close-awaiting')).toBeNull();
    expect(card.findByTestId(Text, 'next-action').text).toBe(
      'Next for you: Approve the pre-close handoff',
    );

    const approve = card.findByTestId(Button, 'action:approve');
    expect(approve.props.variant).toBe('primary');
    approve.trigger('onClick');
    await card.waitFor(() => expect(card.find(StatusTag, { variant: 'info' }).text).toBe('Draft'));

    expect(backend.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/actions',
      body: { baseVersion: 1, action: { type: 'approve' } },
    });
    expect(card.maybeFindByTestId(Alert, 'pre-close-request')).toBeNull();
    expect(card.maybeFindByTestId(Button, 'action:approve')).toBeNull();
    // Approved, but the contract is still to be signed.
    expect(card.findByTestId(StatusTag, 'pending-contract').text).toBe('Pending contract');
    expect(backend.taskKeys).toHaveLength(6);
  });
});

describe('the pre-close request on the sidebar card', () => {
  it('points the AE of an open deal to the request on the Handoff tab, without a button', async () => {
    const sidebar = await renderSidebar(new OpenDealBackend());
    expect(sidebar.find(EmptyState).props.title).toBe('No handoff yet');
    expect(sidebar.findByTestId(Text, 'pre-close-hint').text).toBe(SIDEBAR_PRE_CLOSE_HINT);
    expect(sidebar.findAll(Button)).toHaveLength(0);
  });

  it('says nothing of it to a CSM, nor once the deal is lost', async () => {
    const csm = new OpenDealBackend();
    csm.user = CSM;
    const forCsm = await renderSidebar(csm);
    expect(forCsm.maybeFindByTestId(Text, 'pre-close-hint')).toBeNull();
    jest.restoreAllMocks();

    const lost = new OpenDealBackend();
    lost.closeAsLost();
    const forAe = await renderSidebar(lost);
    expect(forAe.find(EmptyState).props.title).toBe('No handoff yet');
    expect(forAe.maybeFindByTestId(Text, 'pre-close-hint')).toBeNull();
  });
});
