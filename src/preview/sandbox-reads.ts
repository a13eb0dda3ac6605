// What the preview page shows around the card, read from the sandbox CRM through its public
// API (as a HubSpot user would see it in the CRM): the deal pipelines, the deals with the
// handoff summary Baton writes on them, the people, and a deal's company and tasks.
import { z } from 'zod';

export const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'dealstage',
  'pipeline',
  'closedate',
  'hubspot_owner_id',
  'baton_handoff_key',
  'baton_status',
  'baton_completeness',
  'baton_quality',
  'baton_quality_band',
  'baton_sla_state',
  'baton_owner_side',
  'baton_csm_owner_id',
] as const;

const TASK_PROPERTIES = [
  'hs_task_subject',
  'hs_task_status',
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_task_priority',
] as const;

const recordSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
});

const pageSchema = z.object({
  results: z.array(recordSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

const pipelinesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      displayOrder: z.number(),
      stages: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          displayOrder: z.number(),
          metadata: z.record(z.string(), z.string()),
        }),
      ),
    }),
  ),
});

const ownersSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      userId: z.number().nullable().optional(),
      email: z.string().nullable().optional(),
      firstName: z.string().nullable().optional(),
      lastName: z.string().nullable().optional(),
    }),
  ),
});

const associationsSchema = z.object({
  results: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]) })),
});

export interface BoardStage {
  id: string;
  label: string;
  isClosed: boolean;
  isWon: boolean;
}

export interface BoardPipeline {
  id: string;
  label: string;
  stages: BoardStage[];
}

export interface BoardPerson {
  id: string;
  userId: number | null;
  name: string;
  email: string | null;
}

export interface DealRecord {
  id: string;
  properties: Record<string, string | null>;
}

export interface DealTask {
  id: string;
  subject: string;
  status: string;
  dueAt: string | null;
  ownerId: string | null;
  priority: string | null;
}

export interface SandboxReader {
  pipelines(): Promise<BoardPipeline[]>;
  deals(): Promise<DealRecord[]>;
  people(): Promise<BoardPerson[]>;
  deal(id: string): Promise<DealRecord>;
  company(dealId: string): Promise<DealRecord | null>;
  tasks(dealId: string): Promise<DealTask[]>;
  moveDeal(dealId: string, stageId: string, userId: number | null): Promise<void>;
}

export class SandboxReadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxReadError';
  }
}

/** The preview shares the portal's rate limit with the backend: wait out a 429, a few times. */
const RATE_LIMIT_RETRIES = 4;
/** Owners change rarely; every card call is signed for one, so keep the list a while. */
const PEOPLE_TTL_MS = 60_000;

export function createSandboxReader(
  baseUrl: string,
  token: string,
  now: () => number = Date.now,
): SandboxReader {
  async function send(path: string, init: { method?: string; body?: unknown }): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          Authorization: `Bearer ${token}`,
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      if (response.status !== 429 || attempt === RATE_LIMIT_RETRIES) return response;
      const wait = Number(response.headers.get('retry-after'));
      await response.body?.cancel();
      await new Promise((r) =>
        setTimeout(r, Number.isFinite(wait) && wait > 0 ? wait * 1000 : 1000),
      );
    }
  }

  async function call<T>(
    schema: z.ZodType<T>,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await send(path, init);
    if (!response.ok) {
      throw new SandboxReadError(
        response.status,
        `the sandbox answered ${response.status} to ${path.split('?')[0]}`,
      );
    }
    return schema.parse(await response.json());
  }

  const stageOf = (
    stage: z.infer<typeof pipelinesSchema>['results'][number]['stages'][number],
  ) => ({
    id: stage.id,
    label: stage.label,
    isClosed: stage.metadata.isClosed === 'true',
    isWon: stage.metadata.isClosed === 'true' && Number(stage.metadata.probability) === 1,
  });

  let people: { at: number; list: BoardPerson[] } | null = null;

  async function associated(dealId: string, toType: string): Promise<string[]> {
    const page = await call(
      associationsSchema,
      `/crm/v4/objects/deals/${encodeURIComponent(dealId)}/associations/${toType}?limit=500`,
    );
    return page.results.map((r) => String(r.toObjectId));
  }

  return {
    async pipelines() {
      const { results } = await call(pipelinesSchema, '/crm/v3/pipelines/deals');
      return results
        .sort((a, b) => a.displayOrder - b.displayOrder)
        .map((pipeline) => ({
          id: pipeline.id,
          label: pipeline.label,
          stages: pipeline.stages.sort((a, b) => a.displayOrder - b.displayOrder).map(stageOf),
        }));
    },
    async deals() {
      const deals: DealRecord[] = [];
      let after: string | undefined;
      do {
        const query = new URLSearchParams({ limit: '100', properties: DEAL_PROPERTIES.join(',') });
        if (after) query.set('after', after);
        const page = await call(pageSchema, `/crm/v3/objects/deals?${query}`);
        deals.push(...page.results);
        after = page.paging?.next?.after;
      } while (after);
      return deals;
    },
    async people() {
      if (people && now() - people.at < PEOPLE_TTL_MS) return people.list;
      const { results } = await call(ownersSchema, '/crm/v3/owners?limit=500');
      const list = results.map((owner) => ({
        id: owner.id,
        userId: owner.userId ?? null,
        name:
          [owner.firstName, owner.lastName].filter(Boolean).join(' ') || (owner.email ?? owner.id),
        email: owner.email ?? null,
      }));
      people = { at: now(), list };
      return list;
    },
    deal(id) {
      const query = new URLSearchParams({ properties: DEAL_PROPERTIES.join(',') });
      return call(recordSchema, `/crm/v3/objects/deals/${encodeURIComponent(id)}?${query}`);
    },
    async company(dealId) {
      const [companyId] = await associated(dealId, 'companies');
      if (!companyId) return null;
      return call(
        recordSchema,
        `/crm/v3/objects/companies/${encodeURIComponent(companyId)}?properties=name,domain,industry,city,country,numberofemployees`,
      );
    },
    async tasks(dealId) {
      const ids = await associated(dealId, 'tasks');
      if (ids.length === 0) return [];
      const { results } = await call(pageSchema, '/crm/v3/objects/tasks/batch/read', {
        method: 'POST',
        body: { properties: TASK_PROPERTIES, inputs: ids.map((id) => ({ id })) },
      });
      return results
        .map((task) => ({
          id: task.id,
          subject: task.properties.hs_task_subject ?? '(no subject)',
          status: task.properties.hs_task_status ?? 'NOT_STARTED',
          dueAt: task.properties.hs_timestamp ?? null,
          ownerId: task.properties.hubspot_owner_id ?? null,
          priority: task.properties.hs_task_priority ?? null,
        }))
        .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
    },
    async moveDeal(dealId, stageId, userId) {
      // As a person moving the deal on the board: the sandbox's UI edit, which HubSpot's
      // webhooks report as a CRM_UI change by that user.
      await call(recordSchema, `/__sandbox/objects/deals/${encodeURIComponent(dealId)}`, {
        method: 'PATCH',
        body: { properties: { dealstage: stageId }, ...(userId === null ? {} : { userId }) },
      });
    },
  };
}
