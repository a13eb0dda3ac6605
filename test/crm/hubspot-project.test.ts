// The whole generated HubSpot project tree (the app, its webhooks, the workflow action, the
// handoff cards, the settings page, the app objects), as `npm run build` writes it, accepted by @hubspot/project-parsing-lib; and the
// same validator refusing what HubSpot would refuse, or accepting our tree would prove nothing.
//
// The library fetches each component type's JSON schema from HubSpot; offline, the schemas are
// Baton's stand-ins in scripts/hubspot/ (component-schemas.ts, app-feature-schemas.ts).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import packageJson from '../../package.json';
import { generateHubSpotObjects } from '../../scripts/generate-hubspot-objects';
import {
  SETTINGS_ENTRY,
  SETTINGS_META,
  SETTINGS_PACKAGE,
  settingsFiles,
} from '../../scripts/hubspot/settings-page';
import { CARD_PACKAGE } from '../../src/crm/hubspot/card-meta';
import {
  type GeneratedFile,
  appFiles,
  appObjectFiles,
  cardFiles,
  toJson,
} from '../../src/crm/hubspot/generated-files';
import { type Validation, errorsOf, validateTrees, writeTree } from '../helpers/validate-project';

const PUBLIC_URL = 'https://baton.example.com';
const ACTION = 'app/workflow-actions/start-handoff-hsmeta.json';
const WEBHOOKS = 'app/webhooks/webhooks-hsmeta.json';
const APP = 'app/app-hsmeta.json';
const CARD = 'app/cards/handoff-card-hsmeta.json';
const CARD_ENTRY = 'app/cards/handoff-card.jsx';
const SIDEBAR = 'app/cards/handoff-sidebar-hsmeta.json';
const SIDEBAR_ENTRY = 'app/cards/handoff-sidebar.jsx';

/** The generated tree, with stand-ins for the entry files (the build bundles the extensions). */
const tree = (): GeneratedFile[] => [
  ...appFiles(PUBLIC_URL),
  ...cardFiles(),
  { path: CARD_ENTRY, content: 'export {};\n' },
  { path: SIDEBAR_ENTRY, content: 'export {};\n' },
  ...settingsFiles(),
  { path: SETTINGS_ENTRY, content: 'export {};\n' },
  ...appObjectFiles(),
];
const componentCount = () => tree().filter((file) => file.path.endsWith('-hsmeta.json')).length;

const component = z.looseObject({ config: z.looseObject({}) });
type Component = z.infer<typeof component>;

/** The generated tree with the file at `path` changed as `edit` says. */
function edited(path: string, edit: (meta: Component) => void): GeneratedFile[] {
  return tree().map((file) => {
    if (file.path !== path) return file;
    const meta = component.parse(JSON.parse(file.content));
    edit(meta);
    return { path, content: toJson(meta) };
  });
}

/** The typeDefinition of an output field of the workflow action, to break in place. */
function outputField(meta: Component, name: string): Record<string, unknown> {
  // Checked, then taken from `meta` itself: zod's parse returns a copy.
  const fields = z
    .array(z.object({ typeDefinition: z.looseObject({ name: z.string() }) }))
    .parse(meta.config.outputFields);
  const index = fields.findIndex((f) => f.typeDefinition.name === name);
  if (index < 0) throw new Error(`no output field ${name}`);
  return (meta.config.outputFields as { typeDefinition: Record<string, unknown> }[])[index]!
    .typeDefinition;
}

const broken: [string, () => GeneratedFile[], RegExp][] = [
  [
    'an enumeration output field without options',
    () => edited(ACTION, (meta) => delete outputField(meta, 'status').options),
    /start-handoff-hsmeta\.json[\s\S]*Missing required field: 'config\.outputFields\.1\.typeDefinition\.options'/,
  ],
  [
    'a misspelt key of the workflow action',
    () =>
      edited(ACTION, (meta) => {
        meta.config.actionURL = meta.config.actionUrl;
        delete meta.config.actionUrl;
      }),
    /start-handoff-hsmeta\.json[\s\S]*Missing required field: 'config\.actionUrl'[\s\S]*additionalProperty: actionURL/,
  ],
  [
    'an execution rule without its message',
    () =>
      edited(ACTION, (meta) => {
        const labels = z
          .object({ en: z.looseObject({ executionRules: z.record(z.string(), z.string()) }) })
          .parse(meta.config.labels);
        delete labels.en.executionRules.not_closed_won;
        meta.config.labels = labels;
      }),
    /start-handoff-hsmeta\.json: labels\.en\.executionRules has no message 'not_closed_won'/,
  ],
  [
    'an execution rule testing a value its field never takes',
    () =>
      edited(ACTION, (meta) => {
        meta.config.executionRules = [{ labelName: 'started', conditions: { outcome: 'created' } }];
      }),
    /execution rule 'started' tests outcome = 'created', not one of its options/,
  ],
  [
    'webhooks without a target URL',
    () =>
      edited(WEBHOOKS, (meta) => {
        meta.config.settings = { maxConcurrentRequests: 10 };
      }),
    /webhooks-hsmeta\.json[\s\S]*Missing required field: 'config\.settings\.targetUrl'/,
  ],
  [
    'an OAuth app with nowhere to send the installing user back to',
    () =>
      edited(APP, (meta) => {
        meta.config.auth = { type: 'oauth', requiredScopes: ['oauth'] };
      }),
    /app-hsmeta\.json[\s\S]*Missing required field: 'config\.auth\.redirectUrls'/,
  ],
  [
    'a second app',
    () => [...tree(), { path: 'app/old-app-hsmeta.json', content: toJson(appMetaOf(tree())) }],
    /old-app-hsmeta\.json:\s+- Only one app component is allowed/,
  ],
  [
    'a card whose entry file is not in the tree',
    () => tree().filter((file) => file.path !== CARD_ENTRY),
    /handoff-card-hsmeta\.json: entrypoint \/app\/cards\/handoff-card\.jsx is not in the project/,
  ],
  [
    'a card in a place HubSpot has no cards',
    () =>
      edited(CARD, (meta) => {
        meta.config.location = 'crm.record.middle';
      }),
    /handoff-card-hsmeta\.json[\s\S]*config\.location/,
  ],
  [
    'a sidebar card whose entry file is not in the tree',
    () => tree().filter((file) => file.path !== SIDEBAR_ENTRY),
    /handoff-sidebar-hsmeta\.json: entrypoint \/app\/cards\/handoff-sidebar\.jsx is not in the project/,
  ],
  [
    'a sidebar card with the tab card uid',
    () =>
      edited(SIDEBAR, (meta) => {
        meta.uid = 'baton_handoff_card';
      }),
    /Duplicate uid .baton_handoff_card./,
  ],
  [
    'a settings page whose entry file is not in the tree',
    () => tree().filter((file) => file.path !== SETTINGS_ENTRY),
    /settings-hsmeta\.json: entrypoint \/app\/settings\/settings-page\.jsx is not in the project/,
  ],
  [
    'a second settings page',
    () => [
      ...tree(),
      {
        path: 'app/settings/old-settings-hsmeta.json',
        content: toJson({ ...settingsMetaOf(tree()), uid: 'baton_settings_old' }),
      },
    ],
    /old-settings-hsmeta\.json[\s\S]*Only one/,
  ],
  [
    'a settings page without a name',
    () =>
      edited(SETTINGS_META, (meta) => {
        delete meta.config.name;
      }),
    /settings-hsmeta\.json[\s\S]*Missing required field: 'config\.name'/,
  ],
  [
    'a workflow action outside workflow-actions/',
    () =>
      tree().map((file) =>
        file.path === ACTION ? { ...file, path: 'app/workflows/start-handoff-hsmeta.json' } : file,
      ),
    /app\/workflows\/start-handoff-hsmeta\.json: not in a component folder/,
  ],
];

/** The settings page's component, to copy into a second one. */
function settingsMetaOf(files: GeneratedFile[]): Component {
  const meta = files.find((file) => file.path === SETTINGS_META);
  if (!meta) throw new Error('no settings-hsmeta.json');
  return component.parse(JSON.parse(meta.content));
}

/** A copy of the app component under another uid: what a leftover file from a rename is. */
function appMetaOf(files: GeneratedFile[]): unknown {
  const app = files.find((file) => file.path === APP);
  if (!app) throw new Error('no app-hsmeta.json');
  return { ...component.parse(JSON.parse(app.content)), uid: 'baton_app_old' };
}

/** The bundled entry file at `path`: Baton's code inlined, HubSpot's packages imported. */
async function expectBundled(path: string): Promise<string> {
  const entry = await readFile(join(generatedSrc, path), 'utf8');
  // The only imports left are what HubSpot installs for the cards.
  const imported = new Set(
    [...entry.matchAll(/^\s*} from "([^"]+)";|^import .* from "([^"]+)";/gm)].map(
      (match) => match[1] ?? match[2],
    ),
  );
  expect([...imported].sort()).toEqual(['@hubspot/ui-extensions', 'react', 'react/jsx-runtime']);
  expect(entry).toMatch(/\bhubspot\d*\.extend\(/);
  expect(entry).toContain('BATON_PUBLIC_URL: "https://baton.example.com"');
  return entry;
}

let scratch: string;
const results = new Map<string, Validation>();
let generatedSrc: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'baton-project-'));
  // The tree exactly as the build writes it, into a project of its own.
  await writeFile(
    join(scratch, 'hsproject.json'),
    JSON.stringify({ name: 'baton', srcDir: 'hs/src', platformVersion: '2026.03' }),
  );
  await generateHubSpotObjects(scratch, { BATON_PUBLIC_URL: PUBLIC_URL });
  generatedSrc = join(scratch, 'hs', 'src');
  const trees = broken.map(([name, files]) => [name, files()] as const);
  const dirs = await Promise.all(
    trees.map(([_name, files], index) => writeTree(join(scratch, `broken-${index}`), files)),
  );
  const validated = await validateTrees([generatedSrc, ...dirs]);
  ['generated', ...trees.map(([name]) => name)].forEach((name, index) => {
    const result = validated[index];
    if (result) results.set(name, result);
  });
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the generated HubSpot project tree, validated by @hubspot/project-parsing-lib', () => {
  it('is accepted whole: the app, its webhooks, the workflow action, the cards, the settings page and the app objects', () => {
    const result = results.get('generated');
    expect(errorsOf(result)).toBe('');
    expect(result).toEqual({
      valid: true,
      components: expect.arrayContaining([
        { uid: 'baton_app', type: 'APPLICATION', file: APP },
        { uid: 'baton_webhooks', type: 'WEBHOOKS', file: WEBHOOKS },
        { uid: 'baton_start_handoff', type: 'WORKFLOW_ACTION', file: ACTION },
        { uid: 'baton_handoff_card', type: 'CARD', file: CARD },
        { uid: 'baton_handoff_sidebar', type: 'CARD', file: SIDEBAR },
        { uid: 'baton_settings', type: 'SETTINGS', file: SETTINGS_META },
        { uid: 'BATON_HANDOFF', type: 'APP_OBJECT', file: 'app/app-objects/handoff-hsmeta.json' },
      ]),
    });
    expect(result?.valid && result.components).toHaveLength(componentCount());
  });

  it('puts the handoff card on the deal record tab, its entry the bundled card', async () => {
    const meta = JSON.parse(await readFile(join(generatedSrc, CARD), 'utf8')) as Component;
    expect(meta).toEqual({
      uid: 'baton_handoff_card',
      type: 'card',
      config: expect.objectContaining({
        location: 'crm.record.tab',
        objectTypes: ['deals'],
        entrypoint: `/${CARD_ENTRY}`,
      }),
    });
    const entry = await expectBundled(CARD_ENTRY);
    // The core's schemas and guards (zod) run on the server; the card takes only its words and
    // the button mapping, so it stays a fifth of the settings page's size.
    expect(entry).not.toContain('node_modules/zod');
  });

  it('puts the sidebar card on the deal record sidebar, with its own uid and bundle', async () => {
    const meta = JSON.parse(await readFile(join(generatedSrc, SIDEBAR), 'utf8')) as Component;
    expect(meta).toEqual({
      uid: 'baton_handoff_sidebar',
      type: 'card',
      config: expect.objectContaining({
        location: 'crm.record.sidebar',
        objectTypes: ['deals'],
        entrypoint: `/${SIDEBAR_ENTRY}`,
      }),
    });
    const entry = await expectBundled(SIDEBAR_ENTRY);
    expect(entry).toContain('function HandoffSidebar(');
    // Its own bundle: the tab card's sections are not in it.
    expect(entry).not.toContain('function HandoffSections(');
    expect(entry).not.toContain('node_modules/zod');
  });

  it('puts the settings page in app/settings, its entry the bundled page', async () => {
    const meta = JSON.parse(await readFile(join(generatedSrc, SETTINGS_META), 'utf8')) as Component;
    expect(meta).toEqual({
      uid: 'baton_settings',
      type: 'settings',
      config: { name: 'Baton settings', entrypoint: `/${SETTINGS_ENTRY}` },
    });
    const entry = await expectBundled(SETTINGS_ENTRY);
    expect(entry).toContain('function SettingsPage(');
    // The core's own checks run in the page as the user types.
    expect(entry).toContain('function validateSettings(');
    expect(entry).not.toContain('function HandoffSections(');
    // zod's messages in English only: its other languages are most of its size.
    expect(entry).toContain('node_modules/zod/v4/locales/en.js');
    expect(entry).not.toContain('node_modules/zod/v4/locales/de.js');
    const pkg = JSON.parse(
      await readFile(join(generatedSrc, 'app/settings/package.json'), 'utf8'),
    ) as typeof SETTINGS_PACKAGE;
    expect(pkg.dependencies).toEqual(CARD_PACKAGE.dependencies);
  });

  it('installs for the card the versions the card is tested with', () => {
    expect(CARD_PACKAGE.dependencies).toEqual({
      '@hubspot/ui-extensions': packageJson.devDependencies['@hubspot/ui-extensions'],
      react: packageJson.devDependencies.react,
    });
  });

  it('points every URL HubSpot calls at BATON_PUBLIC_URL', async () => {
    const read = async (path: string) =>
      JSON.parse(await readFile(join(generatedSrc, path), 'utf8')) as Component;
    expect((await read(ACTION)).config.actionUrl).toBe(
      'https://baton.example.com/hubspot/actions/start-handoff',
    );
    expect((await read(WEBHOOKS)).config.settings).toMatchObject({
      targetUrl: 'https://baton.example.com/hubspot/webhooks',
    });
    expect((await read(APP)).config).toMatchObject({
      auth: { redirectUrls: ['https://baton.example.com/oauth/callback'] },
      permittedUrls: { fetch: ['https://baton.example.com'] },
    });
  });

  it.each(broken)('refuses %s', (name, _files, message) => {
    const result = results.get(name);
    expect(result?.valid).toBe(false);
    expect(errorsOf(result)).toMatch(message);
  });
});
