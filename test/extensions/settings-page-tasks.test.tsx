// The settings page's task plan and holidays: tasks added, edited and removed, a new task's key
// made from its subject (unique, and never a saved task's) while a saved task keeps its key; the
// holidays listed by date, one listed twice named. Each edit reaches the save; a CSM reads only.
import {
  Button,
  DateInput,
  Flex,
  Input,
  NumberInput,
  Select,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { keyFromSubject } from '../../extensions/settings/task-keys';
import { DEFAULT_POLICY } from '../../src/core';
import {
  CSM,
  FakeSettingsBackend,
  loaded,
  pickDate,
  problems,
  renderPage,
  save,
  saveButton,
  savedSettings,
  typeNumber,
} from './helpers/settings-backend';
import { choose, typeInto } from './helpers/trigger';

afterEach(() => jest.restoreAllMocks());

type Page = Awaited<ReturnType<typeof renderPage>>;
const task = (index: number, field: string) => `templates.sales_to_cs.tasks[${index}].${field}`;
const keyOf = (page: Page, index: number) =>
  page.findByTestId(Text, `task-key:sales_to_cs:${index}`).text;

describe('a new task’s key', () => {
  it('is the subject in snake_case, without placeholders, and unique', () => {
    expect(keyFromSubject('Send the welcome pack to {deal}!', new Set())).toBe(
      'send_the_welcome_pack_to',
    );
    expect(keyFromSubject('Équipe: 2nd call', new Set())).toBe('equipe_2nd_call');
    expect(keyFromSubject('3 days in', new Set())).toBe('task_3_days_in');
    expect(keyFromSubject('  ', new Set(['task', 'task_2']))).toBe('task_3');
    expect(keyFromSubject('Handoff meeting', new Set(['handoff_meeting']))).toBe(
      'handoff_meeting_2',
    );
  });
});

describe('the task plan on the settings page', () => {
  it('adds a task whose key follows its subject, and saves it with the plan', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    const count = DEFAULT_POLICY.templates.sales_to_cs.tasks.length;
    page.findByTestId(Button, 'add-task:sales_to_cs').trigger('onClick');
    expect(page.find(Input, { name: task(count, 'subject') }).props.validationMessage).toBe(
      'Required.',
    );
    typeInto(page.find(Input, { name: task(count, 'subject') }), 'Handoff meeting');
    // The saved handoff_meeting task keeps its key: the new one gets its own.
    expect(keyOf(page, count)).toBe(
      'Key handoff_meeting_2, made from the subject until the settings are saved.',
    );
    typeInto(page.find(Input, { name: task(count, 'subject') }), 'Send the welcome pack to {deal}');
    expect(keyOf(page, count)).toBe(
      'Key send_the_welcome_pack_to, made from the subject until the settings are saved.',
    );
    typeInto(page.find(TextArea, { name: task(count, 'body') }), 'Ship it with the deck.');
    choose(page.find(Select, { name: task(count, 'assignee') }), 'receiver_manager');
    typeNumber(page, task(count, 'dueAfterHours'), 96);
    await save(page);
    expect(savedSettings(backend).templates.sales_to_cs.tasks[count]).toEqual({
      key: 'send_the_welcome_pack_to',
      subject: 'Send the welcome pack to {deal}',
      body: 'Ship it with the deck.',
      assignee: 'receiver_manager',
      dueAfterHours: 96,
    });
    // Saved, its key is the CRM's: a new subject no longer moves it.
    typeInto(page.find(Input, { name: task(count, 'subject') }), 'Send the pack');
    expect(keyOf(page, count)).toBe(
      'Key send_the_welcome_pack_to: how Baton finds the tasks it already created. It never changes.',
    );
  });

  it('edits and removes saved tasks without changing any key', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    typeInto(page.find(Input, { name: task(1, 'subject') }), 'Email the customer');
    expect(keyOf(page, 1)).toBe(
      'Key intro_email: how Baton finds the tasks it already created. It never changes.',
    );
    page.findByTestId(Button, 'remove-task:sales_to_cs:0').trigger('onClick');
    typeNumber(page, task(0, 'dueAfterHours'), 0);
    expect(page.find(NumberInput, { name: task(0, 'dueAfterHours') }).props.validationMessage).toBe(
      'Expected a positive number of hours.',
    );
    expect(problems(page)).toEqual([
      'Sales to CS (post-close): Task 1: Email the customer – Due after: expected a positive number of hours',
    ]);
    typeNumber(page, task(0, 'dueAfterHours'), 24);
    await save(page);
    const tasks = savedSettings(backend).templates.sales_to_cs.tasks;
    expect(tasks.map((t) => t.key)).toEqual([
      'intro_email',
      'cs_prep',
      'schedule_kickoff',
      'hold_kickoff',
    ]);
    expect(tasks[0]).toMatchObject({ subject: 'Email the customer', dueAfterHours: 24 });
  });

  it('counts a task’s due time in business days when the policy does', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    choose(page.find(Select, { name: 'timeBasis' }), 'business_days');
    const due = () => page.find(NumberInput, { name: task(2, 'dueAfterHours') });
    expect(due().props.value).toBe(3);
    expect(due().props.label).toBe('Task 3 due after (business days)');
    typeNumber(page, task(2, 'dueAfterHours'), 2);
    await save(page);
    expect(savedSettings(backend).templates.sales_to_cs.tasks[2]!.dueAfterHours).toBe(48);
  });
});

describe('the holidays on the settings page', () => {
  it('adds holidays in date order, names one listed twice, and removes it', async () => {
    const backend = new FakeSettingsBackend();
    const page = await renderPage(backend);
    await loaded(page);
    expect(page.findByTestId(Flex, 'holidays').toString()).toContain('No holidays.');
    const add = () => page.findByTestId(Button, 'add-holiday');
    expect(add().props.disabled).toBe(true);
    pickDate(page, 'holidays', '2026-12-31');
    add().trigger('onClick');
    pickDate(page, 'holidays', '2026-12-25');
    add().trigger('onClick');
    pickDate(page, 'holidays', '2026-12-31');
    add().trigger('onClick');
    expect(page.find(DateInput, { name: 'holidays' }).props.validationMessage).toBe(
      '2026-12-31: listed twice.',
    );
    expect(problems(page)).toEqual(['Holidays: 2026-12-31: listed twice']);
    expect(saveButton(page).props.disabled).toBe(true);
    page.findByTestId(Button, 'remove-holiday:2').trigger('onClick');
    // A Saturday is no working day anyway: harmless, and kept.
    pickDate(page, 'holidays', '2026-12-26');
    add().trigger('onClick');
    expect(page.findByTestId(Flex, 'holidays').toString()).toContain('Saturday');
    await save(page);
    expect(savedSettings(backend).holidays).toEqual(['2026-12-25', '2026-12-26', '2026-12-31']);
  });

  it('names a date from a policy file that is no date', async () => {
    const backend = new FakeSettingsBackend();
    backend.saveElsewhere((s) => {
      s.holidays = ['2026-02-30', '2026-01-01'];
    });
    const page = await renderPage(backend);
    await loaded(page);
    expect(page.find(DateInput, { name: 'holidays' }).props.validationMessage).toBe(
      '2026-02-30: expected a date (YYYY-MM-DD).',
    );
    expect(page.findByTestId(Text, 'holiday:1').text).toBe('2026-01-01');
  });
});

describe('the task plan and holidays for a CSM', () => {
  it('are read only, with nothing to add or remove', async () => {
    const backend = new FakeSettingsBackend();
    backend.saveElsewhere((s) => {
      s.holidays = ['2026-12-25'];
    });
    backend.user = CSM;
    const page = await renderPage(backend);
    await loaded(page);
    expect(page.find(Input, { name: task(0, 'subject') }).props.readOnly).toBe(true);
    expect(page.find(TextArea, { name: task(0, 'body') }).props.readOnly).toBe(true);
    expect(page.find(Select, { name: task(0, 'assignee') }).props.readOnly).toBe(true);
    expect(page.find(NumberInput, { name: task(0, 'dueAfterHours') }).props.readOnly).toBe(true);
    expect(page.maybeFindByTestId(Button, 'add-task:sales_to_cs')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'remove-task:sales_to_cs:0')).toBeNull();
    expect(page.findByTestId(Text, 'holiday:0').text).toBe('2026-12-25');
    expect(page.maybeFindByTestId(Button, 'remove-holiday:0')).toBeNull();
    expect(page.maybeFind(DateInput, { name: 'holidays' })).toBeNull();
  });
});
