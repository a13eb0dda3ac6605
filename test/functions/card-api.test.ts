// The card API against the sandbox CRM: one load shows everything, saves refuse stale
// versions, actions follow the protocol's guards, and the whole story runs from draft to
// accepted with ownership moving to CS.
import { DEFAULT_POLICY } from '../../src/core';
import { actOnCard, introEmailForCard, loadCard, saveCard } from '../../src/functions/card-api';
import { CardError } from '../../src/functions/card-errors';
import { startHandoff } from '../../src/functions/closed-won';
import { InProcessLocks } from '../../src/functions/keyed-locks';
import type { TeamDirectory } from '../../src/functions/team-directory';
import { seedTeamDirectory } from '../../src/cli/commands/start.command';
import { SEED_OWNERS } from '../../src/sandbox';
import { type ContractTarget, sandboxTarget } from '../contract/contract-targets';
import { NOW } from '../contract/handoff-writes';
import { addClosedWonDeals } from '../contract/sandbox-deals';
import { exampleJson } from '../helpers/handoff-factory';

const directory: TeamDirectory = seedTeamDirectory();

let target: ContractTarget;
let dealId: string;
const audit: { key: string; types: string[] }[] = [];
const locks = new InProcessLocks();
let now = NOW;

const deps = () => ({
  crm: target.adapter,
  policy: DEFAULT_POLICY,
  locks,
  now: () => now,
  audit: async (key: string, events: readonly { type: string }[]) => {
    audit.push({ key, types: events.map((e) => e.type) });
  },
});

async function cardError(promise: Promise<unknown>): Promise<CardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('expected a CardError');
}

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
  const stages = await target.adapter.closedWonStages();
  [dealId] = addClosedWonDeals(
    target.sandbox!.instance,
    1,
    new Set(Object.values(stages.byPipeline).flat()),
  ) as [string];
  await startHandoff(dealId, {
    crm: target.adapter,
    locks,
    policy: DEFAULT_POLICY,
    directory,
    now: () => now,
  });
});

afterAll(async () => {
  await target.close();
});

describe('the card API', () => {
  it('loads everything the card shows in one request', async () => {
    const context = await target.adapter.loadDealContext(dealId);
    const ae = { id: context.deal.ownerId!, role: 'ae' as const };
    const card = await loadCard(dealId, ae, deps());
    expect(card.handoff).not.toBeNull();
    expect(card.handoff!.state).toBe('draft');
    expect(card.handoff!.ownership.statement).toBe('AE owns the customer until CS accepts');
    expect(card.handoff!.completeness.missing.length).toBeGreaterThan(0);
    expect(card.handoff!.clocks.map((c) => c.name)).toContain('handoff_meeting');
    expect(card.handoff!.canEdit).toBe(true);
    expect(card.handoff!.actions.find((a) => a.action === 'submit')).toMatchObject({
      allowed: false,
    });
  });

  it('refuses an edit by someone not on the sending side', async () => {
    const csm = { id: directory.csms[0]!, role: 'csm' as const };
    const error = await cardError(
      saveCard(dealId, csm, { baseVersion: 1, sections: { risks: { churnRisk: 'low' } } }, deps()),
    );
    expect(error.status).toBe(403);
  });

  it('names the bad field of a save and writes nothing', async () => {
    const context = await target.adapter.loadDealContext(dealId);
    const ae = { id: context.deal.ownerId!, role: 'ae' as const };
    const error = await cardError(
      saveCard(
        dealId,
        ae,
        { baseVersion: context.handoff!.version, sections: { risks: { churnRisk: 'extreme' } } },
        deps(),
      ),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain('sections.risks.churnRisk');
    expect((await target.adapter.loadDealContext(dealId)).handoff!.version).toBe(
      context.handoff!.version,
    );
  });

  it('saves sections, and refuses the second of two saves from the same version with 409', async () => {
    const context = await target.adapter.loadDealContext(dealId);
    const ae = { id: context.deal.ownerId!, role: 'ae' as const };
    const complete = exampleJson('complete') as Record<string, unknown>;
    const sections = Object.fromEntries(
      [
        'customerContext',
        'stakeholders',
        'objectives',
        'commitments',
        'technical',
        'implementation',
        'commercial',
        'risks',
      ].map((k) => [k, complete[k]]),
    );
    const base = context.handoff!.version;
    const [first, second] = await Promise.allSettled([
      saveCard(dealId, ae, { baseVersion: base, sections }, deps()),
      saveCard(
        dealId,
        ae,
        { baseVersion: base, sections: { risks: { churnRisk: 'high' } } },
        deps(),
      ),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const card = (first as PromiseFulfilledResult<Awaited<ReturnType<typeof saveCard>>>).value;
    expect(card.handoff!.completeness.score).toBe(100);
    expect(card.handoff!.version).toBe(base + 1);
  });

  it('runs the story: submit, return with a gap, fix, accept; ownership moves to CS', async () => {
    const context = await target.adapter.loadDealContext(dealId);
    const ae = { id: context.deal.ownerId!, role: 'ae' as const };
    const csm = { id: directory.csms[0]!, role: 'csm' as const };
    let version = context.handoff!.version;
    const act = async (user: typeof ae | typeof csm, action: unknown) => {
      const result = await actOnCard(dealId, user, { baseVersion: version, action }, deps());
      version = result.card.handoff!.version;
      return result;
    };

    now += 3_600_000;
    expect((await act(ae, { type: 'submit' })).card.handoff!.state).toBe('submitted');
    const refused = await cardError(
      actOnCard(dealId, ae, { baseVersion: version, action: { type: 'accept' } }, deps()),
    );
    expect(refused.status).toBe(403);

    now += 3_600_000;
    const returned = await act(csm, {
      type: 'return',
      decision: 'needs_revision',
      gaps: ['objectives.roiExpectation'],
    });
    expect(returned.card.handoff!.state).toBe('needs_revision');
    expect(returned.card.handoff!.document.review?.gaps).toEqual(['objectives.roiExpectation']);

    now += 3_600_000;
    await act(ae, { type: 'submit' });
    now += 3_600_000;
    const accepted = await act(csm, { type: 'accept' });
    expect(accepted.card.handoff!.state).toBe('accepted');
    expect(accepted.card.handoff!.ownership.side).toBe('receiver');
    expect(accepted.events.map((e) => e.type)).toEqual([
      'handoff.accepted',
      'ownership.transferred',
    ]);
    expect(audit.map((a) => a.types[0])).toEqual([
      'handoff.submitted',
      'handoff.returned',
      'handoff.submitted',
      'handoff.accepted',
    ]);

    const { store } = target.sandbox!.instance;
    expect(store.records.get(store.type('0-3'), dealId)?.properties.baton_owner_side).toBe(
      'receiver',
    );
  });

  it('drafts the intro email with the assigned CSM', async () => {
    const email = await introEmailForCard(dealId, deps());
    const csm = SEED_OWNERS.find((o) => o.role === 'csm' && email.subject.includes(o.firstName));
    expect(csm).toBeDefined();
    expect(email.body).toContain('has the full context');
  });

  it('says a deal without a handoff has none (404)', async () => {
    const { store } = target.sandbox!.instance;
    const open = store.records
      .list(store.type('0-3'))
      .find((d) => d.properties.hs_is_closed === 'false')!;
    const error = await cardError(introEmailForCard(open.id, deps()));
    expect(error.status).toBe(404);
  });
});
