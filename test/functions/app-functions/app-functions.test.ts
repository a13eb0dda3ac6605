// Baton's app functions (the private, static-auth install) run as HubSpot would run them: `main`
// with a fake HubSpot context, the token and secrets in the environment, against the sandbox
// CRM. The workflow path starts a handoff; the card function loads it as the AE, refuses a save
// from a stale version, lets the CSM accept a submitted handoff and refuses the AE, and takes the
// AE's pre-close request on an open deal; bad parameters are `invalid_input` naming the field. Last, the esbuild bundles themselves run in a
// folder with no node_modules, to prove they carry everything they need.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAppFunction } from '../../../scripts/hubspot/bundle-app-functions';
import { seedTeamDirectory } from '../../../src/cli/commands/start.command';
import {
  type CardFunctionResult,
  type CardParameters,
  createHandoffCardFunction,
} from '../../../src/functions/app-functions/handoff-card.app-function';
import { createStartHandoffFunction } from '../../../src/functions/app-functions/start-handoff.app-function';
import { SANDBOX_TOKEN, SEED_OWNERS } from '../../../src/sandbox';
import { type ContractTarget, sandboxTarget } from '../../contract/contract-targets';
import { NOW } from '../../contract/handoff-writes';
import { addClosedWonDeals } from '../../contract/sandbox-deals';
import { exampleJson } from '../../helpers/handoff-factory';

const directory = seedTeamDirectory();
const SECTIONS = [
  'customerContext',
  'stakeholders',
  'objectives',
  'commitments',
  'technical',
  'implementation',
  'commercial',
  'risks',
] as const;

let target: ContractTarget;
let env: Record<string, string>;
let dealIds: string[];
let openDealId: string;
let now = NOW;

/** The HubSpot user behind an owner id of the seed, as HubSpot's context names them. */
function userOf(ownerId: string) {
  const owner = SEED_OWNERS.find((o) => o.id === ownerId);
  if (!owner) throw new Error(`no seed owner ${ownerId}`);
  return { userId: owner.userId, userEmail: owner.email };
}

const card = (user: object, parameters: CardParameters | Record<string, unknown>) =>
  createHandoffCardFunction({ env, now: () => now })({ ...user, parameters });

/** The workflow action's request, as HubSpot POSTs it to the endpoint function. */
const actionRequest = (dealId: string) => ({
  callbackId: `cb-${dealId}`,
  origin: { portalId: 1, actionDefinitionId: 7 },
  object: { objectId: Number(dealId), objectType: 'DEAL' },
  inputFields: {},
});

/** Moves a deal back to an open stage of its pipeline: a deal before its close. */
function reopen(dealId: string): void {
  const { store } = target.sandbox!.instance;
  const deals = store.type('0-3');
  const deal = store.records.get(deals, dealId)!;
  const pipeline = store.pipelines.find((p) => p.id === deal.properties.pipeline)!;
  const open = pipeline.stages.filter((stage) => stage.metadata.isClosed !== 'true');
  store.records.update(deals, deal, { dealstage: open.at(-1)!.id });
}

function ok(result: CardFunctionResult) {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.result as Record<string, unknown>;
}

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
  const stages = await target.adapter.closedWonStages();
  const wonStages = new Set(Object.values(stages.byPipeline).flat());
  dealIds = addClosedWonDeals(target.sandbox!.instance, 2, wonStages);
  [openDealId] = addClosedWonDeals(target.sandbox!.instance, 1, wonStages) as [string];
  reopen(openDealId);
  env = {
    PRIVATE_APP_ACCESS_TOKEN: SANDBOX_TOKEN,
    BATON_TEAM: JSON.stringify(directory),
    HUBSPOT_BASE_URL: target.sandbox!.url,
    HUBSPOT_RATE_LIMIT_PER_10S: '10000',
  };
});

afterAll(async () => {
  await target.close();
});

describe('the app functions, invoked as HubSpot would', () => {
  let aeUser: { userId: number; userEmail: string };
  let version: number;

  it('starts a handoff from the workflow action, and finds it started the second time', async () => {
    const start = createStartHandoffFunction({ env, now: () => now });
    const first = await start({ body: actionRequest(dealIds[0]!) });
    expect(first).toMatchObject({
      statusCode: 200,
      body: {
        outputFields: { outcome: 'started', status: 'draft', hs_execution_state: 'SUCCESS' },
      },
    });
    // An endpoint may receive the body as text.
    const again = await start({ body: JSON.stringify(actionRequest(dealIds[0]!)) });
    expect(again).toMatchObject({ body: { outputFields: { outcome: 'already_started' } } });
  });

  it('loads the card as the AE, known by their HubSpot user id', async () => {
    const context = await target.adapter.loadDealContext(dealIds[0]!);
    aeUser = userOf(context.deal.ownerId!);
    const view = ok(await card(aeUser, { operation: 'load', dealId: dealIds[0]! }));
    expect(view).toMatchObject({
      dealId: dealIds[0],
      handoff: { state: 'draft', canEdit: true },
    });
    version = (view.handoff as { version: number }).version;
  });

  it('saves sections, and refuses a save from the stale version with a conflict', async () => {
    const complete = exampleJson('complete') as Record<string, unknown>;
    const sections = Object.fromEntries(SECTIONS.map((key) => [key, complete[key]]));
    const saved = ok(
      await card(aeUser, {
        operation: 'save',
        dealId: dealIds[0]!,
        baseVersion: version,
        sections,
      }),
    );
    expect(saved).toMatchObject({
      handoff: { version: version + 1, completeness: { score: 100 } },
    });
    const stale = await card(aeUser, {
      operation: 'save',
      dealId: dealIds[0]!,
      baseVersion: version,
      sections: { risks: { churnRisk: 'high' } },
    });
    expect(stale).toEqual({
      status: 'error',
      code: 'conflict',
      message: expect.stringContaining('someone else saved this handoff'),
    });
    version += 1;
  });

  it('lets the CSM accept a submitted handoff and refuses the AE', async () => {
    now += 3_600_000;
    const submitted = ok(
      await card(aeUser, {
        operation: 'act',
        dealId: dealIds[0]!,
        baseVersion: version,
        action: { type: 'submit' },
      }),
    );
    version = (submitted.card as { handoff: { version: number } }).handoff.version;
    const accept = {
      operation: 'act',
      dealId: dealIds[0]!,
      baseVersion: version,
      action: { type: 'accept' },
    };
    expect(await card(aeUser, accept)).toMatchObject({ status: 'error', code: 'forbidden' });
    now += 3_600_000;
    const accepted = ok(await card(userOf(directory.csms[0]!), accept));
    expect(accepted).toMatchObject({
      card: { handoff: { state: 'accepted', ownership: { side: 'receiver' } } },
    });
    expect((accepted.events as { type: string }[]).map((e) => e.type)).toEqual([
      'handoff.accepted',
      'ownership.transferred',
    ]);
  });

  it('drafts the intro email', async () => {
    const email = ok(await card(aeUser, { operation: 'intro-email', dealId: dealIds[0]! }));
    expect(email.body).toContain('has the full context');
  });

  it('starts a handoff from the card for a closed-won deal', async () => {
    const csm = userOf(directory.csManagers[0]!);
    const started = ok(await card(csm, { operation: 'start', dealId: dealIds[1]! }));
    expect(started).toMatchObject({ outcome: 'started', card: { handoff: { state: 'draft' } } });
  });

  it("takes the AE's pre-close request on an open deal, once", async () => {
    const context = await target.adapter.loadDealContext(openDealId);
    const ae = userOf(context.deal.ownerId!);
    const csm = userOf(directory.csms[0]!);
    expect(await card(csm, { operation: 'pre-close', dealId: openDealId })).toMatchObject({
      status: 'error',
      code: 'forbidden',
    });

    const requested = ok(await card(ae, { operation: 'pre-close', dealId: openDealId }));
    expect(requested).toMatchObject({
      outcome: 'requested',
      card: {
        dealId: openDealId,
        handoff: { state: 'pending_approval', document: { handoffType: 'pre_close' } },
      },
    });
    const stored = await target.adapter.loadDealContext(openDealId);
    expect(Object.keys(stored.handoff!.links.tasks)).toEqual([
      `${openDealId}:pre_close:approve_pre_close`,
    ]);

    const again = ok(await card(ae, { operation: 'pre-close', dealId: openDealId }));
    expect(again).toMatchObject({
      outcome: 'already_requested',
      card: { handoff: { version: 1 } },
    });
  });

  it('refuses a pre-close request on a deal that has its handoff, and one with a body', async () => {
    const context = await target.adapter.loadDealContext(dealIds[0]!);
    const ae = userOf(context.deal.ownerId!);
    const refused = await card(ae, { operation: 'pre-close', dealId: dealIds[0]! });
    expect(refused).toMatchObject({ status: 'error', code: 'invalid_state' });
    expect(refused.status === 'error' && refused.message).toMatch(/already has its handoff/);
    const withBody = await card(ae, { operation: 'pre-close', dealId: dealIds[0]!, reason: 'x' });
    expect(withBody).toMatchObject({ status: 'error', code: 'invalid_input' });
  });

  it.each([
    ['a deal id that is not numeric', { operation: 'load', dealId: 'deal-1' }, /^dealId: /],
    ['an unknown operation', { operation: 'delete', dealId: '1' }, /^operation: /],
    [
      'a parameter the operation does not take',
      { operation: 'load', dealId: '1', sections: {} },
      /sections/,
    ],
    [
      'a save whose version is not a number',
      { operation: 'save', dealId: '1', baseVersion: 'latest', sections: {} },
      /^baseVersion: /,
    ],
  ])('answers invalid_input naming the field for %s', async (_name, parameters, message) => {
    const dealId = parameters.dealId === '1' ? dealIds[0]! : parameters.dealId;
    const result = await card(aeUser, { ...parameters, dealId });
    expect(result).toMatchObject({ status: 'error', code: 'invalid_input' });
    expect(result.status === 'error' && result.message).toMatch(message);
  });

  it('refuses a caller HubSpot did not name', async () => {
    expect(await card({}, { operation: 'load', dealId: dealIds[0]! })).toMatchObject({
      status: 'error',
      code: 'forbidden',
    });
  });

  it('says which setting is missing, and never its value', async () => {
    const result = await createHandoffCardFunction({ env: { ...env, BATON_TEAM: '{"csms":[]}' } })({
      ...aeUser,
      parameters: { operation: 'load', dealId: dealIds[0]! },
    });
    expect(result).toMatchObject({ status: 'error', code: 'not_configured' });
    expect(result.status === 'error' && result.message).toMatch(/BATON_TEAM: csManagers/);
    expect(JSON.stringify(result)).not.toContain(SANDBOX_TOKEN);
  });

  it('answers a workflow request for something else than a deal with a 400', async () => {
    const request = {
      ...actionRequest(dealIds[0]!),
      object: { objectId: 1, objectType: 'CONTACT' },
    };
    const result = await createStartHandoffFunction({ env })({ body: request });
    expect(result).toMatchObject({ statusCode: 400, body: { code: 'invalid_input' } });
    expect(JSON.stringify(result.body)).toContain('object.objectType');
  });
});

describe('the bundled app functions', () => {
  let dir: string;

  beforeAll(async () => {
    // Outside the repository: no node_modules above it, so a missing dependency would fail.
    dir = await mkdtemp(join(tmpdir(), 'baton-functions-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Requires the bundle in a fresh Node process, as HubSpot would, and runs its `main`. */
  async function runBundle(file: string, context: unknown): Promise<unknown> {
    const script = `require(${JSON.stringify(file)}).main(${JSON.stringify(context)}).then((r) => process.stdout.write(JSON.stringify(r)))`;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', script], {
        cwd: dir,
        env: { PATH: '', ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`exit ${code}: ${stderr}`)),
      );
    });
  }

  it('load without node_modules and run main against the sandbox', async () => {
    const [cardBundle, startBundle] = await Promise.all([
      bundleAppFunction('handoff-card'),
      bundleAppFunction('start-handoff'),
    ]);
    const cardFile = join(dir, 'handoff-card.js');
    const startFile = join(dir, 'start-handoff.js');
    await writeFile(cardFile, cardBundle.content);
    await writeFile(startFile, startBundle.content);

    const context = await target.adapter.loadDealContext(dealIds[0]!);
    expect(
      await runBundle(cardFile, {
        ...userOf(context.deal.ownerId!),
        parameters: { operation: 'load', dealId: dealIds[0] },
      }),
    ).toMatchObject({
      status: 'ok',
      result: { dealId: dealIds[0], handoff: { state: 'accepted' } },
    });
    expect(await runBundle(startFile, { body: actionRequest(dealIds[1]!) })).toMatchObject({
      statusCode: 200,
      body: { outputFields: { outcome: 'already_started' } },
    });
  }, 60_000);
});
