// The script that writes the generated HubSpot files: where they go, that a second run changes
// nothing, and that the folders it owns hold nothing stale.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { SCHEMAS_OUT_DIR, generateHubSpotObjects } from '../../scripts/generate-hubspot-objects';
import { appObjectMeta } from '../../src/crm/hubspot/app-object-meta';
import { appObjectFiles, schemaPayloadFiles } from '../../src/crm/hubspot/generated-files';
import { objectSchemaPayloads } from '../../src/crm/hubspot/schema-payloads';

const APP_OBJECT_PATHS = [
  'hs/src/app/app-object-associations/commitment-to-handoff-hsmeta.json',
  'hs/src/app/app-object-associations/handoff-to-company-hsmeta.json',
  'hs/src/app/app-object-associations/handoff-to-contact-hsmeta.json',
  'hs/src/app/app-object-associations/handoff-to-deal-hsmeta.json',
  'hs/src/app/app-object-associations/stakeholder-to-contact-hsmeta.json',
  'hs/src/app/app-object-associations/stakeholder-to-handoff-hsmeta.json',
  'hs/src/app/app-objects/commitment-hsmeta.json',
  'hs/src/app/app-objects/handoff-hsmeta.json',
  'hs/src/app/app-objects/stakeholder-hsmeta.json',
];
const SCHEMA_PATHS = [
  'association-definitions.json',
  'association-labels.json',
  'baton_commitment.schema.json',
  'baton_handoff.schema.json',
  'baton_stakeholder.schema.json',
  'deals.properties.json',
  'deals.property-group.json',
  'manifest.json',
  'property-groups.json',
].map((name) => `${SCHEMAS_OUT_DIR}/${name}`);

let root: string;

async function projectWith(hsproject: unknown): Promise<string> {
  const dir = await mkdtemp(join(root, 'project-'));
  await writeFile(join(dir, 'hsproject.json'), JSON.stringify(hsproject));
  return dir;
}

async function snapshot(dir: string, paths: string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    paths.map(async (path) => [path, await readFile(join(dir, path), 'utf8')] as const),
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'baton-generate-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const HSPROJECT = { name: 'baton', srcDir: 'hs/src', platformVersion: '2026.03' };

describe('generateHubSpotObjects', () => {
  it('writes the app objects under srcDir and the schema payloads under build/', async () => {
    const dir = await projectWith(HSPROJECT);
    const report = await generateHubSpotObjects(dir);
    expect(report).toEqual({
      written: [...APP_OBJECT_PATHS, ...SCHEMA_PATHS].sort(),
      unchanged: [],
      removed: [],
    });
  });

  it('writes exactly what the generators produce', async () => {
    const dir = await projectWith(HSPROJECT);
    await generateHubSpotObjects(dir);
    const handoff = await readFile(join(dir, 'hs/src/app/app-objects/handoff-hsmeta.json'), 'utf8');
    expect(JSON.parse(handoff)).toEqual(appObjectMeta('handoff'));
    const schema = await readFile(join(dir, SCHEMAS_OUT_DIR, 'baton_handoff.schema.json'), 'utf8');
    expect(JSON.parse(schema)).toEqual(objectSchemaPayloads().handoff);
  });

  it('writes identical bytes on every run, and says when nothing changed', async () => {
    const dir = await projectWith(HSPROJECT);
    await generateHubSpotObjects(dir);
    const first = await snapshot(dir, [...APP_OBJECT_PATHS, ...SCHEMA_PATHS]);
    const report = await generateHubSpotObjects(dir);
    expect(report.written).toEqual([]);
    expect(report.unchanged).toHaveLength(APP_OBJECT_PATHS.length + SCHEMA_PATHS.length);
    expect(await snapshot(dir, [...APP_OBJECT_PATHS, ...SCHEMA_PATHS])).toEqual(first);
    const elsewhere = await projectWith(HSPROJECT);
    await generateHubSpotObjects(elsewhere);
    expect(await snapshot(elsewhere, [...APP_OBJECT_PATHS, ...SCHEMA_PATHS])).toEqual(first);
  });

  it('puts a hand-edited file back as generated', async () => {
    const dir = await projectWith(HSPROJECT);
    await generateHubSpotObjects(dir);
    const path = 'hs/src/app/app-objects/handoff-hsmeta.json';
    const generated = await readFile(join(dir, path), 'utf8');
    await writeFile(join(dir, path), generated.replace('"Handoff"', '"Hand-off"'));
    const report = await generateHubSpotObjects(dir);
    expect(report.written).toEqual([path]);
    expect(await readFile(join(dir, path), 'utf8')).toBe(generated);
  });

  it('removes stale files from the folders it owns and leaves the rest of the tree alone', async () => {
    const dir = await projectWith(HSPROJECT);
    await mkdir(join(dir, 'hs/src/app/app-objects'), { recursive: true });
    await mkdir(join(dir, 'hs/src/app/cards'), { recursive: true });
    await mkdir(join(dir, SCHEMAS_OUT_DIR), { recursive: true });
    await writeFile(join(dir, 'hs/src/app/app-objects/renewal-hsmeta.json'), '{}');
    await writeFile(join(dir, 'hs/src/app/app-hsmeta.json'), '{}');
    await writeFile(join(dir, 'hs/src/app/cards/card-hsmeta.json'), '{}');
    await writeFile(join(dir, SCHEMAS_OUT_DIR, 'old.schema.json'), '{}');
    const report = await generateHubSpotObjects(dir);
    expect(report.removed).toEqual([
      `${SCHEMAS_OUT_DIR}/old.schema.json`,
      'hs/src/app/app-objects/renewal-hsmeta.json',
    ]);
    expect(await readdir(join(dir, 'hs/src/app'))).toEqual(
      expect.arrayContaining(['app-hsmeta.json', 'cards']),
    );
    expect(await readdir(join(dir, 'hs/src/app/cards'))).toEqual(['card-hsmeta.json']);
  });

  it('refuses an hsproject.json whose srcDir leaves the project', async () => {
    const dir = await projectWith({ ...HSPROJECT, srcDir: '../elsewhere' });
    await expect(generateHubSpotObjects(dir)).rejects.toThrow(
      /srcDir must be a folder inside the project/,
    );
  });

  it('refuses an hsproject.json without a srcDir', async () => {
    const dir = await projectWith({ name: 'baton', platformVersion: '2026.03' });
    await expect(generateHubSpotObjects(dir)).rejects.toThrow(/hsproject\.json[\s\S]*srcDir/);
  });
});

describe('the generated file sets', () => {
  it('have stable names and stable bytes', () => {
    expect(appObjectFiles()).toEqual(appObjectFiles());
    expect(schemaPayloadFiles()).toEqual(schemaPayloadFiles());
    expect(
      appObjectFiles()
        .map((file) => `hs/src/${file.path}`)
        .sort(),
    ).toEqual(APP_OBJECT_PATHS);
    expect(
      schemaPayloadFiles()
        .map((file) => `${SCHEMAS_OUT_DIR}/${file.path}`)
        .sort(),
    ).toEqual(SCHEMA_PATHS);
  });

  it('are two-space JSON ending in a newline', () => {
    for (const file of [...appObjectFiles(), ...schemaPayloadFiles()]) {
      expect(file.content).toBe(`${JSON.stringify(JSON.parse(file.content), null, 2)}\n`);
    }
  });

  it('tell admins the order of the requests and what to fill in, in the manifest', () => {
    const manifest = schemaPayloadFiles().find((file) => file.path === 'manifest.json');
    const parsed = z
      .object({
        generatedBy: z.string(),
        placeholders: z.string(),
        steps: z.array(z.object({ file: z.string() })),
      })
      .parse(JSON.parse(manifest?.content ?? '{}'));
    expect(parsed.generatedBy).toContain('Do not edit');
    expect(parsed.placeholders).toContain('{objectTypeId:');
    const files = schemaPayloadFiles().map((file) => file.path);
    const steps = parsed.steps.map((step) => step.file);
    expect([...steps, 'manifest.json'].sort()).toEqual([...files].sort());
    expect(steps.slice(0, 3)).toEqual([
      'baton_handoff.schema.json',
      'baton_commitment.schema.json',
      'baton_stakeholder.schema.json',
    ]);
  });

  it('leave portal-specific type ids as placeholders in the files for admins', () => {
    const labels = schemaPayloadFiles().find((file) => file.path === 'association-labels.json');
    expect(labels?.content).toContain(
      '"/crm/v4/associations/{objectTypeId:baton_handoff}/0-3/labels"',
    );
  });
});
