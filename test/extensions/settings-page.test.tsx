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
import { DEFAULT_POLICY } from '../../src/core';
import {
  AE,
  BASE_URL,
  FakeSettingsBackend,
  loaded,
  minimum,
  puts,
  renderPage,
  saveButton,
  typeNumber,
} from './helpers/settings-backend';
import { choose, chooseMany } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

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
