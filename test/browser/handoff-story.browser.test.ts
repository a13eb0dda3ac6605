// The whole handoff story in the local preview, in a real browser: the AE closes a deal on the
// board, the card shows the handoff with its tasks and scores, the AE fills in what is missing
// until completeness reaches 100 and submits; a CSM returns it with a named gap; the AE fixes
// it and submits again; the CSM accepts, and the customer is CS's. Every step is a screenshot
// in test/browser/screenshots/.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { type RunningPreview, startPreview } from './preview-process';

const SHOTS = join(__dirname, 'screenshots');

/** What an AE would type, by the field's name (`section.field`, the core's item path). */
const ANSWERS: Record<string, string> = {
  'customerContext.companyOverview':
    'Regional pharmaceutical distributor, 1,200 staff across 14 warehouses; growing 30% a year.',
  'customerContext.industry': 'Pharmaceutical distribution',
  'customerContext.businessChallenge':
    'Order errors from manual re-keying between the ERP and the warehouse system cost ~$400k a year.',
  'customerContext.purchaseContext':
    'Replacing a homegrown integration; budget approved in Q3 by the COO.',
  'customerContext.whyNow': 'New FDA traceability rules apply from next July.',
  'objectives.primaryObjective': 'Cut order errors by 80% within two quarters of go-live.',
  'objectives.successCriteria': 'Error rate under 0.5% of orders for 8 consecutive weeks.',
  'objectives.roiExpectation': 'Payback in 9 months from fewer returns and write-offs.',
  'technical.environment': 'SAP S/4HANA on premises, Manhattan WMS, Azure AD.',
  'technical.integrations': 'SAP (orders, stock), Manhattan WMS, Salesforce Service Cloud.',
  'technical.securityCompliance': 'SSO through Azure AD; SOC 2 report shared; DPA signed.',
  'implementation.startDate': '2026-12-07',
  'implementation.goLiveDate': '2027-02-15',
  'implementation.customerResources': 'Dana Ortiz (IT lead, 50%), two warehouse super-users.',
  'commercial.contractValue': '42000',
  'commercial.paymentTerms': 'Annual in advance, net 30.',
  'risks.objections': 'Worried about the SAP upgrade freeze in January.',
  'risks.remainingConcerns': 'Warehouse staff adoption on night shifts.',
};

let preview: RunningPreview;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let finished = false;
let step = 0;

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

async function shot(name: string, focus?: Locator): Promise<void> {
  await settled();
  if (focus) await focus.scrollIntoViewIfNeeded();
  else await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SHOTS, `${String(++step).padStart(2, '0')}-${name}.png`) });
}

const card = () => page.getByTestId('handoff-card-frame');
/** No card call on its way (the preview counts them in its top bar). */
const settled = () =>
  until(
    'the card calls to finish',
    async () => (await page.getByTestId('baton-calls').getAttribute('data-pending')) === '0',
  );

/** Clicks a card button and waits until the backend has answered and the card re-rendered. */
async function press(button: Locator): Promise<void> {
  await button.click();
  await settled();
}
const stateTag = () => card().locator('.bt-status').first();
const completeness = async () =>
  Number(
    await card().getByRole('progressbar', { name: 'Completeness' }).getAttribute('aria-valuenow'),
  );

async function actAs(role: 'AE' | 'CSM' | 'CS manager' | 'CS ops') {
  await page.getByRole('radio', { name: role, exact: true }).check({ force: true });
}

async function waitForState(label: string) {
  await until(
    `the handoff to be "${label}"`,
    async () => (await stateTag().textContent()) === label,
  );
}

/** Fills every field the card marks required and empty, then saves the section. */
async function fillSection(testId: string, save: string) {
  const section = card().getByTestId(testId);
  const fields = section.locator('textarea[aria-required="true"], input[aria-required="true"]');
  for (const field of await fields.all()) {
    if ((await field.inputValue()) !== '') continue;
    const name = (await field.getAttribute('name')) ?? '';
    await field.fill(ANSWERS[name] ?? `Confirmed with the customer (${name}).`);
  }
  for (const select of await section.locator('select[aria-required="true"]').all()) {
    await select.selectOption({ label: 'Medium' });
  }
  const button = section.getByRole('button', { name: save });
  if (await button.isDisabled()) return; // nothing was missing here
  await press(button);
  expect(await button.isDisabled()).toBe(true);
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  preview = await startPreview();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') pageErrors.push(message.text());
  });
});

afterEach(async () => {
  // What the page showed when a step failed (a passing run ends on its last step's shot).
  if (pageErrors.length > 0) console.error(`the page said:\n${pageErrors.join('\n')}`);
  if (page && !finished) {
    await page.evaluate('window.scrollTo(0, 0)').catch(() => undefined);
    await page.screenshot({ path: join(SHOTS, 'last-page.png') }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

it('lets CS ops change the settings page, and a CSM only read it', async () => {
  finished = false;
  await page.goto(`${new URL(preview.url).origin}/preview/settings`);
  await actAs('CSM');
  const frame = page.getByTestId('settings-frame');
  const minimum = frame.getByLabel('Minimum completeness to submit (%)').first();
  await until('the settings page', () => minimum.isVisible());
  expect(await minimum.getAttribute('readonly')).not.toBeNull();

  await actAs('CS ops');
  await until(
    'the editable settings',
    async () => (await minimum.getAttribute('readonly')) === null,
  );
  await minimum.fill('85');
  await minimum.blur();
  const save = frame.getByRole('button', { name: 'Save settings' });
  await press(save);
  await until('the saved note', async () =>
    ((await frame.textContent()) ?? '').includes('Settings saved'),
  );
  await shot('settings-saved-by-cs-ops', frame);
  // Back to the defaults, so the story below runs on them.
  await minimum.fill('80');
  await minimum.blur();
  await press(save);
  await until('the settings saved again', async () =>
    ((await frame.textContent()) ?? '').includes('Version 2'),
  );
  expect(pageErrors).toEqual([]);
  finished = true;
});

it('runs the handoff from closed-won to CS ownership in the preview', async () => {
  finished = false;
  // The board: pick an open deal in the last stage before the deal is won.
  await page.goto(preview.url);
  const board = (await (
    await page.request.get(`${new URL(preview.url).origin}/preview/api/board`)
  ).json()) as {
    pipelines: {
      id: string;
      stages: { id: string; label: string; isWon: boolean; isClosed: boolean }[];
    }[];
    deals: { id: string; properties: Record<string, string | null> }[];
  };
  const pipeline = board.pipelines[0]!;
  const won = pipeline.stages.find((stage) => stage.isWon)!;
  const open = pipeline.stages.filter((stage) => !stage.isClosed);
  const lastOpen = open[open.length - 1]!;
  const deal = board.deals.find(
    (d) => d.properties.pipeline === pipeline.id && d.properties.dealstage === lastOpen.id,
  )!;
  const dealName = deal.properties.dealname!;
  const dealCard = page.getByTestId(`deal-${deal.id}`);
  await dealCard.waitFor();
  await shot('board');

  // 1. The AE moves it to closed-won; the sandbox's webhook starts the handoff.
  await dealCard.getByLabel(`Move ${dealName} to`).selectOption({ label: won.label });
  await until(
    'the deal to land in Closed won',
    async () =>
      (await page.getByTestId(`stage-${won.id}`).getByTestId(`deal-${deal.id}`).count()) === 1,
  );
  await shot('closed-won-on-the-board', page.getByTestId(`stage-${won.id}`));
  await page.getByTestId(`deal-${deal.id}`).getByRole('button', { name: dealName }).click();

  // 2. The card shows the handoff, its tasks on the deal, its scores.
  await until('the handoff card', () => card().getByTestId('ownership').isVisible(), 60_000);
  await waitForState('Draft');
  await until('the five tasks', async () =>
    ((await page.getByTestId('deal-tasks').textContent()) ?? '').includes('Tasks (5)'),
  );
  expect(await card().getByTestId('ownership').textContent()).toContain('AE owns the customer');
  expect(await completeness()).toBeLessThan(80);
  expect(await card().getByTestId('action:submit').isDisabled()).toBe(true);
  expect(await card().getByTestId('quality-total').isVisible()).toBe(true);
  await shot('handoff-started');

  // 3. The AE fills in the missing items: completeness rises to 100.
  const before = await completeness();
  await fillSection('customer-context', 'Save customer context');
  expect(await completeness()).toBeGreaterThan(before);

  const stakeholders = card().getByTestId('stakeholder-map');
  const gaps = stakeholders.getByTestId('stakeholder-gaps');
  const roleLabels: Record<string, string> = {
    'executive sponsor': 'Executive sponsor',
    champion: 'Champion',
    'economic buyer': 'Economic buyer',
    'technical lead': 'Technical lead',
  };
  if (await gaps.isVisible()) {
    const text = ((await gaps.textContent()) ?? '').toLowerCase();
    let n = 0;
    for (const [key, label] of Object.entries(roleLabels)) {
      if (!text.includes(`no ${key}`)) continue;
      await stakeholders.getByRole('button', { name: 'Add a stakeholder' }).click();
      await stakeholders.getByLabel('Role').last().selectOption({ label });
      await stakeholders
        .getByLabel('Name')
        .last()
        .fill(['Dana Ortiz', 'Sam Patel', 'Lee Novak', 'Ravi Shah'][n]!);
      await stakeholders.getByLabel('Title').last().fill(`${label}, operations`);
      n++;
    }
    await press(stakeholders.getByRole('button', { name: 'Save stakeholder map' }));
  }

  await fillSection('objectives', 'Save objectives');

  const commitments = card().getByTestId('commitment-log');
  if (await commitments.getByTestId('commitment-gaps').isVisible()) {
    await commitments.getByRole('button', { name: 'Add a commitment' }).click();
    await commitments
      .getByLabel('Description')
      .last()
      .fill('SAP order sync live before the January freeze');
    await commitments.getByLabel('Owner').last().fill('Priya (AE) with Dana Ortiz');
    await commitments.getByLabel('Due date').last().fill('2027-01-08');
    await press(commitments.getByRole('button', { name: 'Save commitment log' }));
  }

  await fillSection('technical', 'Save technical details');
  await fillSection('implementation', 'Save implementation plan');
  await fillSection('commercial', 'Save commercial terms');
  await fillSection('risks', 'Save risk register');

  await until('completeness 100', async () => (await completeness()) === 100);
  await shot('complete', card().getByRole('progressbar', { name: 'Completeness' }));

  // 4. The AE submits.
  await press(card().getByTestId('action:submit'));
  await waitForState('Submitted to the receiver');
  await shot('submitted');

  // 5. A CSM returns it with a named gap.
  await actAs('CSM');
  await until('the CSM view', () => card().getByTestId('action:return:needs_revision').isVisible());
  expect(await card().getByTestId('ownership').textContent()).toContain('AE owns the customer');
  await card().getByTestId('action:return:needs_revision').click();
  const gap = "Confirm the SSO go-live date with the customer's IT lead";
  await card().getByLabel('Other gaps (one a line)').fill(gap);
  await shot('returning-with-a-gap', card().getByTestId('return-form'));
  await press(card().getByRole('button', { name: 'Ask for revision' }));
  await waitForState('Returned: needs revision');
  await shot('returned');

  // 6. The AE sees the gap, fixes it, submits again.
  await actAs('AE');
  await until('the returned gaps', async () =>
    ((await card().getByTestId('returned-gaps').textContent()) ?? '').includes(gap),
  );
  await shot('ae-sees-the-gap', card().getByTestId('returned-gaps'));
  const technical = card().getByTestId('technical');
  const security = technical.getByLabel('Security and compliance');
  await security.fill(
    `${await security.inputValue()} SSO go-live confirmed for 2027-02-01 with Dana Ortiz (IT lead).`,
  );
  const saveTechnical = technical.getByRole('button', { name: 'Save technical details' });
  await press(saveTechnical);
  expect(await saveTechnical.isDisabled()).toBe(true);
  await press(card().getByTestId('action:submit'));
  await waitForState('Submitted to the receiver');
  await shot('fixed-and-resubmitted');

  // 7. The CSM accepts: the customer is CS's now.
  await actAs('CSM');
  await until('the accept button', () => card().getByTestId('action:accept').isVisible());
  await press(card().getByTestId('action:accept'));
  await waitForState('Accepted');
  await until('ownership to move to CS', async () =>
    ((await card().getByTestId('ownership').textContent()) ?? '').includes('CS'),
  );
  expect(await card().getByTestId('ownership').textContent()).not.toContain('AE owns');
  await until('the deal to say CS owns the customer', async () =>
    ((await page.getByTestId('baton-properties').textContent()) ?? '').includes('Customer Success'),
  );
  await shot('accepted-cs-owns-the-customer');

  expect(pageErrors).toEqual([]);
  finished = true;
});
