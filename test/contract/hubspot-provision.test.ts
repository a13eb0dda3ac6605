// Provisioning a portal set up by an older Baton: what is missing is added, nothing is removed.
import { Client } from '@hubspot/api-client';
import { LIFECYCLE_STATES } from '../../src/core';
import { type ContractTarget, sandboxTarget } from './contract-targets';

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

  it('says how to restore a Baton property someone deleted, instead of failing on a 207', async () => {
    const client = new Client({ accessToken: 'sandbox-token', basePath: target.sandbox!.url });
    await client.crm.properties.coreApi.archive('deals', 'baton_quality');
    await expect(target.adapter.provision()).rejects.toThrow(
      'baton_quality on deals was deleted in HubSpot and still holds its name: restore it under Settings › Properties › Archived properties',
    );
  });
});
