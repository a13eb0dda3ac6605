// The CrmAdapter contract, run against the sandbox CRM and, with credentials, a real portal.
import { DealNotFoundError, HandoffConflictError } from '../../src/crm/crm-adapter';
import {
  type ContractTarget,
  liveTarget,
  liveTargetConfigured,
  sandboxTarget,
} from './contract-targets';
import { writeFor } from './handoff-writes';

const targets: [string, () => Promise<ContractTarget>][] = [['sandbox', sandboxTarget]];
if (liveTargetConfigured()) targets.push(['live portal', liveTarget]);
else {
  console.info(
    'notice: the HubSpot contract suite runs against the sandbox only; set HUBSPOT_ACCESS_TOKEN and ' +
      'HUBSPOT_TEST_DEAL_ID to run it against a real portal as well',
  );
}

describe.each(targets)('the HubSpot adapter against the %s', (_name, connect) => {
  let target: ContractTarget;

  beforeAll(async () => {
    target = await connect();
    await target.adapter.provision();
  });

  afterAll(async () => {
    await target.close();
  });

  it('provisions idempotently: a second run changes nothing and says so', async () => {
    const again = await target.adapter.provision();
    expect(again.changed).toBe(false);
    expect(again.steps.every((step) => step.outcome === 'unchanged')).toBe(true);
  });

  it('passes its own doctor once provisioned', async () => {
    const checks = await target.adapter.doctor();
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('finds closed-won stages from pipeline metadata, numeric stage ids included', async () => {
    const stages = await target.adapter.closedWonStages();
    const all = Object.values(stages.byPipeline).flat();
    expect(all.length).toBeGreaterThanOrEqual(1);
    if (target.sandbox) expect(all.some((id) => /^\d+$/.test(id))).toBe(true);
  });

  it("reads a deal's whole context in at most three calls", async () => {
    const dealId = await target.closedWonDealId();
    await target.adapter.loadDealContext(dealId); // metadata (schemas, pipelines, owners) is cached after this
    const { result: context, calls } = await target.adapter.calls.counter.measure(() =>
      target.adapter.loadDealContext(dealId),
    );
    expect(calls).toBeLessThanOrEqual(3);
    expect(context.deal.isClosedWon).toBe(true);
    expect(context.owner?.id).toBe(context.deal.ownerId);
    if (target.sandbox) {
      expect(context.company?.name).toBeTruthy();
      expect(context.contacts.length).toBeGreaterThan(0);
      expect(context.contacts.some((contact) => contact.roles.length > 0)).toBe(true);
    }
  });

  it('writes a handoff with its tasks, then reads it back', async () => {
    const dealId = await target.closedWonDealId();
    const context = await target.adapter.loadDealContext(dealId);
    const saved = await target.adapter.saveHandoff(
      writeFor(context, { baseVersion: context.handoff?.version ?? null }),
    );
    expect(saved.handoff.key).toBe(
      `${dealId}:${context.handoff?.document.handoffType ?? 'sales_to_cs'}`,
    );
    const reread = await target.adapter.loadDealContext(dealId);
    expect(reread.handoff?.version).toBe(saved.handoff.version);
    expect(reread.handoff?.document.deal.id).toBe(dealId);
    expect(Object.keys(reread.handoff?.links.tasks ?? {})).toHaveLength(5);
    expect(Object.keys(reread.handoff?.links.stakeholders ?? {})).toHaveLength(
      reread.handoff?.document.stakeholders?.length ?? 0,
    );
  });

  it('creates no task twice when the same handoff is saved again', async () => {
    const dealId = await target.closedWonDealId();
    const context = await target.adapter.loadDealContext(dealId);
    const saved = await target.adapter.saveHandoff(writeFor(context));
    expect(saved.tasksCreated).toBe(0);
    expect(saved.created).toBe(false);
  });

  it('refuses a save based on an older version', async () => {
    const dealId = await target.closedWonDealId();
    const context = await target.adapter.loadDealContext(dealId);
    const stale = (context.handoff?.version ?? 1) - 1;
    await expect(
      target.adapter.saveHandoff(writeFor(context, { baseVersion: stale })),
    ).rejects.toBeInstanceOf(HandoffConflictError);
  });

  it('says a deal is not found', async () => {
    await expect(target.adapter.loadDealContext('999999999999')).rejects.toBeInstanceOf(
      DealNotFoundError,
    );
  });
});
