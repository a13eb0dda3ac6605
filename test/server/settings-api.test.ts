// The settings API through real HTTP, as the settings page's `hubspot.fetch` calls it: signed,
// with the user in the signed query; and the portal's saved settings in force for what follows
// (the card, a closed-won start, the team that receives it).
import { SEED_OWNERS, type SeedOwner } from '../../src/sandbox';
import { DEFAULT_POLICY } from '../../src/core';
import type { SettingsView } from '../../src/functions/settings-api';
import type { PortalSettings } from '../../src/functions/settings-rules';
import { type Harness, asUser, directory, ownerOf, startHarness } from './helpers/backend-harness';

let harness: Harness;
const person = (role: SeedOwner['role'], index = 0) =>
  SEED_OWNERS.filter((owner) => owner.role === role)[index]!;
const csOps = person('cs_ops');
const csManager = person('cs_manager');
const ae = person('ae');

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

const settingsPath = (who: SeedOwner) => `/api/settings${asUser(harness, who)}`;

async function load(who: SeedOwner): Promise<SettingsView> {
  const response = await harness.request('GET', settingsPath(who));
  expect(response.status).toBe(200);
  return (await response.json()) as SettingsView;
}

function put(who: SeedOwner, baseVersion: number, settings: unknown) {
  return harness.request('PUT', settingsPath(who), { body: { baseVersion, settings } });
}

/** The current settings with `edit` applied to a copy. */
async function edited(edit: (settings: PortalSettings) => void) {
  const view = await load(csOps);
  const settings = structuredClone(view.settings);
  edit(settings);
  return { base: view.version, settings };
}

const stored = () => harness.storage.portalSettings.get(harness.portalId);

interface CardBody {
  handoff: { minimumCompleteness: number; actions: { action: string; reason?: string }[] };
}

async function startOnNewDeal(): Promise<{ dealId: string; card: CardBody }> {
  const [dealId] = (await harness.closedWonDeals(1)) as [string];
  const owner = ownerOf(harness, dealId);
  const response = await harness.request(
    'POST',
    `/api/deals/${dealId}/handoff/start${asUser(harness, owner)}`,
  );
  expect(response.status).toBe(201);
  return { dealId, card: ((await response.json()) as { card: CardBody }).card };
}

describe('the settings API', () => {
  it('answers the defaults before anything is saved, with the people and the catalogue', async () => {
    const view = await load(csOps);
    expect(view).toMatchObject({
      version: 0,
      updatedBy: null,
      canEdit: true,
      readOnlyReason: null,
      you: { id: csOps.id, role: 'cs_ops' },
    });
    const { team, ...policy } = view.settings;
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(team).toEqual(directory);
    expect(view.people.map((p) => p.id).sort()).toEqual(SEED_OWNERS.map((o) => o.id).sort());
    expect(view.catalogue.handoffTypes).toEqual(Object.keys(DEFAULT_POLICY.templates));
    expect(view.catalogue.items).toContainEqual({
      path: 'objectives.roiExpectation',
      label: 'ROI expectation',
      category: 'Objectives',
    });
  });

  it('shows an AE the settings read-only and refuses their save with 403, writing nothing', async () => {
    const view = await load(ae);
    expect(view.canEdit).toBe(false);
    expect(view.readOnlyReason).toContain('Only CS ops or a CS manager');
    const response = await put(ae, view.version, view.settings);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      status: 'error',
      code: 'forbidden',
      message: expect.stringContaining('Only CS ops or a CS manager'),
    });
    expect(await stored()).toBeNull();
  });

  it('refuses invalid settings with 400 naming each field, and writes nothing', async () => {
    const { base, settings } = await edited((s) => {
      s.templates.sales_to_cs.minimumCompleteness = 120;
      s.team.csms.push('404404');
    });
    const response = await put(csOps, base, settings);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string; errors: unknown[] };
    expect(body.code).toBe('invalid_input');
    expect(body.message).toContain('templates.sales_to_cs.minimumCompleteness: expected 0 to 100');
    expect(body.errors).toContainEqual({
      path: 'templates.sales_to_cs.minimumCompleteness',
      message: 'expected 0 to 100',
    });
    expect(await stored()).toBeNull();
  });

  it('refuses settings that contradict themselves, naming what to change', async () => {
    const { base, settings } = await edited((s) => {
      s.meetingReminderHours = 72;
      s.team.csOps.push(s.team.csms[0]!);
    });
    const response = await put(csOps, base, settings);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path).sort()).toEqual(['meetingReminderHours', 'team.csOps[1]']);
    expect(await stored()).toBeNull();
  });

  it("saves CS ops' minimum completeness, and the next start and card load use it", async () => {
    const { base, settings } = await edited((s) => {
      s.templates.sales_to_cs.minimumCompleteness = 90;
    });
    const response = await put(csOps, base, settings);
    expect(response.status).toBe(200);
    const saved = (await response.json()) as SettingsView & { outcome: string };
    expect(saved).toMatchObject({
      outcome: 'saved',
      version: 1,
      updatedBy: { id: csOps.id, name: `${csOps.firstName} ${csOps.lastName}` },
    });
    expect(saved.settings.templates.sales_to_cs.minimumCompleteness).toBe(90);
    expect(await stored()).toMatchObject({ version: 1, updatedBy: csOps.id });

    const { dealId, card } = await startOnNewDeal();
    expect(card.handoff.minimumCompleteness).toBe(90);
    const submit = card.handoff.actions.find((a) => a.action === 'submit');
    expect(submit?.reason).toContain('90%');
    const again = await harness.request(
      'GET',
      `/api/deals/${dealId}/handoff${asUser(harness, ownerOf(harness, dealId))}`,
    );
    expect(((await again.json()) as CardBody).handoff.minimumCompleteness).toBe(90);
  });

  it('answers a save of the settings already stored with 200 and changes nothing', async () => {
    const view = await load(csOps);
    const response = await put(csOps, view.version, view.settings);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'unchanged', version: view.version });
    expect((await stored())?.version).toBe(view.version);
  });

  it('saves one of two saves from the same version and refuses the other with 409', async () => {
    const view = await load(csManager);
    const mine = structuredClone(view.settings);
    mine.templates.poc_to_paid.minimumCompleteness = 85;
    const theirs = structuredClone(view.settings);
    theirs.atRiskRatio = 0.6;
    const [first, second] = await Promise.all([
      put(csManager, view.version, mine),
      put(csOps, view.version, theirs),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect(await refused.json()).toEqual({
      status: 'error',
      code: 'conflict',
      message: expect.stringContaining('someone else saved the settings'),
    });
    expect((await stored())?.version).toBe(view.version + 1);
  });

  it('assigns new handoffs from the saved team', async () => {
    const [only] = directory.csms.slice(-1) as [string];
    const { base, settings } = await edited((s) => {
      s.team.csms = [only];
    });
    expect((await put(csOps, base, settings)).status).toBe(200);
    const { dealId } = await startOnNewDeal();
    const created = (await harness.auditOf(dealId)).find((e) => e.action === 'handoff.created');
    expect(created?.details.receiverId).toBe(only);
  });

  it('runs on the defaults when saved settings no longer pass, says so, and saves over them', async () => {
    const before = await load(csOps);
    const broken = { ...before.settings, atRiskRatio: 3 };
    // Written past the API, as an older Baton with looser rules might have.
    const written = await harness.storage.portalSettings.save({
      portalId: harness.portalId,
      settings: broken,
      baseVersion: before.version,
      updatedBy: csOps.id,
      at: new Date(),
    });
    expect(written.outcome).toBe('saved');
    const view = await load(csOps);
    expect(view.version).toBe(before.version + 1);
    expect(view.settings.atRiskRatio).toBe(DEFAULT_POLICY.atRiskRatio);
    expect(view.settings.team).toEqual(directory);
    expect(view.problem).toContain('atRiskRatio: expected a fraction between 0 and 1');
    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        msg: 'saved settings no longer pass validation; the portal runs on the defaults',
        fields: ['atRiskRatio'],
      }),
    );
    const { card } = await startOnNewDeal();
    expect(card.handoff.minimumCompleteness).toBe(80);

    const fixed = await put(csOps, view.version, view.settings);
    expect(fixed.status).toBe(200);
    expect(await load(csOps)).toMatchObject({ problem: null, version: view.version + 1 });
  });

  it('refuses an unsigned request with 401', async () => {
    const response = await harness.request('GET', settingsPath(csOps), { secret: 'wrong' });
    expect(response.status).toBe(401);
  });
});
