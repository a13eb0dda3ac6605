// The private install's cards, rendered with HubSpot's test renderer: the entries the generator
// bundles for a portal without Baton's backend, whose `hubspot.serverless` (spied) is answered by
// the real card app function over the sandbox CRM, as HubSpot would run it for the person at the
// card. The AE loads a handoff and saves an edit, a save that lost to someone else's still asks
// for a reload, the AE of an open deal requests the pre-close handoff, and the sidebar shows the
// handoff from the same function.
import {
  Alert,
  Button,
  EmptyState,
  LoadingSpinner,
  ProgressBar,
  StatusTag,
  TextArea,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { PrivateHandoffCardEntry } from '../../extensions/handoff-card/private-entry';
import { PrivateHandoffSidebarEntry } from '../../extensions/handoff-sidebar/private-entry';
import { seedTeamDirectory } from '../../src/cli/commands/start.command';
import { APP_FUNCTION_UIDS } from '../../src/functions/app-functions/app-function-meta';
import {
  type CardFunctionResult,
  createHandoffCardFunction,
} from '../../src/functions/app-functions/handoff-card.app-function';
import { createStartHandoffFunction } from '../../src/functions/app-functions/start-handoff.app-function';
import { SANDBOX_TOKEN, SEED_OWNERS } from '../../src/sandbox';
import { type ContractTarget, sandboxTarget } from '../contract/contract-targets';
import { NOW } from '../contract/handoff-writes';
import { addClosedWonDeals } from '../contract/sandbox-deals';
import { typeInto } from './helpers/trigger';

/** The function talks to the sandbox over HTTP: give the card's waits room, not a deadline. */
const WAIT = { timeoutInMs: 15_000 };

let target: ContractTarget;
let env: Record<string, string>;
let startedDealId: string;
let openDealId: string;
/** What the card sent to the function, in order: its operation and parameters. */
let calls: Record<string, unknown>[];

/** The HubSpot user who owns a deal, as HubSpot's context names them. */
async function ownerOf(dealId: string) {
  const { deal } = await target.adapter.loadDealContext(dealId);
  const owner = SEED_OWNERS.find((o) => o.id === deal.ownerId);
  if (!owner) throw new Error(`deal ${dealId} has no seed owner`);
  return { userId: owner.userId, userEmail: owner.email };
}

/** Moves a deal back to an open stage of its pipeline: a deal before its close. */
function reopen(dealId: string): void {
  const { store } = target.sandbox!.instance;
  const deals = store.type('0-3');
  const deal = store.records.get(deals, dealId)!;
  const pipeline = store.pipelines.find((p) => p.id === deal.properties.pipeline)!;
  const open = pipeline.stages.filter((stage) => stage.metadata.isClosed !== 'true');
  store.records.update(deals, deal, { dealstage: open.at(-1)!.id });
}

/**
 * `hubspot.serverless` as HubSpot runs it for the person at the card: the parameters travel as
 * JSON, and the caller's identity comes from HubSpot, not from the card.
 */
function serveAs(caller: Awaited<ReturnType<typeof ownerOf>>) {
  const cardFunction = createHandoffCardFunction({ env, now: () => NOW });
  calls = [];
  jest.spyOn(hubspot, 'serverless').mockImplementation(async (name, options) => {
    if (name !== APP_FUNCTION_UIDS.handoffCard) throw new Error(`no function ${name}`);
    const parameters = JSON.parse(JSON.stringify(options?.parameters)) as Record<string, unknown>;
    calls.push(parameters);
    return cardFunction({ ...caller, parameters });
  });
}

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
  const stages = await target.adapter.closedWonStages();
  const wonStages = new Set(Object.values(stages.byPipeline).flat());
  [startedDealId, openDealId] = addClosedWonDeals(target.sandbox!.instance, 2, wonStages) as [
    string,
    string,
  ];
  reopen(openDealId);
  env = {
    PRIVATE_APP_ACCESS_TOKEN: SANDBOX_TOKEN,
    BATON_TEAM: JSON.stringify(seedTeamDirectory()),
    HUBSPOT_BASE_URL: target.sandbox!.url,
    HUBSPOT_RATE_LIMIT_PER_10S: '10000',
  };
  const started = await createStartHandoffFunction({ env, now: () => NOW })({
    body: {
      callbackId: 'cb-private-card',
      origin: { portalId: 1, actionDefinitionId: 7 },
      object: { objectId: Number(startedDealId), objectType: 'DEAL' },
      inputFields: {},
    },
  });
  expect(started).toMatchObject({
    statusCode: 200,
    body: { outputFields: { outcome: 'started' } },
  });
}, 60_000);

afterAll(async () => {
  await target.close();
});

afterEach(() => jest.restoreAllMocks());

async function renderCard(dealId: string) {
  serveAs(await ownerOf(dealId));
  const card = createRenderer('crm.record.tab');
  card.render(<PrivateHandoffCardEntry dealId={dealId} copy={async () => undefined} />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull(), WAIT);
  return card;
}

type Rendered = Awaited<ReturnType<typeof renderCard>>;

const whyNow = (card: Rendered) => card.find(TextArea, { name: 'customerContext.whyNow' });
const saveButton = (card: Rendered) => card.findByTestId(Button, 'save-customer-context');
const CONFLICT = 'Someone else saved this handoff';

/** The card function's answer, or a failed test. */
function ok(answer: CardFunctionResult) {
  if (answer.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(answer)}`);
  return answer.result as { handoff: { version: number } };
}

describe('the private handoff card', () => {
  it('loads the handoff from the card function and saves an edit through it', async () => {
    const card = await renderCard(startedDealId);
    expect(card.find(StatusTag, { variant: 'info' }).text).toBe('Draft');
    expect(calls).toEqual([{ operation: 'load', dealId: startedDealId }]);
    const before = card.find(ProgressBar).props.value!;
    const version = (await target.adapter.loadDealContext(startedDealId)).handoff!.version;

    typeInto(whyNow(card), 'Peak season starts in March');
    saveButton(card).trigger('onClick');
    await card.waitFor(
      () => expect(card.find(ProgressBar).props.value).toBeGreaterThan(before),
      WAIT,
    );

    expect(calls.at(-1)).toMatchObject({
      operation: 'save',
      dealId: startedDealId,
      baseVersion: version,
      sections: { customerContext: { whyNow: 'Peak season starts in March' } },
    });
    const saved = await target.adapter.loadDealContext(startedDealId);
    expect(saved.handoff!.version).toBe(version + 1);
    expect(saved.handoff!.document.customerContext?.whyNow).toBe('Peak season starts in March');
    expect(saveButton(card).props.disabled).toBe(true);
  });

  it('keeps the edit and asks for a reload when someone else saved first', async () => {
    const card = await renderCard(startedDealId);
    typeInto(whyNow(card), 'The contract renews in June');
    // Someone else saves the handoff through the same function: the card's version is stale.
    const elsewhere = createHandoffCardFunction({ env, now: () => NOW });
    const caller = await ownerOf(startedDealId);
    const current = ok(
      await elsewhere({ ...caller, parameters: { operation: 'load', dealId: startedDealId } }),
    );
    ok(
      await elsewhere({
        ...caller,
        parameters: {
          operation: 'save',
          dealId: startedDealId,
          baseVersion: current.handoff.version,
          sections: { risks: { churnRisk: 'high' } },
        },
      }),
    );

    saveButton(card).trigger('onClick');
    await card.waitFor(
      () => expect(card.maybeFind(Alert, { title: CONFLICT })).not.toBeNull(),
      WAIT,
    );
    expect(whyNow(card).props.value).toBe('The contract renews in June');
    const stored = await target.adapter.loadDealContext(startedDealId);
    expect(stored.handoff!.version).toBe(current.handoff.version + 1);
    expect(stored.handoff!.document.customerContext?.whyNow).toBe('Peak season starts in March');
  });

  it('sends the pre-close request of the AE of an open deal to the card function', async () => {
    const card = await renderCard(openDealId);
    expect(card.find(EmptyState).props.title).toBe('No handoff yet');

    card.findByTestId(Button, 'request-pre-close').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(EmptyState)).toBeNull(), WAIT);

    expect(calls).toEqual([
      { operation: 'load', dealId: openDealId },
      { operation: 'pre-close', dealId: openDealId },
    ]);
    expect(card.findByTestId(Alert, 'pre-close-awaiting').props.title).toBe(
      'Awaiting CS manager approval',
    );
    expect(card.findByTestId(StatusTag, 'pending-contract').text).toBe('Pending contract');
    const stored = await target.adapter.loadDealContext(openDealId);
    expect(stored.handoff?.document.handoffType).toBe('pre_close');
    expect(Object.keys(stored.handoff!.links.tasks)).toEqual([
      `${openDealId}:pre_close:approve_pre_close`,
    ]);
  });
});

describe('the private sidebar card', () => {
  it('shows the handoff at a glance from the same card function', async () => {
    serveAs(await ownerOf(startedDealId));
    const sidebar = createRenderer('crm.record.sidebar');
    sidebar.render(<PrivateHandoffSidebarEntry dealId={startedDealId} />);
    await sidebar.waitFor(() => expect(sidebar.maybeFind(LoadingSpinner)).toBeNull(), WAIT);

    expect(calls).toEqual([{ operation: 'load', dealId: startedDealId }]);
    expect(sidebar.find(StatusTag, { variant: 'info' }).text).toBe('Draft');
    expect(sidebar.maybeFind(ProgressBar)).not.toBeNull();
  });
});
