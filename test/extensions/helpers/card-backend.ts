// The card's backend for tests: `hubspot.fetch` answered by the real card API functions
// (loadCard, saveCard, actOnCard, introEmailForCard) over an in-memory CRM, so every view the
// card renders is what the backend would send, and a change of shape there breaks these tests.
import {
  type CardDeps,
  type CardUser,
  actOnCard,
  introEmailForCard,
  loadCard,
  saveCard,
} from '../../../src/functions/card-api';
import { CardError } from '../../../src/functions/card-errors';
import { InProcessLocks } from '../../../src/functions/keyed-locks';
import {
  type CrmAdapter,
  type DealContext,
  HandoffConflictError,
  type HandoffWrite,
  type SaveResult,
} from '../../../src/crm/crm-adapter';
import { DEFAULT_POLICY, type HandoffDocument } from '../../../src/core';
import { handoff } from '../../helpers/handoff-factory';

export const BASE_URL = 'https://baton.example.com';
export const DEAL_ID = '9001';
export const AE: CardUser = { id: 'ae-1', role: 'ae' };
export const CSM: CardUser = { id: 'csm-1', role: 'csm' };

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
}

function dealContext(document: HandoffDocument | null): DealContext {
  return {
    deal: {
      id: DEAL_ID,
      name: 'Northwind Logistics - Fleet Platform',
      amount: 120000,
      currency: 'USD',
      pipelineId: 'default',
      stageId: 'closedwon',
      closedAt: '2026-11-02T10:00:00Z',
      isClosedWon: true,
      ownerId: AE.id,
      isPoc: false,
      strategic: false,
      csmOwnerId: CSM.id,
    },
    company: {
      id: 'c-1',
      name: 'Northwind Logistics',
      domain: 'northwind.example',
      industry: null,
      employees: null,
    },
    contacts: [],
    owner: null,
    handoff: document
      ? {
          recordId: 'h-1',
          key: `deal-${DEAL_ID}`,
          document,
          version: 1,
          links: { tasks: {}, commitments: {}, stakeholders: {} },
        }
      : null,
  };
}

export class FakeCardBackend {
  user: CardUser = AE;
  now: number;
  readonly requests: FakeRequest[] = [];
  /** Set to make the next request fail the way a network failure does. */
  unreachable = false;
  private context: DealContext;

  constructor(document: HandoffDocument | null, now: number) {
    this.context = dealContext(document);
    this.now = now;
  }

  get version(): number {
    return this.context.handoff?.version ?? 0;
  }

  get document(): HandoffDocument | null {
    return this.context.handoff?.document ?? null;
  }

  /** Someone else saves the handoff: the card's version is now stale. */
  saveElsewhere(): void {
    if (this.context.handoff) {
      this.context.handoff = { ...this.context.handoff, version: this.context.handoff.version + 1 };
    }
  }

  // The card API reads and writes the CRM through these three methods only.
  private readonly crm = {
    loadDealContext: async () => structuredClone(this.context),
    listPeople: async () => [
      { id: AE.id, userId: '1', name: 'Ava Eriksen', email: 'ava@vendor.example', teams: [] },
      { id: CSM.id, userId: '2', name: 'Sam Cole', email: 'sam@vendor.example', teams: [] },
    ],
    saveHandoff: async (write: HandoffWrite): Promise<SaveResult> => {
      const current = this.context.handoff;
      if (current && write.baseVersion !== current.version) {
        throw new HandoffConflictError(current.key, current.version, write.baseVersion);
      }
      const handoff = {
        recordId: current?.recordId ?? 'h-1',
        key: current?.key ?? `deal-${DEAL_ID}`,
        document: write.document,
        version: (current?.version ?? 0) + 1,
        links: current?.links ?? { tasks: {}, commitments: {}, stakeholders: {} },
      };
      this.context = { ...this.context, handoff };
      return { handoff, created: current === null, tasksCreated: 0 };
    },
  } satisfies Pick<CrmAdapter, 'loadDealContext' | 'listPeople' | 'saveHandoff'>;

  private deps(): CardDeps {
    return {
      crm: this.crm as unknown as CrmAdapter,
      policy: DEFAULT_POLICY,
      locks: new InProcessLocks(),
      now: () => this.now,
    };
  }

  /** What `hubspot.fetch` answers: the route the backend mounts, as JSON. */
  readonly fetch = async (
    url: string | URL,
    options: { method?: string; body?: Record<string, unknown> } = {},
  ): Promise<Response> => {
    const method = options.method ?? 'GET';
    const path = String(url).replace(`${BASE_URL}/api/deals/${DEAL_ID}/handoff`, '');
    this.requests.push({ method, path, body: options.body });
    if (this.unreachable) throw new TypeError('fetch failed');
    try {
      return json(200, await this.answer(method, path, options.body));
    } catch (error) {
      if (error instanceof CardError) {
        return json(error.status, { status: 'error', code: error.code, message: error.message });
      }
      throw error;
    }
  };

  private async answer(method: string, path: string, body: unknown): Promise<unknown> {
    const deps = this.deps();
    if (method === 'GET' && path === '') return loadCard(DEAL_ID, this.user, deps);
    if (method === 'PUT' && path === '') return saveCard(DEAL_ID, this.user, body, deps);
    if (method === 'POST' && path === '/actions') return actOnCard(DEAL_ID, this.user, body, deps);
    if (method === 'GET' && path === '/intro-email') return introEmailForCard(DEAL_ID, deps);
    if (method === 'POST' && path === '/start') {
      // The real start also plans tasks and writes the deal: here only the new handoff matters.
      const document = handoff({ deal: { id: DEAL_ID, ownerId: AE.id } });
      await this.crm.saveHandoff({ baseVersion: null, document } as HandoffWrite);
      return { outcome: 'started', card: await loadCard(DEAL_ID, this.user, deps) };
    }
    throw new Error(`the fake backend has no route for ${method} ${path}`);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
