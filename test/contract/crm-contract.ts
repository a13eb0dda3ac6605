// The CrmAdapter contract: what every CRM's adapter does, in the port's own words, run against
// each target (the HubSpot sandbox, the Salesforce test server, and real accounts when their
// credentials are set). Where CRMs differ legitimately (ids, stage names, what is seeded), the
// target describes its fixtures; the assertions are the same for all.
import type { Commitment } from '../../src/core';
import type { ApiCallCounter } from '../../src/crm/api-call-counter';
import {
  type CrmAdapter,
  DealNotFoundError,
  HandoffConflictError,
} from '../../src/crm/crm-adapter';
import { writeFor } from './handoff-writes';

/** What an offline target knows of its seed; a live account offers none of it. */
export interface SeedFixtures {
  /** A deal in a stage that is not won. */
  openDealId: string;
  /** A deal in a closed stage that is not won (closed-lost). */
  lostDealId(): Promise<string>;
  /** A won deal in a stage a check by name would miss (a numeric id, a renamed stage). */
  unusualWonDeal: { id: string; stageId: string };
  /** A new closed-won deal (with the seed's company and contacts) and no handoff. */
  freshClosedWonDeal(): Promise<string>;
}

export interface CrmContractTarget {
  adapter: CrmAdapter & { readonly calls: { readonly counter: ApiCallCounter } };
  /** A closed-won deal with a company and contacts, which the suite hands off. */
  closedWonDealId(): Promise<string>;
  /** An id of the CRM's own shape that names no deal. */
  missingDealId: string;
  seed?: SeedFixtures;
  close(): Promise<void>;
}

export interface ContractTargetSpec {
  name: string;
  /** Seeded offline targets also run the tests that need fresh deals and a known seed. */
  seeded: boolean;
  connect(): Promise<CrmContractTarget>;
}

const COMMITMENTS: Commitment[] = [
  {
    id: 'sso',
    type: 'scope',
    description: "SSO with the customer's Okta before go-live",
    owner: 'Solutions engineering',
    dueDate: '2026-12-15',
    inContract: true,
    status: 'open',
  },
  {
    id: 'weekly-sync',
    type: 'service',
    description: 'A weekly sync during onboarding',
    owner: 'CSM',
    dueDate: '2027-01-31',
    inContract: false,
    status: 'in_progress',
  },
];

export function describeCrmContract(crm: string, specs: readonly ContractTargetSpec[]): void {
  describe.each(specs.map((spec) => [spec.name, spec] as const))(
    `the ${crm} adapter against the %s`,
    (_name, spec) => {
      let target: CrmContractTarget;

      beforeAll(async () => {
        target = await spec.connect();
        await target.adapter.provision();
      });

      afterAll(async () => {
        await target.close();
      });

      async function contextOf(dealId?: string) {
        const id = dealId ?? (await target.closedWonDealId());
        return { dealId: id, context: await target.adapter.loadDealContext(id) };
      }

      it('provisions idempotently: a second run changes nothing and says so', async () => {
        const again = await target.adapter.provision();
        expect(again.changed).toBe(false);
        expect(again.steps.length).toBeGreaterThan(0);
        expect(again.steps.filter((step) => step.outcome !== 'unchanged')).toEqual([]);
      });

      it('passes its own doctor once provisioned', async () => {
        const checks = await target.adapter.doctor();
        expect(checks.filter((check) => !check.ok)).toEqual([]);
      });

      it('finds the closed-won stages from stage metadata', async () => {
        const stages = Object.values((await target.adapter.closedWonStages()).byPipeline).flat();
        expect(stages.length).toBeGreaterThanOrEqual(1);
        const { context } = await contextOf();
        expect(stages).toContain(context.deal.stageId);
      });

      it("reads a deal's whole context in at most three calls", async () => {
        const dealId = await target.closedWonDealId();
        await target.adapter.loadDealContext(dealId); // the org's metadata is cached after this
        const { result: context, calls } = await target.adapter.calls.counter.measure(() =>
          target.adapter.loadDealContext(dealId),
        );
        expect(calls).toBeLessThanOrEqual(3);
        expect(context.deal.id).toBe(dealId);
        expect(context.deal.isClosedWon).toBe(true);
        expect(context.owner?.id).toBe(context.deal.ownerId);
        if (spec.seeded) {
          expect(context.company?.name).toBeTruthy();
          expect(context.contacts.length).toBeGreaterThan(0);
          expect(context.contacts.some((contact) => contact.roles.length > 0)).toBe(true);
        }
      });

      it('lists the people deals belong to, the deal owner among them', async () => {
        const { context } = await contextOf();
        const people = await target.adapter.listPeople();
        expect(people.length).toBeGreaterThan(0);
        for (const person of people) {
          expect(person.id).toEqual(expect.any(String));
          expect(person.name).toEqual(expect.any(String));
        }
        expect(people.map((person) => person.id)).toContain(context.deal.ownerId);
      });

      it('writes a handoff with its tasks, then reads it back', async () => {
        const { dealId, context } = await contextOf();
        const saved = await target.adapter.saveHandoff(
          writeFor(context, { baseVersion: context.handoff?.version ?? null }),
        );
        expect(saved.handoff.key).toBe(
          `${dealId}:${context.handoff?.document.handoffType ?? 'sales_to_cs'}`,
        );
        const reread = await target.adapter.loadDealContext(dealId);
        expect(reread.handoff?.version).toBe(saved.handoff.version);
        expect(reread.handoff?.version).toBe((context.handoff?.version ?? 0) + 1);
        expect(reread.handoff?.document.deal.id).toBe(dealId);
        expect(Object.keys(reread.handoff?.links.tasks ?? {})).toHaveLength(5);
        expect(Object.keys(reread.handoff?.links.stakeholders ?? {})).toHaveLength(
          reread.handoff?.document.stakeholders?.length ?? 0,
        );
      });

      it('creates no task twice when the same handoff is saved again', async () => {
        const { context } = await contextOf();
        const saved = await target.adapter.saveHandoff(writeFor(context));
        expect(saved.tasksCreated).toBe(0);
        expect(saved.created).toBe(false);
        expect(saved.handoff.links.tasks).toEqual(context.handoff?.links.tasks);
      });

      it('round-trips commitments and stakeholders, and removes the ones taken out', async () => {
        const { dealId, context } = await contextOf();
        const document = context.handoff!.document;
        const stakeholders = (document.stakeholders ?? []).map((stakeholder, i) =>
          i === 0 ? { ...stakeholder, objectives: 'Cut onboarding time in half' } : stakeholder,
        );
        await target.adapter.saveHandoff(
          writeFor(context, { document: { ...document, commitments: COMMITMENTS, stakeholders } }),
        );
        const after = await target.adapter.loadDealContext(dealId);
        const both = after.handoff!;
        expect(both.document.commitments).toEqual(COMMITMENTS);
        expect(both.document.stakeholders).toEqual(stakeholders);
        expect(Object.keys(both.links.commitments)).toHaveLength(2);
        expect(Object.keys(both.links.stakeholders)).toHaveLength(stakeholders.length);

        await target.adapter.saveHandoff(
          writeFor(after, { document: { ...both.document, commitments: [COMMITMENTS[0]!] } }),
        );
        const one = (await target.adapter.loadDealContext(dealId)).handoff!;
        expect(one.document.commitments).toEqual([COMMITMENTS[0]]);
        // The kept commitment is the same record, updated in place; the other one is gone.
        expect(Object.values(one.links.commitments)).toEqual(
          Object.entries(both.links.commitments)
            .filter(([key]) => key.endsWith(`:${COMMITMENTS[0]!.id}`))
            .map(([, id]) => id),
        );
        expect(one.links.stakeholders).toEqual(both.links.stakeholders);
      });

      it("finds the deal's tasks by key instead of creating them again", async () => {
        const { dealId, context } = await contextOf();
        const ids = await target.adapter.addDealTasks(dealId, writeFor(context).tasks);
        expect(ids).toEqual(context.handoff!.links.tasks);
      });

      it('resumes a save an earlier attempt finished, adopting what it stored', async () => {
        const { context } = await contextOf();
        const saved = await target.adapter.saveHandoff(writeFor(context, { baseVersion: null }), {
          resume: true,
        });
        expect(saved.created).toBe(false);
        expect(saved.tasksCreated).toBe(0);
        expect(saved.handoff.version).toBe(context.handoff!.version + 1);
        expect(saved.handoff.links.tasks).toEqual(context.handoff!.links.tasks);
      });

      it('refuses a save based on an older version', async () => {
        const { context } = await contextOf();
        const stale = context.handoff!.version - 1;
        await expect(
          target.adapter.saveHandoff(writeFor(context, { baseVersion: stale })),
        ).rejects.toBeInstanceOf(HandoffConflictError);
      });

      it('says a deal is not found', async () => {
        await expect(target.adapter.loadDealContext(target.missingDealId)).rejects.toBeInstanceOf(
          DealNotFoundError,
        );
      });

      if (!spec.seeded) return;

      it('decides closed-won from stage metadata, never from a stage name', async () => {
        const { unusualWonDeal, openDealId } = target.seed!;
        const stages = Object.values((await target.adapter.closedWonStages()).byPipeline).flat();
        expect(stages).toContain(unusualWonDeal.stageId);
        const won = await target.adapter.loadDealContext(unusualWonDeal.id);
        expect({ stage: won.deal.stageId, won: won.deal.isClosedWon }).toEqual({
          stage: unusualWonDeal.stageId,
          won: true,
        });
        expect((await target.adapter.loadDealContext(openDealId)).deal.isClosedWon).toBe(false);
      });

      it('tells an open deal from a closed-lost one (a lost deal may not ask for a pre-close handoff)', async () => {
        const read = async (id: string) => {
          const { deal } = await target.adapter.loadDealContext(id);
          return { won: deal.isClosedWon, closed: deal.isClosed };
        };
        expect(await read(target.seed!.openDealId)).toEqual({ won: false, closed: false });
        expect(await read(await target.seed!.lostDealId())).toEqual({ won: false, closed: true });
        expect(await read(target.seed!.unusualWonDeal.id)).toEqual({ won: true, closed: true });
      });

      it('resumes a creation cut short after its tasks landed, making none of them again', async () => {
        const { dealId, context } = await contextOf(await target.seed!.freshClosedWonDeal());
        expect(context.handoff).toBeNull();
        const write = writeFor(context, { baseVersion: null });
        const landed = await target.adapter.addDealTasks(dealId, write.tasks);
        const saved = await target.adapter.saveHandoff(write, { resume: true });
        expect(saved.created).toBe(true);
        expect(saved.tasksCreated).toBe(0);
        expect(saved.handoff.links.tasks).toEqual(landed);
      });

      it('adds only the tasks a deal does not have yet, by key', async () => {
        const { dealId, context } = await contextOf(await target.seed!.freshClosedWonDeal());
        const tasks = writeFor(context).tasks;
        const first = await target.adapter.addDealTasks(dealId, tasks.slice(0, 3));
        const all = await target.adapter.addDealTasks(dealId, tasks);
        expect(Object.keys(all).sort()).toEqual(tasks.map((task) => task.key).sort());
        expect(all).toMatchObject(first);
        expect(new Set(Object.values(all)).size).toBe(tasks.length);
      });
    },
  );
}
