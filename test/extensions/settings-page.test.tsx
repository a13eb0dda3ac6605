// The app's settings page, rendered with HubSpot's test renderer against the real settings API
// functions (hubspot.fetch spied, the portal's settings kept in memory): its states, the checks
// as the user types, a save, a conflict, and the read-only page for anyone but CS ops.
import {
  Alert,
  Button,
  ErrorState,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  Select,
  Text,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DEFAULT_POLICY } from '../../src/core';
import type { CrmPerson } from '../../src/crm/crm-adapter';
import type { CardUser } from '../../src/functions/card-api';
import { CardError } from '../../src/functions/card-errors';
import {
  type CurrentSettings,
  type SaveRequest,
  SettingsInvalidError,
  loadSettings,
  saveSettings,
} from '../../src/functions/settings-api';
import { type PortalSettings, joinSettings } from '../../src/functions/settings-rules';
import { SettingsPageEntry } from '../../extensions/settings';
import { choose, chooseMany } from './helpers/trigger';

const BASE_URL = 'https://baton.example.com';
const NOW = '2026-11-23T12:00:00.000Z';

const person = (id: string, name: string, teamId = 't-cs'): CrmPerson => ({
  id,
  userId: id,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@vendor.example`,
  teams: [{ id: teamId, name: teamId === 't-cs' ? 'Customer Success' : 'Sales', primary: true }],
});

const PEOPLE = [
  person('11', 'Alex Kim'),
  person('21', 'Tomas Herrera'),
  person('22', 'Aisha Bello'),
  person('31', 'Rachel Adeyemi'),
  person('41', 'Jordan Blake', 't-sales'),
  person('51', 'Dana Lowe', 't-sales'),
];
const CS_OPS: CardUser = { id: '31', role: 'cs_ops' };
const AE: CardUser = { id: '41', role: 'ae' };
const DEFAULTS = joinSettings(DEFAULT_POLICY, {
  csManagers: ['11'],
  csms: ['21', '22'],
  csOps: ['31'],
  salesManagers: [],
});

/** The backend for the page: the real settings functions over one portal's stored settings. */
class FakeSettingsBackend {
  user: CardUser = CS_OPS;
  stored: CurrentSettings | null = null;
  readonly requests: { method: string; body: unknown }[] = [];
  unreachable = false;

  current(): CurrentSettings {
    return (
      this.stored ?? {
        settings: DEFAULTS,
        version: 0,
        updatedBy: null,
        updatedAt: null,
        problem: null,
      }
    );
  }

  /** Someone else saves the settings: the page's version is now stale. */
  saveElsewhere(edit: (settings: PortalSettings) => void): void {
    const settings = JSON.parse(JSON.stringify(this.current().settings)) as PortalSettings;
    edit(settings);
    this.stored = {
      ...this.current(),
      settings,
      version: this.current().version + 1,
      updatedBy: '11',
      updatedAt: NOW,
    };
  }

  readonly crm = { listPeople: async () => PEOPLE };

  readonly save = async (request: SaveRequest) => {
    const current = this.current();
    if (JSON.stringify(request.settings) === JSON.stringify(current.settings) && this.stored) {
      return { outcome: 'unchanged' as const, current };
    }
    if (request.baseVersion !== current.version) {
      return { outcome: 'conflict' as const, version: current.version };
    }
    this.stored = {
      settings: request.settings,
      version: current.version + 1,
      updatedBy: request.updatedBy,
      updatedAt: NOW,
      problem: null,
    };
    return { outcome: 'saved' as const, current: this.stored };
  };

  readonly fetch = async (
    url: string | URL,
    options: { method?: string; body?: Record<string, unknown> } = {},
  ): Promise<Response> => {
    const method = options.method ?? 'GET';
    this.requests.push({ method, body: options.body });
    if (this.unreachable) throw new TypeError('fetch failed');
    if (String(url) !== `${BASE_URL}/api/settings`) throw new Error(`no route for ${String(url)}`);
    try {
      if (method === 'GET') return json(200, await loadSettings(this.user, this.current(), this));
      return json(200, await saveSettings(this.user, options.body, this));
    } catch (error) {
      if (error instanceof CardError)
        return json(error.status, { status: 'error', code: error.code, message: error.message });
      if (error instanceof SettingsInvalidError)
        return json(400, {
          status: 'error',
          code: 'invalid_input',
          message: error.message,
          errors: error.errors,
        });
      throw error;
    }
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

afterEach(() => jest.restoreAllMocks());

async function renderPage(backend: FakeSettingsBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const page = createRenderer('settings');
  page.render(<SettingsPageEntry baseUrl={BASE_URL} />);
  return page;
}

type Page = Awaited<ReturnType<typeof renderPage>>;

async function loaded(page: Page): Promise<void> {
  await page.waitFor(() => expect(page.maybeFind(LoadingSpinner)).toBeNull());
}

const minimum = (page: Page, type = 'sales_to_cs') =>
  page.find(NumberInput, { name: `templates.${type}.minimumCompleteness` });

function typeNumber(page: Page, name: string, value: number): void {
  page.find(NumberInput, { name }).trigger('onChange', value as unknown as (value: number) => void);
}

const saveButton = (page: Page) => page.findByTestId(Button, 'save-settings');
const puts = (backend: FakeSettingsBackend) =>
  backend.requests.filter((r) => r.method === 'PUT').map((r) => r.body);

describe('the settings page', () => {
  it('shows a spinner, then each template, the clocks and the team as saved', async () => {
    const page = await renderPage(new FakeSettingsBackend());
    expect(page.find(LoadingSpinner).props.label).toBe('Loading the settings');
    await loaded(page);
    expect(hubspot.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/api/settings`,
      expect.objectContaining({ method: 'GET' }),
    );
    expect(page.findByTestId(Text, 'version').text).toBe(
      "Baton's defaults: nothing has been saved for this account yet.",
    );
    for (const type of Object.keys(DEFAULT_POLICY.templates)) {
      expect(minimum(page, type).props.value).toBe(80);
    }
    expect(
      page.find(MultiSelect, { name: 'templates.sales_to_cs.requiredItems' }).props.value,
    ).toEqual(DEFAULT_POLICY.templates.sales_to_cs.requiredItems);
    expect(
      page.find(NumberInput, { name: 'templates.sales_to_cs.sla.cs_prep.hours' }).props.label,
    ).toBe('CS internal prep (success plan ready) (hours)');
    expect(page.find(MultiSelect, { name: 'team.csms' }).props.value).toEqual(['21', '22']);
    expect(page.findByTestId(Text, 'changes').text).toBe('No unsaved changes');
    expect(saveButton(page).props.disabled).toBe(true);
  });

  it('says what is wrong as it is typed, with the core schema’s words, and will not save it', async () => {
    const page = await renderPage(new FakeSettingsBackend());
    await loaded(page);
    typeNumber(page, 'templates.sales_to_cs.minimumCompleteness', 120);
    expect(minimum(page).props.validationMessage).toBe('Expected 0 to 100.');
    expect(minimum(page).props.error).toBe(true);
    // A check across fields: one person, two roles.
    chooseMany(page.find(MultiSelect, { name: 'team.csOps' }), ['31', '21']);
    expect(page.find(MultiSelect, { name: 'team.csOps' }).props.validationMessage).toBe(
      'Tomas Herrera: already a CSM: a person has one role in Baton.',
    );
    const problems = page.findByTestId(Text, 'changes').text;
    expect(problems).toBe('2 unsaved changes');
    expect(page.getRootNode().toString()).toContain('Fix 2 problems before saving:');
    expect(page.getRootNode().toString()).toContain(
      'Sales to CS (post-close): Minimum completeness to submit (%): expected 0 to 100',
    );
    expect(saveButton(page).props.disabled).toBe(true);
  });

  it('counts SLA windows in business days when the policy does', async () => {
    const page = await renderPage(new FakeSettingsBackend());
    await loaded(page);
    choose(page.find(Select, { name: 'timeBasis' }), 'business_days');
    const window = () =>
      page.find(NumberInput, { name: 'templates.sales_to_cs.sla.handoff_meeting.hours' });
    expect(window().props.value).toBe(2);
    expect(window().props.label).toBe('Internal handoff meeting (business days)');
    typeNumber(page, 'templates.sales_to_cs.sla.handoff_meeting.hours', 3);
    expect(window().props.value).toBe(3);
    expect(saveButton(page).props.disabled).toBe(false);
  });

  it('saves the changed settings from the version it loaded, and says so', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    typeNumber(page, 'templates.sales_to_cs.minimumCompleteness', 90);
    expect(page.findByTestId(Text, 'changes').text).toBe('1 unsaved change');
    saveButton(page).trigger('onClick');
    await page.waitFor(() =>
      expect(page.find(Alert, { title: 'Settings saved' }).toString()).toContain('Version 1'),
    );
    expect(puts(backend)).toEqual([
      {
        baseVersion: 0,
        settings: expect.objectContaining({
          templates: expect.objectContaining({
            sales_to_cs: expect.objectContaining({ minimumCompleteness: 90 }),
          }),
        }),
      },
    ]);
    expect(backend.stored?.settings.templates.sales_to_cs.minimumCompleteness).toBe(90);
    expect(minimum(page).props.value).toBe(90);
    expect(page.findByTestId(Text, 'changes').text).toBe('No unsaved changes');
    expect(page.findByTestId(Text, 'version').text).toBe(
      'Version 1, saved by Rachel Adeyemi on 2026-11-23 12:00 UTC.',
    );
  });

  it('keeps the edit on a conflict and asks for a reload, which brings the other save in', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    backend.saveElsewhere((s) => {
      s.templates.poc_to_paid.minimumCompleteness = 85;
    });
    typeNumber(page, 'templates.sales_to_cs.minimumCompleteness', 90);
    saveButton(page).trigger('onClick');
    await page.waitFor(() =>
      expect(page.maybeFind(Alert, { title: 'Someone else saved the settings' })).not.toBeNull(),
    );
    expect(page.find(Alert, { title: 'Someone else saved the settings' }).toString()).toContain(
      'reload to see their changes',
    );
    expect(minimum(page).props.value).toBe(90);
    expect(saveButton(page).props.disabled).toBe(true);
    expect(backend.stored?.settings.templates.sales_to_cs.minimumCompleteness).toBe(80);

    page.findByTestId(Button, 'reload').trigger('onClick');
    await loaded(page);
    expect(page.maybeFind(Alert, { title: 'Someone else saved the settings' })).toBeNull();
    expect(minimum(page, 'poc_to_paid').props.value).toBe(85);
    expect(minimum(page).props.value).toBe(80);
  });

  it('shows an AE the settings read only, with no way to save', async () => {
    const backend = new FakeSettingsBackend();
    backend.user = AE;
    const page = await renderPage(backend);
    await loaded(page);
    expect(page.find(Alert, { title: 'Read only' }).toString()).toContain(
      'Only CS ops or a CS manager',
    );
    expect(minimum(page).props.readOnly).toBe(true);
    expect(page.find(MultiSelect, { name: 'team.csManagers' }).props.readOnly).toBe(true);
    expect(page.maybeFindByTestId(Button, 'save-settings')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'add-sales-manager')).toBeNull();
    typeNumber(page, 'templates.sales_to_cs.minimumCompleteness', 90);
    expect(minimum(page).props.value).toBe(80);
  });

  it('says why a save was refused when the user may no longer save', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    typeNumber(page, 'templates.sales_to_cs.minimumCompleteness', 90);
    backend.user = AE;
    saveButton(page).trigger('onClick');
    await page.waitFor(() =>
      expect(page.maybeFind(Alert, { title: 'The settings were not saved' })).not.toBeNull(),
    );
    expect(page.find(Alert, { title: 'The settings were not saved' }).toString()).toContain(
      'Only CS ops or a CS manager',
    );
    expect(minimum(page).props.value).toBe(90);
    expect(backend.stored).toBeNull();
  });

  it('adds a sales manager as an escalation target, asking whom they lead', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    page.findByTestId(Button, 'add-sales-manager').trigger('onClick');
    choose(page.find(Select, { name: 'team.salesManagers[0].managerId' }), '51');
    const members = () => page.find(MultiSelect, { name: 'team.salesManagers[0].memberIds' });
    expect(members().props.validationMessage).toBe(
      'Name the AEs or teams this manager leads: escalations on their deals go here.',
    );
    chooseMany(page.find(MultiSelect, { name: 'team.salesManagers[0].teamIds' }), ['t-sales']);
    expect(members().props.validationMessage).toBeUndefined();
    saveButton(page).trigger('onClick');
    await page.waitFor(() =>
      expect(page.maybeFind(Alert, { title: 'Settings saved' })).not.toBeNull(),
    );
    expect(backend.stored?.settings.team.salesManagers).toEqual([
      { managerId: '51', memberIds: [], teamIds: ['t-sales'] },
    ]);
  });

  it('says when the backend cannot be reached, and loads again on retry', async () => {
    const backend = new FakeSettingsBackend();
    backend.unreachable = true;
    const page = await renderPage(backend);
    await loaded(page);
    expect(page.find(ErrorState).props.title).toBe('The settings could not be loaded');
    backend.unreachable = false;
    page.findByTestId(Button, 'retry').trigger('onClick');
    await loaded(page);
    expect(minimum(page).props.value).toBe(80);
  });
});
