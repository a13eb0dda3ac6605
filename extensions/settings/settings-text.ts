// The words the settings page uses: its states, the labels of its fields and the notes under
// them. The backend's own words (the core's labels of items, clocks and roles) come with the
// settings in the catalogue.
import type { Catalogue, HandoffTemplate, PortalSettings } from './settings-types';

export const STATES = {
  loading: 'Loading the settings',
  loadFailed: 'The settings could not be loaded',
  retry: 'Try again',
  readOnly: 'Read only',
  conflict: 'Someone else saved the settings',
  reload: 'Reload the settings',
  refused: 'The settings were not saved',
  saved: 'Settings saved',
  savedNote: (version: number) =>
    `Version ${version} is in force: the next handoff, card load and SLA check use it.`,
  unchanged: 'Nothing changed: these settings were already saved.',
  storedProblem: 'The saved settings are not in force',
  defaults: "Baton's defaults: nothing has been saved for this account yet.",
  lastSaved: (version: number, by: string, at: string) =>
    `Version ${version}, saved by ${by} on ${at}.`,
};

export const SAVE_BAR = {
  save: 'Save settings',
  saving: 'Saving…',
  discard: 'Discard changes',
  noChanges: 'No unsaved changes',
  changes: (count: number) => (count === 1 ? '1 unsaved change' : `${count} unsaved changes`),
  problems: (count: number) =>
    count === 1 ? 'Fix 1 problem before saving:' : `Fix ${count} problems before saving:`,
};

export const SECTIONS = {
  templates: 'Handoff templates',
  templatesNote:
    'Each handoff type has its own template: what must be filled in before the sender can submit, ' +
    'how long each SLA clock runs, and who must approve before the handoff starts.',
  calendar: 'SLA clocks',
  calendarNote: 'How every template counts its windows, and when a clock turns at risk.',
  team: 'CS team',
  teamNote:
    'Who plays which part in Baton. HubSpot records owners and teams, not these roles: ' +
    'new handoffs go to the CSMs, escalations to the managers.',
  escalation: 'Sales managers (escalation targets for the sales side)',
  escalationNote:
    'A breached clock on the sending side escalates to the AE’s sales manager; without one it ' +
    'goes to CS ops.',
};

export const TEMPLATE_FIELDS = {
  label: 'Name of this handoff type',
  senderLabel: 'Sending side',
  senderLabelNote: 'What the card calls the side that hands over, such as AE.',
  receiverLabel: 'Receiving side',
  receiverLabelNote: 'What the card calls the side that takes over, such as CS.',
  minimumCompleteness: 'Minimum completeness to submit (%)',
  minimumCompletenessNote: 'The sender cannot submit below this; CS may still send it back.',
  requiredItems: 'Required items',
  requiredItemsNote: 'What completeness counts. Each item weighs the same.',
  sla: 'SLA windows',
  slaNote:
    'Switch on the clocks this handoff type runs. A clock that is off is never tracked, at risk or escalated.',
  requiredParticipants: 'Required at the handoff meeting',
  requiredParticipantsNote: 'The meeting’s quality counts who of them attended.',
  strategicParticipants: 'Also required for strategic deals',
  approverRoles: 'Approvers',
  approverRolesNote:
    'Roles that must approve before the handoff starts (a pre-close handoff needs a CS manager).',
  arbiterRoles: 'Arbiters of disputes',
  arbiterRolesNote:
    'Who settles a dispute between the two sides (a rep-to-rep handoff needs a named arbiter).',
  escalateAfterReturns: 'Escalate to sales leadership after this many returns',
  escalateAfterReturnsNote: 'From 1 to 10. The protocol escalates the second return.',
  tasks: 'Task plan',
};

export const CLOCK_FIELDS = {
  from: (clock: string) => `${clock}: counted from`,
};

export const ANCHOR_LABELS: Record<Catalogue['anchors'][number], string> = {
  closedWonAt: 'The close (closed won)',
  submittedAt: 'Submission of the handoff',
  returnedAt: 'The last return to the sender',
};

export const TASK_FIELDS = {
  note:
    'The tasks each new handoff of this type creates in HubSpot, due counted from the close. ' +
    '{deal}, {receiver} and {missing} in a subject or body are filled in.',
  none: 'No tasks: handoffs of this type create none.',
  key: (key: string) =>
    `Key ${key}: how Baton finds the tasks it already created. It never changes.`,
  newKey: (key: string) => `Key ${key}, made from the subject until the settings are saved.`,
  subject: 'Subject',
  body: 'Body',
  assignee: 'Owner',
  dueAfter: 'Due after',
  add: 'Add a task',
  remove: 'Remove task',
  title: (index: number, subject: string) => `Task ${index + 1}${subject ? `: ${subject}` : ''}`,
};

export const HOLIDAY_FIELDS = {
  heading: 'Holidays',
  note: 'Days that business-day clocks do not count, in the time zone above. A holiday on a day off changes nothing.',
  none: 'No holidays.',
  pick: 'Add a holiday',
  add: 'Add holiday',
  remove: (date: string) => `Remove ${date}`,
};

/** Who a task goes to, in the template's own words for its two sides. */
export function assigneeLabel(
  assignee: Catalogue['assignees'][number],
  template: Pick<HandoffTemplate, 'senderLabel' | 'receiverLabel'>,
): string {
  const sender = template.senderLabel.trim() || 'Sender';
  const receiver = template.receiverLabel.trim() || 'Receiver';
  switch (assignee) {
    case 'sender':
      return `${sender} (sending side)`;
    case 'receiver':
      return `${receiver} (receiving side)`;
    case 'sender_manager':
      return `${sender}’s manager`;
    case 'receiver_manager':
      return `${receiver}’s manager`;
  }
}

export const CALENDAR_FIELDS = {
  timeBasis: 'Count SLA windows in',
  atRiskPercent: 'At risk once this much of a window is gone (%)',
  meetingReminderHours: 'Remind the AE this many hours before the handoff meeting is due',
  timeZone: 'Time zone of the working days',
  timeZoneNote: 'An IANA name, such as Europe/Berlin or America/New_York.',
  workingDays: 'Working days',
};

export const TIME_BASES: { value: PortalSettings['timeBasis']; label: string }[] = [
  { value: 'calendar_hours', label: 'Calendar hours' },
  { value: 'business_days', label: 'Business days' },
];

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export type TeamList = 'csManagers' | 'csms' | 'csOps';

export const TEAM_FIELDS: Record<TeamList, { label: string; note: string }> = {
  csManagers: {
    label: 'CS managers',
    note: 'Approve pre-close handoffs and receive the escalations of the CS side. At least one.',
  },
  csms: { label: 'CSMs', note: 'New handoffs without a CSM on the deal go to one of them.' },
  csOps: { label: 'CS ops', note: 'Keep these settings and settle disputes.' },
};

export const SALES_MANAGER_FIELDS = {
  manager: 'Sales manager',
  members: 'AEs they lead',
  teams: 'HubSpot teams they lead',
  add: 'Add a sales manager',
  remove: 'Remove',
};

/** A window as the page shows it: days when the policy counts business days. */
export function windowUnit(timeBasis: PortalSettings['timeBasis']): 'hours' | 'business days' {
  return timeBasis === 'business_days' ? 'business days' : 'hours';
}

/** The backend says "expected 0 to 100"; under a field it reads as a sentence. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (/[.!?]$/.test(message) ? '' : '.');
}

/** "2026-11-04 10:00 UTC": the same for everyone reading the page, whatever their zone. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
