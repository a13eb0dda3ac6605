// The script that writes the generated HubSpot files: where they go, that a second run changes
// nothing, that the folders it owns hold nothing stale, and that the public URL goes in.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  SCHEMAS_OUT_DIR,
  generateHubSpotObjects,
  publicUrlNote,
} from '../../scripts/generate-hubspot-objects';
import { settingsFiles } from '../../scripts/hubspot/settings-page';
import { appObjectMeta } from '../../src/crm/hubspot/app-object-meta';
import {
  appFiles,
  appObjectFiles,
  cardFiles,
  schemaPayloadFiles,
} from '../../src/crm/hubspot/generated-files';
import { objectSchemaPayloads } from '../../src/crm/hubspot/schema-payloads';

/** The files that carry the public URL: the app and the features that call the backend. */
const APP_PATHS = [
  'hs/src/app/app-hsmeta.json',
  'hs/src/app/cards/handoff-card.jsx',
  'hs/src/app/cards/handoff-sidebar.jsx',
  'hs/src/app/settings/settings-page.jsx',
  'hs/src/app/webhooks/webhooks-hsmeta.json',
  'hs/src/app/workflow-actions/start-handoff-hsmeta.json',
];
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
const CARD_META_PATHS = [
  'hs/src/app/cards/handoff-card-hsmeta.json',
  'hs/src/app/cards/handoff-sidebar-hsmeta.json',
  'hs/src/app/cards/package.json',
  'hs/src/app/settings/package.json',
  'hs/src/app/settings/settings-hsmeta.json',
];
const PROJECT_PATHS = [...APP_PATHS, ...CARD_META_PATHS, ...APP_OBJECT_PATHS].sort();
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
const ENV = { BATON_PUBLIC_URL: 'https://baton.example.com' };
const PUBLIC_URL = { base: 'https://baton.example.com', defaulted: false };

async function readJson(dir: string, path: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, path), 'utf8'));
}

describe('generateHubSpotObjects', () => {
  it('writes the project tree under srcDir and the schema payloads under build/', async () => {
    const dir = await projectWith(HSPROJECT);
    const report = await generateHubSpotObjects(dir, ENV);
    expect(report).toEqual({
      written: [...PROJECT_PATHS, ...SCHEMA_PATHS].sort(),
      unchanged: [],
      removed: [],
      publicUrl: PUBLIC_URL,
    });
  });

  it('writes exactly what the generators produce', async () => {
    const dir = await projectWith(HSPROJECT);
    await generateHubSpotObjects(dir, ENV);
    expect(await readJson(dir, 'hs/src/app/app-objects/handoff-hsmeta.json')).toEqual(
      appObjectMeta('handoff'),
    );
    for (const file of appFiles(PUBLIC_URL.base)) {
      expect(await readFile(join(dir, 'hs/src', file.path), 'utf8')).toBe(file.content);
    }
    const schema = await readFile(join(dir, SCHEMAS_OUT_DIR, 'baton_handoff.schema.json'), 'utf8');
    expect(JSON.parse(schema)).toEqual(objectSchemaPayloads().handoff);
  });

  it('writes identical bytes on every run, and says when nothing changed', async () => {
    const dir = await projectWith(HSPROJECT);
    await generateHubSpotObjects(dir, ENV);
    const first = await snapshot(dir, [...PROJECT_PATHS, ...SCHEMA_PATHS]);
    const report = await generateHubSpotObjects(dir, ENV);
    expect(report.written).toEqual([]);
    expect(report.unchanged).toHaveLength(PROJECT_PATHS.length + SCHEMA_PATHS.length);
    expect(await snapshot(dir, [...PROJECT_PATHS, ...SCHEMA_PATHS])).toEqual(first);
    const elsewhere = await projectWith(HSPROJECT);
    await generateHubSpotObjects(elsewhere, ENV);
    expect(await snapshot(elsewhere, [...PROJECT_PATHS, ...SCHEMA_PATHS])).toEqual(first);
  });

  it('puts a hand-edited file back as generated', async () => {
    const dir = await projectWith(HSPROJECT);
    await generateHubSpotObjects(dir, ENV);
    const path = 'hs/src/app/app-objects/handoff-hsmeta.json';
    const generated = await readFile(join(dir, path), 'utf8');
    await writeFile(join(dir, path), generated.replace('"Handoff"', '"Hand-off"'));
    const report = await generateHubSpotObjects(dir, ENV);
    expect(report.written).toEqual([path]);
    expect(await readFile(join(dir, path), 'utf8')).toBe(generated);
  });

  it('removes stale files from the folders it owns and leaves the rest of the tree alone', async () => {
    const dir = await projectWith(HSPROJECT);
    for (const folder of ['app-objects', 'workflow-actions', 'webhooks', 'cards', 'settings'])
      await mkdir(join(dir, 'hs/src/app', folder), { recursive: true });
    await mkdir(join(dir, SCHEMAS_OUT_DIR), { recursive: true });
    await writeFile(join(dir, 'hs/src/app/app-objects/renewal-hsmeta.json'), '{}');
    await writeFile(join(dir, 'hs/src/app/workflow-actions/retired-hsmeta.json'), '{}');
    await writeFile(join(dir, 'hs/src/app/webhooks/old-webhooks-hsmeta.json'), '{}');
    // A second app would be refused by HubSpot: app/ holds only the generated one.
    await writeFile(join(dir, 'hs/src/app/old-app-hsmeta.json'), '{}');
    // cards/ holds only the generated cards: their entry files are bundles, not sources.
    await writeFile(join(dir, 'hs/src/app/cards/card-hsmeta.json'), '{}');
    await writeFile(join(dir, 'hs/src/app/cards/HandoffCard.tsx'), '');
    // So does settings/: a hand-made meta is written over, a source removed.
    await writeFile(join(dir, 'hs/src/app/settings/settings-hsmeta.json'), '{}');
    await writeFile(join(dir, 'hs/src/app/settings/SettingsPage.tsx'), '');
    await writeFile(join(dir, SCHEMAS_OUT_DIR, 'old.schema.json'), '{}');
    const report = await generateHubSpotObjects(dir, ENV);
    expect(report.removed).toEqual([
      `${SCHEMAS_OUT_DIR}/old.schema.json`,
      'hs/src/app/app-objects/renewal-hsmeta.json',
      'hs/src/app/cards/HandoffCard.tsx',
      'hs/src/app/cards/card-hsmeta.json',
      'hs/src/app/old-app-hsmeta.json',
      'hs/src/app/settings/SettingsPage.tsx',
      'hs/src/app/webhooks/old-webhooks-hsmeta.json',
      'hs/src/app/workflow-actions/retired-hsmeta.json',
    ]);
    expect((await readdir(join(dir, 'hs/src/app/cards'))).sort()).toEqual([
      'handoff-card-hsmeta.json',
      'handoff-card.jsx',
      'handoff-sidebar-hsmeta.json',
      'handoff-sidebar.jsx',
      'package.json',
    ]);
    expect((await readdir(join(dir, 'hs/src/app/settings'))).sort()).toEqual([
      'package.json',
      'settings-hsmeta.json',
      'settings-page.jsx',
    ]);
  });

  it('puts BATON_PUBLIC_URL in the tree, and rewrites only the files that carry it', async () => {
    const dir = await projectWith(HSPROJECT);
    await generateHubSpotObjects(dir, ENV);
    const moved = await generateHubSpotObjects(dir, {
      BATON_PUBLIC_URL: 'https://handoffs.example.org/baton/',
    });
    expect(moved.written).toEqual(APP_PATHS);
    expect(moved.publicUrl).toEqual({
      base: 'https://handoffs.example.org/baton',
      defaulted: false,
    });
    expect(
      await readJson(dir, 'hs/src/app/workflow-actions/start-handoff-hsmeta.json'),
    ).toMatchObject({
      config: { actionUrl: 'https://handoffs.example.org/baton/hubspot/actions/start-handoff' },
    });
  });

  it('calls the local backend when BATON_PUBLIC_URL is unset, and says not to upload that', async () => {
    const dir = await projectWith(HSPROJECT);
    const report = await generateHubSpotObjects(dir, { PORT: '3400' });
    expect(report.publicUrl).toEqual({ base: 'http://localhost:3400', defaulted: true });
    expect(await readJson(dir, 'hs/src/app/webhooks/webhooks-hsmeta.json')).toMatchObject({
      config: { settings: { targetUrl: 'http://localhost:3400/hubspot/webhooks' } },
    });
    expect(publicUrlNote(report.publicUrl)).toBe(
      'HubSpot project calls http://localhost:3400 (BATON_PUBLIC_URL is unset): fine to ' +
        "validate locally; set BATON_PUBLIC_URL to the backend's HTTPS URL before " +
        '`hs project upload`',
    );
    expect(publicUrlNote(PUBLIC_URL)).toBe('HubSpot project calls https://baton.example.com');
  });

  it('refuses a public URL HubSpot cannot call, before writing anything', async () => {
    const dir = await projectWith(HSPROJECT);
    await expect(
      generateHubSpotObjects(dir, { BATON_PUBLIC_URL: 'http://baton.example.com' }),
    ).rejects.toThrow(/^BATON_PUBLIC_URL: HubSpot calls HTTPS URLs only/);
    expect(await readdir(dir)).toEqual(['hsproject.json']);
  });

  it('refuses an hsproject.json whose srcDir leaves the project', async () => {
    const dir = await projectWith({ ...HSPROJECT, srcDir: '../elsewhere' });
    await expect(generateHubSpotObjects(dir, ENV)).rejects.toThrow(
      /srcDir must be a folder inside the project/,
    );
  });

  it('refuses an hsproject.json without a srcDir', async () => {
    const dir = await projectWith({ name: 'baton', platformVersion: '2026.03' });
    await expect(generateHubSpotObjects(dir, ENV)).rejects.toThrow(/hsproject\.json[\s\S]*srcDir/);
  });
});

describe('the generated file sets', () => {
  it('have stable names and stable bytes', () => {
    expect(appFiles(PUBLIC_URL.base)).toEqual(appFiles(PUBLIC_URL.base));
    expect(appObjectFiles()).toEqual(appObjectFiles());
    expect(schemaPayloadFiles()).toEqual(schemaPayloadFiles());
    expect(cardFiles()).toEqual(cardFiles());
    expect(settingsFiles()).toEqual(settingsFiles());
    // The extensions' entry files are the project files not listed here: esbuild writes them.
    expect(
      [...appFiles(PUBLIC_URL.base), ...cardFiles(), ...settingsFiles(), ...appObjectFiles()]
        .map((file) => `hs/src/${file.path}`)
        .concat(
          'hs/src/app/cards/handoff-card.jsx',
          'hs/src/app/cards/handoff-sidebar.jsx',
          'hs/src/app/settings/settings-page.jsx',
        )
        .sort(),
    ).toEqual(PROJECT_PATHS);
    expect(
      schemaPayloadFiles()
        .map((file) => `${SCHEMAS_OUT_DIR}/${file.path}`)
        .sort(),
    ).toEqual(SCHEMA_PATHS);
  });

  it('are two-space JSON ending in a newline', () => {
    for (const file of [
      ...appFiles(PUBLIC_URL.base),
      ...appObjectFiles(),
      ...schemaPayloadFiles(),
    ]) {
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
