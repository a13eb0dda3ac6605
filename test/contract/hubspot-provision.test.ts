// Provisioning a portal set up by an older Baton: what is missing is added, nothing is removed;
// until then, its handoffs are written without what it lacks.
import { Client } from '@hubspot/api-client';
import { LIFECYCLE_STATES } from '../../src/core';
import { createHubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../src/crm/hubspot/hubspot-client';
import { SANDBOX_TOKEN } from '../../src/sandbox';
import { type ContractTarget, sandboxTarget } from './contract-targets';
import { writeFor } from './handoff-writes';
import { addClosedWonDeals } from './sandbox-deals';

let target: ContractTarget;

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
});

afterAll(async () => {
  await target.close();
});

describe('provisioning an existing portal', () => {
  it('adds the options and properties an older version lacks, keeps the rest, then says nothing changed', async () => {
    const client = new Client({ accessToken: 'sandbox-token', basePath: target.sandbox!.url });
    const types = await target.adapter.metadata.objectTypeIds();
    const state = await client.crm.properties.coreApi.getByName(types.handoff, 'lifecycle_state');
    // An older Baton knew no `completed` state, and its deal had no `baton_strategic`.
    await client.crm.properties.coreApi.update(types.handoff, 'lifecycle_state', {
      options: state.options
        .filter((o) => o.value !== 'completed')
        .map((o) => ({ ...o, hidden: false })),
    });
    const deals = target.sandbox!.instance.store.type('deals');
    deals.properties.splice(
      deals.properties.findIndex((p) => p.name === 'baton_strategic'),
      1,
    );

    const report = await target.adapter.provision();
    expect(report.changed).toBe(true);
    expect(report.steps).toContainEqual({
      what: 'Handoff object: new options on lifecycle_state',
      outcome: 'updated',
    });
    expect(report.steps.find((s) => s.what.startsWith('deal properties'))).toEqual({
      what: 'deal properties: added baton_strategic',
      outcome: 'updated',
    });
    const after = await client.crm.properties.coreApi.getByName(types.handoff, 'lifecycle_state');
    expect(after.options.map((o) => o.value)).toEqual([...LIFECYCLE_STATES]);

    const again = await target.adapter.provision();
    expect(again.changed).toBe(false);
  });

  it('still hands off in a portal one provision behind, leaving out and naming what it lacks', async () => {
    const { instance, url } = target.sandbox!;
    const handoffType = instance.store.type(
      (await target.adapter.metadata.objectTypeIds()).handoff,
    );
    // A portal provisioned before Baton stored the handoff's rules beside its document.
    handoffType.properties.splice(
      handoffType.properties.findIndex((p) => p.name === 'handoff_rules'),
      1,
    );
    const warnings: { message: string; fields: unknown }[] = [];
    const adapter = createHubSpotAdapter({
      client: createHubSpotClient({
        accessToken: SANDBOX_TOKEN,
        baseUrl: url,
        requestsPerTenSeconds: 10_000,
      }),
      log: { warn: (message, fields) => warnings.push({ message, fields }) },
    });
    const won = new Set(Object.values((await adapter.closedWonStages()).byPipeline).flat());
    const [first, second] = addClosedWonDeals(instance, 2, won);
    for (const dealId of [first!, second!]) {
      const saved = await adapter.saveHandoff(writeFor(await adapter.loadDealContext(dealId)));
      expect(saved.created).toBe(true);
    }
    expect(warnings).toEqual([
      {
        message: 'the portal lacks Baton handoff properties: run `baton provision`',
        fields: { properties: ['handoff_rules'] },
      },
    ]);

    // `provision` adds it back; from the next schema read on, the rules are written again.
    const report = await adapter.provision();
    expect(report.changed).toBe(true);
    adapter.metadata.invalidate();
    const [third] = addClosedWonDeals(instance, 1, won);
    const saved = await adapter.saveHandoff(writeFor(await adapter.loadDealContext(third!)));
    const record = instance.store.records.get(handoffType, saved.handoff.recordId)!;
    expect(JSON.parse(record.properties.handoff_rules!)).toMatchObject({
      handoffType: 'sales_to_cs',
    });
  });

  it('says how to restore a Baton property someone deleted, instead of failing on a 207', async () => {
    const client = new Client({ accessToken: 'sandbox-token', basePath: target.sandbox!.url });
    await client.crm.properties.coreApi.archive('deals', 'baton_quality');
    await expect(target.adapter.provision()).rejects.toThrow(
      'baton_quality on deals was deleted in HubSpot and still holds its name: restore it under Settings › Properties › Archived properties',
    );
  });
});
