// The settings page for a test: the real settings API functions behind a spied `hubspot.fetch`,
// the portal's settings kept in memory, and the moves a person makes on the page. Tests restore
// the spy with `afterEach(() => jest.restoreAllMocks())`.
import {
  Alert,
  Button,
  DateInput,
  type DateInputProps,
  Flex,
  LoadingSpinner,
  NumberInput,
  Text,
  Toggle,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DEFAULT_POLICY } from '../../../src/core';
import type { CrmPerson } from '../../../src/crm/crm-adapter';
import type { CardUser } from '../../../src/functions/card-api';
import { CardError } from '../../../src/functions/card-errors';
import {
  type CurrentSettings,
  type SaveRequest,
  SettingsInvalidError,
  loadSettings,
  saveSettings,
} from '../../../src/functions/settings-api';
import { type PortalSettings, joinSettings } from '../../../src/functions/settings-rules';
import { SettingsPageEntry } from '../../../extensions/settings';

export const BASE_URL = 'https://baton.example.com';
export const NOW = '2026-11-23T12:00:00.000Z';

const person = (id: string, name: string, teamId = 't-cs'): CrmPerson => ({
  id,
  userId: id,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@vendor.example`,
  teams: [{ id: teamId, name: teamId === 't-cs' ? 'Customer Success' : 'Sales', primary: true }],
});

export const PEOPLE = [
  person('11', 'Alex Kim'),
  person('21', 'Tomas Herrera'),
  person('22', 'Aisha Bello'),
  person('31', 'Rachel Adeyemi'),
  person('41', 'Jordan Blake', 't-sales'),
  person('51', 'Dana Lowe', 't-sales'),
];
export const CS_OPS: CardUser = { id: '31', role: 'cs_ops' };
export const AE: CardUser = { id: '41', role: 'ae' };
export const DEFAULTS = joinSettings(DEFAULT_POLICY, {
  csManagers: ['11'],
  csms: ['21', '22'],
  csOps: ['31'],
  salesManagers: [],
});

/** The backend for the page: the real settings functions over one portal's stored settings. */
export class FakeSettingsBackend {
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

export async function renderPage(backend: FakeSettingsBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const page = createRenderer('settings');
  page.render(<SettingsPageEntry baseUrl={BASE_URL} />);
  return page;
}

export type Page = Awaited<ReturnType<typeof renderPage>>;

export async function loaded(page: Page): Promise<void> {
  await page.waitFor(() => expect(page.maybeFind(LoadingSpinner)).toBeNull());
}

export const minimum = (page: Page, type = 'sales_to_cs') =>
  page.find(NumberInput, { name: `templates.${type}.minimumCompleteness` });

export function typeNumber(page: Page, name: string, value: number): void {
  page.find(NumberInput, { name }).trigger('onChange', value as unknown as (value: number) => void);
}

export const saveButton = (page: Page) => page.findByTestId(Button, 'save-settings');
export const puts = (backend: FakeSettingsBackend) =>
  backend.requests.filter((r) => r.method === 'PUT').map((r) => r.body);

export const CSM: CardUser = { id: '21', role: 'csm' };

/** What the page sent with its first save. */
export function savedSettings(backend: FakeSettingsBackend): PortalSettings {
  const [body] = puts(backend) as { settings: PortalSettings }[];
  if (!body) throw new Error('the page saved nothing');
  return body.settings;
}

/** Saves and waits for the page to say so. */
export async function save(page: Page): Promise<void> {
  saveButton(page).trigger('onClick');
  await page.waitFor(() =>
    expect(page.maybeFind(Alert, { title: 'Settings saved' })).not.toBeNull(),
  );
}

/** Every message the save bar lists. */
export function problems(page: Page): string[] {
  const bar = page.maybeFindByTestId(Flex, 'problems');
  return bar ? bar.findAll(Text, { variant: 'microcopy' }).map((text) => text.text ?? '') : [];
}

// `trigger(event, arg)` types `arg` as the handler; at run time it is the handler's value.
export function flip(page: Page, name: string, checked: boolean): void {
  page.find(Toggle, { name }).trigger('onChange', checked as unknown as (checked: boolean) => void);
}

export function pickDate(page: Page, name: string, iso: string): void {
  const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
  page
    .find(DateInput, { name })
    .trigger('onChange', { year, month: month - 1, date } as unknown as DateInputProps['onChange']);
}
