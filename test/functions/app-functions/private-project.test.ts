// The private, single-portal install of the HubSpot project (BATON_HUBSPOT_INSTALL=private): a
// static-auth app whose cards and workflow action run Baton's app functions. The generated tree
// is accepted by @hubspot/project-parsing-lib (with Baton's offline stand-in schemas, including
// the one for app functions in scripts/hubspot/component-schemas.ts): the same two cards as the
// marketplace app, calling the card function instead of a backend URL, and no settings page;
// `app/functions/` belongs to the generator whole, so a second run rewrites nothing and a
// marketplace build removes it (and a private build removes the marketplace settings page).
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHubSpotObjects } from '../../../scripts/generate-hubspot-objects';
import { CARDS } from '../../../src/crm/hubspot/card-meta';
import { APP_FUNCTION_UIDS } from '../../../src/functions/app-functions/app-function-meta';
import { type Validation, errorsOf, validateTrees } from '../../helpers/validate-project';

const ENV = {
  BATON_PUBLIC_URL: 'https://www.example.com/hs/serverless',
  BATON_HUBSPOT_INSTALL: 'private',
};
const FUNCTIONS = [
  'handoff-card-hsmeta.json',
  'handoff-card.js',
  'package.json',
  'start-handoff-hsmeta.json',
  'start-handoff.js',
];
const CARD_FILES = [
  'handoff-card-hsmeta.json',
  'handoff-card.jsx',
  'handoff-sidebar-hsmeta.json',
  'handoff-sidebar.jsx',
  'package.json',
];

let scratch: string;
let src: string;
const results: Validation[] = [];

const readJson = async (path: string) => JSON.parse(await readFile(join(src, path), 'utf8'));

/** A copy of the generated tree with one change, as its own project source folder. */
async function variant(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(scratch, name);
  await generateHubSpotObjects(await projectAt(dir), ENV);
  await change(join(dir, 'src'));
  return join(dir, 'src');
}

async function projectAt(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'hsproject.json'),
    JSON.stringify({ name: 'baton', srcDir: 'src', platformVersion: '2026.03' }),
  );
  return dir;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'baton-private-'));
  const root = await projectAt(join(scratch, 'generated'));
  await generateHubSpotObjects(root, ENV);
  src = join(root, 'src');
  const dirs = [
    src,
    await variant('no-entrypoint', (dir) => rm(join(dir, 'app/functions/handoff-card.js'))),
    await variant('no-package', (dir) => rm(join(dir, 'app/functions/package.json'))),
  ];
  results.push(...(await validateTrees(dirs)));
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the private install of the HubSpot project', () => {
  it('is accepted whole: a static-auth app, its functions, the workflow action, the objects', () => {
    expect(errorsOf(results[0])).toBe('');
    const components = results[0]?.valid ? results[0].components : [];
    expect(components).toEqual(
      expect.arrayContaining([
        { uid: 'baton_app', type: 'APPLICATION', file: 'app/app-hsmeta.json' },
        {
          uid: APP_FUNCTION_UIDS.handoffCard,
          type: 'APP_FUNCTION',
          file: 'app/functions/handoff-card-hsmeta.json',
        },
        {
          uid: APP_FUNCTION_UIDS.startHandoff,
          type: 'APP_FUNCTION',
          file: 'app/functions/start-handoff-hsmeta.json',
        },
        expect.objectContaining({ type: 'SERVERLESS_PACKAGE', file: 'app/functions/package.json' }),
        expect.objectContaining({ type: 'WORKFLOW_ACTION' }),
      ]),
    );
    // No webhooks: they would deliver to a backend this install does not run.
    expect(components.map((c) => c.type)).not.toContain('WEBHOOKS');
  });

  it('has the marketplace cards, with their uids, and no settings page', async () => {
    const components = results[0]?.valid ? results[0].components : [];
    expect(components).toEqual(
      expect.arrayContaining([
        {
          uid: CARDS['handoff-card'].uid,
          type: 'CARD',
          file: 'app/cards/handoff-card-hsmeta.json',
        },
        {
          uid: CARDS['handoff-sidebar'].uid,
          type: 'CARD',
          file: 'app/cards/handoff-sidebar-hsmeta.json',
        },
      ]),
    );
    expect((await readdir(join(src, 'app/cards'))).sort()).toEqual(CARD_FILES);
    expect(await readJson('app/cards/handoff-sidebar-hsmeta.json')).toMatchObject({
      config: { location: 'crm.record.sidebar', entrypoint: '/app/cards/handoff-sidebar.jsx' },
    });
    // The team is the BATON_TEAM secret, and there is no database to keep settings in.
    expect(components.map((c) => c.type)).not.toContain('SETTINGS');
    await expect(readdir(join(src, 'app/settings'))).rejects.toThrow();
  });

  it.each(['handoff-card', 'handoff-sidebar'])(
    'bundles the %s card over the card function, calling no backend URL',
    async (name) => {
      const entry = await readFile(join(src, `app/cards/${name}.jsx`), 'utf8');
      expect(entry).toContain(`"${APP_FUNCTION_UIDS.handoffCard}"`);
      // esbuild renames the import (`hubspot2`) where two modules import it.
      expect(entry).toMatch(/\bhubspot\d*\.serverless\b/);
      expect(entry).not.toMatch(/\bhubspot\d*\.fetch\b/);
      expect(entry).not.toContain('/api/deals/');
      expect(entry).not.toContain(ENV.BATON_PUBLIC_URL);
      expect(entry).toMatch(/^import .* from "@hubspot\/ui-extensions";$/m);
      expect(entry).not.toContain('node_modules/zod');
    },
  );

  it('is a private app on static auth, asking for no OAuth scope and fetching no URL', async () => {
    const app = await readJson('app/app-hsmeta.json');
    expect(app.config).toMatchObject({ distribution: 'private', auth: { type: 'static' } });
    expect(app.config.permittedUrls).toEqual({ fetch: [], iframe: [], img: [] });
    expect(app.config.auth.requiredScopes).not.toContain('oauth');
    expect(app.config.auth.requiredScopes).toContain('crm.objects.deals.write');
  });

  it('points the workflow action at the start-handoff endpoint function', async () => {
    const action = await readJson('app/workflow-actions/start-handoff-hsmeta.json');
    expect(action.config.actionUrl).toBe(
      'https://www.example.com/hs/serverless/baton/start-handoff',
    );
    expect(await readJson('app/functions/start-handoff-hsmeta.json')).toEqual({
      uid: APP_FUNCTION_UIDS.startHandoff,
      type: 'app-function',
      config: {
        entrypoint: '/app/functions/start-handoff.js',
        secretKeys: ['BATON_TEAM'],
        endpoint: { path: '/baton/start-handoff', methods: ['POST'] },
      },
    });
    const card = await readJson('app/functions/handoff-card-hsmeta.json');
    expect(card.config).not.toHaveProperty('endpoint');
  });

  it('ships each function as one CommonJS bundle and a package.json with no dependencies', async () => {
    expect((await readdir(join(src, 'app/functions'))).sort()).toEqual(FUNCTIONS);
    expect(await readJson('app/functions/package.json')).toMatchObject({ dependencies: {} });
    const bundle = await readFile(join(src, 'app/functions/handoff-card.js'), 'utf8');
    expect(bundle).not.toMatch(/require\("(zod|@hubspot\/api-client)"\)/);
  });

  it('refuses a function whose entrypoint is missing, or a functions folder without package.json', () => {
    expect(errorsOf(results[1])).toMatch(
      /handoff-card-hsmeta\.json: entrypoint \/app\/functions\/handoff-card\.js is not in the project/,
    );
    expect(errorsOf(results[2])).toMatch(/package\.json does not exist/);
  });
});

describe('generating the private install', () => {
  it('rewrites nothing the second time and removes a file it did not write', async () => {
    const root = join(scratch, 'generated');
    const stray = join(src, 'app/functions/old-function.js');
    await writeFile(stray, 'exports.main = async () => 1;\n');
    const before = (await stat(join(src, 'app/functions/handoff-card.js'))).mtimeMs;
    const report = await generateHubSpotObjects(root, ENV);
    expect(report.written).toEqual([]);
    expect(report.removed).toEqual(['src/app/functions/old-function.js']);
    expect(report.unchanged).toContain('src/app/functions/handoff-card.js');
    expect((await stat(join(src, 'app/functions/handoff-card.js'))).mtimeMs).toBe(before);
  }, 60_000);

  it('leaves no function behind when the same project is built as the marketplace app', async () => {
    const root = await projectAt(join(scratch, 'switched'));
    await generateHubSpotObjects(root, ENV);
    const report = await generateHubSpotObjects(root, { BATON_PUBLIC_URL: ENV.BATON_PUBLIC_URL });
    expect(report.removed).toEqual(FUNCTIONS.map((name) => `src/app/functions/${name}`));
    expect(report.written).toContain('src/app/webhooks/webhooks-hsmeta.json');
    // The same cards, now bundled from the entries that call the backend.
    expect(report.written).toEqual(
      expect.arrayContaining([
        'src/app/cards/handoff-card.jsx',
        'src/app/cards/handoff-sidebar.jsx',
      ]),
    );
    expect(report.unchanged).toContain('src/app/cards/handoff-card-hsmeta.json');
  }, 60_000);

  it('removes the settings page when a marketplace project is built as the private install', async () => {
    const root = await projectAt(join(scratch, 'to-private'));
    await generateHubSpotObjects(root, { BATON_PUBLIC_URL: ENV.BATON_PUBLIC_URL });
    const report = await generateHubSpotObjects(root, ENV);
    expect(report.removed).toEqual(
      expect.arrayContaining([
        'src/app/settings/settings-hsmeta.json',
        'src/app/settings/settings-page.jsx',
        'src/app/webhooks/webhooks-hsmeta.json',
      ]),
    );
    expect(report.removed.filter((path) => path.startsWith('src/app/cards/'))).toEqual([]);
    expect(report.written).toContain('src/app/cards/handoff-card.jsx');
  }, 60_000);

  it('refuses an install it does not know, before writing anything', async () => {
    const root = await projectAt(join(scratch, 'unknown'));
    await expect(
      generateHubSpotObjects(root, { ...ENV, BATON_HUBSPOT_INSTALL: 'public' }),
    ).rejects.toThrow(
      'BATON_HUBSPOT_INSTALL: expected marketplace (the default) or private, got "public"',
    );
    await expect(readdir(join(root, 'src'))).rejects.toThrow();
  });
});
