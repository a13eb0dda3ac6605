// The portal on disk: what one sandbox wrote, the next one started on the same folder reads.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssociationSpecAssociationCategoryEnum as Category } from '@hubspot/api-client/lib/codegen/crm/objects';
import { createSandbox } from '../../src/sandbox';
import { PersistenceError } from '../../src/sandbox/store/persistence';
import { sandboxStateSchema } from '../../src/sandbox/store/state.schema';
import { defineHandoff } from './helpers/handoff-schema';
import { startSandbox } from './helpers/sandbox-harness';

const tempDir = () => mkdtempSync(join(tmpdir(), 'baton-sandbox-'));

describe('persistence', () => {
  it('keeps schemas, records, labels and associations across a restart', async () => {
    const dataDir = tempDir();
    const first = await startSandbox({ dataDir });
    const handoffType = await defineHandoff(first.client);
    const [deal] = (await first.client.crm.deals.basicApi.getPage(1)).results;
    const handoff = await first.client.crm.objects.basicApi.create(handoffType, {
      properties: { handoff_key: `${deal?.id}:sales_to_cs`, status: 'submitted' },
      associations: [],
    });
    const [label] = (
      await first.client.crm.associations.v4.schema.definitionsApi.create(handoffType, 'deals', {
        name: 'primary_handoff',
        label: 'Primary handoff',
      })
    ).results;
    await first.client.crm.associations.v4.basicApi.create(
      handoffType,
      handoff.id,
      'deals',
      deal?.id ?? '',
      [{ associationCategory: Category.UserDefined, associationTypeId: label?.typeId ?? 0 }],
    );
    await first.close();

    expect(readdirSync(dataDir)).toEqual(['sandbox.json']);
    const saved = sandboxStateSchema.parse(
      JSON.parse(readFileSync(join(dataDir, 'sandbox.json'), 'utf8')),
    );
    expect(saved.objectTypes.map((t) => t.name)).toContain('test_handoff');

    const second = await startSandbox({ dataDir });
    const read = await second.client.crm.objects.basicApi.getById(
      handoffType,
      `${deal?.id}:sales_to_cs`,
      ['status'],
      undefined,
      undefined,
      false,
      'handoff_key',
    );
    expect(read).toMatchObject({ id: handoff.id, properties: { status: 'submitted' } });
    const fromDeal = await second.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal?.id ?? '',
      handoffType,
    );
    expect(fromDeal.results[0]?.associationTypes.map((t) => t.label)).toContain('Primary handoff');
    const next = await second.client.crm.objects.basicApi.create(handoffType, {
      properties: { handoff_key: 'later' },
      associations: [],
    });
    expect(Number(next.id)).toBeGreaterThan(Number(handoff.id));
    await second.close();
  });

  it('writes the seed at once on a fresh folder, and an empty portal with seed off', async () => {
    const seeded = tempDir();
    await createSandbox({ dataDir: seeded }).flush();
    expect(
      sandboxStateSchema.parse(JSON.parse(readFileSync(join(seeded, 'sandbox.json'), 'utf8')))
        .records['0-3'],
    ).toHaveLength(420);

    const empty = tempDir();
    await createSandbox({ dataDir: empty, seed: false }).flush();
    const state = sandboxStateSchema.parse(
      JSON.parse(readFileSync(join(empty, 'sandbox.json'), 'utf8')),
    );
    expect(Object.values(state.records).flat()).toEqual([]);
    expect(state.owners).toEqual([]);
    expect(state.pipelines.map((p) => p.id)).toEqual(['default']);
  });

  it('refuses a file that is not a sandbox portal, saying what to do', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'sandbox.json'), JSON.stringify({ version: 1, portalId: 'x' }));
    expect(() => createSandbox({ dataDir })).toThrow(PersistenceError);
    expect(() => createSandbox({ dataDir })).toThrow(
      /sandbox\.json is not a sandbox portal \(portalId: .*\); move it away/,
    );
    writeFileSync(join(dataDir, 'sandbox.json'), '{');
    expect(() => createSandbox({ dataDir })).toThrow(/is not valid JSON/);
  });
});
