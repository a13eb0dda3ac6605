// The settings page's template sections beyond completeness: each type's labels, its SLA clocks
// switched on and off with their windows and anchors, the meeting's participants, the arbiters
// and the escalation after returns. Each edit reaches the save, each bad value is named under its
// field, and a CSM sees them all read only.
import { Input, MultiSelect, NumberInput, Select, Tab, Toggle } from '@hubspot/ui-extensions';
import { DEFAULT_POLICY } from '../../src/core';
import {
  CSM,
  FakeSettingsBackend,
  flip,
  loaded,
  problems,
  renderPage,
  save,
  saveButton,
  savedSettings,
  typeNumber,
} from './helpers/settings-backend';
import { choose, chooseMany, typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

const input = (page: Awaited<ReturnType<typeof renderPage>>, name: string) =>
  page.find(Input, { name });

describe('the template sections of the settings page', () => {
  it('renames a handoff type and its sides, and names a label left empty or taken', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    typeInto(input(page, 'templates.sdr_to_ae.senderLabel'), '');
    expect(input(page, 'templates.sdr_to_ae.senderLabel').props.validationMessage).toBe(
      'Required.',
    );
    expect(saveButton(page).props.disabled).toBe(true);
    typeInto(input(page, 'templates.sdr_to_ae.senderLabel'), 'BDR');
    typeInto(input(page, 'templates.poc_to_paid.label'), 'sales to CS (post-close)');
    expect(input(page, 'templates.poc_to_paid.label').props.validationMessage).toBe(
      'Another handoff type has this name: give each its own.',
    );
    expect(saveButton(page).props.disabled).toBe(true);

    typeInto(input(page, 'templates.poc_to_paid.label'), 'Pilot to paid');
    expect(page.find(Tab, { tabId: 'poc_to_paid' }).props.title).toBe('Pilot to paid');
    // The task owners speak of the sides by their new names.
    expect(
      page
        .find(Select, { name: 'templates.sdr_to_ae.tasks[0].assignee' })
        .props.options.map((o) => o.label),
    ).toEqual(['BDR (sending side)', 'AE (receiving side)', 'BDR’s manager', 'AE’s manager']);
    await save(page);
    const saved = savedSettings(backend);
    expect(saved.templates.poc_to_paid.label).toBe('Pilot to paid');
    expect(saved.templates.sdr_to_ae.senderLabel).toBe('BDR');
  });

  it('switches SLA clocks on and off, with a window and the moment it counts from', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    const at = 'templates.sales_to_cs.sla';
    expect(page.find(Toggle, { name: `${at}.first_cs_contact` }).props.checked).toBe(true);
    expect(page.find(Toggle, { name: `${at}.acceptance` }).props.checked).toBe(false);
    expect(page.maybeFind(NumberInput, { name: `${at}.acceptance.hours` })).toBeNull();

    flip(page, `${at}.first_cs_contact`, false);
    expect(page.maybeFind(NumberInput, { name: `${at}.first_cs_contact.hours` })).toBeNull();
    flip(page, `${at}.acceptance`, true);
    expect(page.find(NumberInput, { name: `${at}.acceptance.hours` }).props.value).toBe(24);
    const from = () => page.find(Select, { name: `${at}.acceptance.from` });
    expect(from().props.value).toBe('submittedAt');
    expect(from().props.label).toBe('Receiver accepts the handoff: counted from');
    choose(from(), 'closedWonAt');
    typeNumber(page, `${at}.acceptance.hours`, 0);
    expect(page.find(NumberInput, { name: `${at}.acceptance.hours` }).props.validationMessage).toBe(
      'Expected a positive number of hours.',
    );
    expect(problems(page)).toEqual([
      'Sales to CS (post-close): Receiver accepts the handoff window: expected a positive number of hours',
    ]);
    typeNumber(page, `${at}.acceptance.hours`, 36);
    await save(page);
    const sla = savedSettings(backend).templates.sales_to_cs.sla;
    expect(sla.first_cs_contact).toBeUndefined();
    expect(sla.acceptance).toEqual({ hours: 36, from: 'closedWonAt' });
    expect(backend.stored?.settings.templates.sales_to_cs.sla.acceptance).toEqual({
      hours: 36,
      from: 'closedWonAt',
    });
  });

  it('names a task that would fall due after the clock it serves, once the window shrinks', async () => {
    const page = await renderPage(new FakeSettingsBackend());
    await loaded(page);
    typeNumber(page, 'templates.sales_to_cs.sla.cs_prep.hours', 48);
    expect(
      page.find(NumberInput, { name: 'templates.sales_to_cs.tasks[2].dueAfterHours' }).props
        .validationMessage,
    ).toBe(
      'Due after its clock breaches (CS internal prep (success plan ready), 48 h from the close): make it due by then.',
    );
    expect(problems(page)).toEqual([
      'Sales to CS (post-close): Task 3: Prepare the success plan for {deal} – Due after: due after its clock breaches (CS internal prep (success plan ready), 48 h from the close): make it due by then',
    ]);
    typeNumber(page, 'templates.sales_to_cs.tasks[2].dueAfterHours', 48);
    expect(problems(page)).toEqual([]);
  });

  it('sets who must attend the meeting, and wants somebody', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    const required = () =>
      page.find(MultiSelect, { name: 'templates.sdr_to_ae.requiredParticipants' });
    expect(required().props.value).toEqual(['ae']);
    expect(required().props.options.map((o) => o.label)).toContain('Sales engineer');
    chooseMany(required(), []);
    expect(required().props.validationMessage).toBe(
      'Name at least one participant: with none, any meeting counts as fully attended.',
    );
    chooseMany(required(), ['ae', 'sales_engineer']);
    chooseMany(page.find(MultiSelect, { name: 'templates.sdr_to_ae.strategicParticipants' }), [
      'sales_manager',
    ]);
    await save(page);
    const template = savedSettings(backend).templates.sdr_to_ae;
    expect(template.requiredParticipants).toEqual(['ae', 'sales_engineer']);
    expect(template.strategicParticipants).toEqual(['sales_manager']);
  });

  it('sets the arbiters and when returns escalate, naming what is out of bounds', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    const arbiters = () => page.find(MultiSelect, { name: 'templates.rep_to_rep.arbiterRoles' });
    expect(arbiters().props.value).toEqual(DEFAULT_POLICY.templates.rep_to_rep.arbiterRoles);
    chooseMany(arbiters(), []);
    expect(arbiters().props.validationMessage).toBe(
      'A rep-to-rep handoff needs an arbiter: the protocol names who decides disputes.',
    );
    const escalate = 'templates.rep_to_rep.escalateAfterReturns';
    typeNumber(page, escalate, 11);
    expect(page.find(NumberInput, { name: escalate }).props.validationMessage).toBe(
      'Expected 1 to 10.',
    );
    chooseMany(arbiters(), ['cs_manager']);
    typeNumber(page, escalate, 3);
    await save(page);
    const template = savedSettings(backend).templates.rep_to_rep;
    expect(template.arbiterRoles).toEqual(['cs_manager']);
    expect(template.escalateAfterReturns).toBe(3);
  });

  it('shows a CSM the labels, clocks, meeting, arbiters and escalation read only', async () => {
    const backend = new FakeSettingsBackend();
    backend.user = CSM;
    const page = await renderPage(backend);
    await loaded(page);
    const type = 'templates.rep_to_rep';
    expect(input(page, `${type}.label`).props.readOnly).toBe(true);
    expect(input(page, `${type}.receiverLabel`).props.readOnly).toBe(true);
    expect(page.find(Toggle, { name: `${type}.sla.acceptance` }).props.readOnly).toBe(true);
    expect(page.find(Toggle, { name: `${type}.sla.cs_prep` }).props.readOnly).toBe(true);
    expect(page.find(Select, { name: `${type}.sla.intro_email.from` }).props.readOnly).toBe(true);
    for (const list of ['requiredParticipants', 'strategicParticipants', 'arbiterRoles'])
      expect(page.find(MultiSelect, { name: `${type}.${list}` }).props.readOnly).toBe(true);
    expect(page.find(NumberInput, { name: `${type}.escalateAfterReturns` }).props.readOnly).toBe(
      true,
    );
    flip(page, `${type}.sla.cs_prep`, true);
    expect(page.maybeFind(NumberInput, { name: `${type}.sla.cs_prep.hours` })).toBeNull();
  });
});
