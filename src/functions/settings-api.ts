// The settings page's API: the portal's settings with what the page needs to edit them (the
// account's people for the pickers; the core's handoff types, items, clocks, anchors, roles,
// participants and assignees), and saves with optimistic concurrency: only CS ops or a CS
// manager may save, the whole document is validated before anything is written, a save from a
// stale version is refused, and saving the settings already stored changes nothing. Thin:
// settings-rules.ts decides what is valid, the caller stores.
import { z } from 'zod';
import {
  ACTOR_ROLES,
  ASSIGNEES,
  CATEGORY_LABELS,
  CLOCK_ANCHORS,
  CLOCK_DEFINITIONS,
  CLOCK_NAMES,
  DEFAULT_POLICY,
  type FieldError,
  HANDOFF_TYPES,
  ITEM_PATHS,
  MEETING_PARTICIPANTS,
  PARTICIPANT_LABELS,
  describeFieldError,
  itemAt,
  parseWith,
} from '../core';
import type { CrmAdapter, CrmPerson } from '../crm/crm-adapter';
import type { CardUser } from './card-api';
import { CardError } from './card-errors';
import {
  type PortalSettings,
  ROLE_LABELS,
  SETTINGS_EDITORS,
  type SettingsPerson,
  validateSettings,
} from './settings-rules';
import { roleOf } from './team-directory';

/** The settings in force for a portal: the ones it saved, or the backend's defaults. */
export interface CurrentSettings {
  settings: PortalSettings;
  /** The saved version the page edits from; 0 while the portal has saved nothing. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Set when saved settings are not in force (they no longer pass validation): why. */
  problem: string | null;
}

export type SaveOutcome =
  | { outcome: 'saved' | 'unchanged'; current: CurrentSettings }
  | { outcome: 'conflict'; version: number };

export interface SaveRequest {
  settings: PortalSettings;
  baseVersion: number;
  updatedBy: string;
}

export interface SettingsDeps {
  crm: Pick<CrmAdapter, 'listPeople'>;
  /** Stores `settings` only if the saved version is still `baseVersion`. */
  save: (request: SaveRequest) => Promise<SaveOutcome>;
}

export const saveSettingsRequestSchema = z.strictObject({
  baseVersion: z
    .number({ error: 'expected the version the edit started from (0 before the first save)' })
    .int({ error: 'expected a whole number' })
    .min(0, { error: 'expected 0 or more' }),
  // Checked by validateSettings, so its errors are named by their path in the settings.
  settings: z.unknown(),
});

export type SaveSettingsRequest = z.input<typeof saveSettingsRequestSchema>;

/** A save refused for its content: every problem, by field. */
export class SettingsInvalidError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map(describeFieldError).join('; '));
    this.name = 'SettingsInvalidError';
  }
}

function defaultWindowHours(clock: (typeof CLOCK_NAMES)[number]): number {
  const windows = Object.values(DEFAULT_POLICY.templates).map((template) => template.sla[clock]);
  return windows.find((window) => window !== undefined)?.hours ?? 24;
}

/** What the page offers to pick from: the core's vocabulary, with the words it shows. */
export const SETTINGS_CATALOGUE = {
  handoffTypes: HANDOFF_TYPES,
  items: ITEM_PATHS.map((path) => {
    const item = itemAt(path);
    return { path, label: item.label, category: CATEGORY_LABELS[item.category] };
  }),
  clocks: CLOCK_NAMES.map((name) => ({
    name,
    label: CLOCK_DEFINITIONS[name].label,
    defaultAnchor: CLOCK_DEFINITIONS[name].defaultAnchor,
    /** The window a clock gets when CS ops switch it on: PROTOCOL.md's default. */
    defaultHours: defaultWindowHours(name),
  })),
  anchors: CLOCK_ANCHORS,
  roles: ACTOR_ROLES.map((role) => ({ role, label: ROLE_LABELS[role] })),
  participants: MEETING_PARTICIPANTS.map((participant) => ({
    participant,
    label: PARTICIPANT_LABELS[participant],
  })),
  assignees: ASSIGNEES,
};

const READ_ONLY_REASON =
  "Only CS ops or a CS manager can change Baton's settings. Ask one of them to make a change.";

function personOf(person: CrmPerson): SettingsPerson {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    teams: person.teams.map(({ id, name }) => ({ id, name })),
  };
}

function view(current: CurrentSettings, user: CardUser, people: readonly SettingsPerson[]) {
  const canEdit = SETTINGS_EDITORS.includes(user.role);
  const updater = people.find((person) => person.id === current.updatedBy);
  return {
    settings: current.settings,
    version: current.version,
    updatedAt: current.updatedAt,
    updatedBy:
      current.updatedBy === null ? null : { id: current.updatedBy, name: updater?.name ?? null },
    problem: current.problem,
    you: { id: user.id, role: user.role },
    canEdit,
    readOnlyReason: canEdit ? null : READ_ONLY_REASON,
    people,
    catalogue: SETTINGS_CATALOGUE,
  };
}

export type SettingsView = ReturnType<typeof view>;

export async function loadSettings(
  user: CardUser,
  current: CurrentSettings,
  deps: Pick<SettingsDeps, 'crm'>,
): Promise<SettingsView> {
  return view(current, user, (await deps.crm.listPeople()).map(personOf));
}

export async function saveSettings(
  user: CardUser,
  body: unknown,
  deps: SettingsDeps,
): Promise<SettingsView & { outcome: 'saved' | 'unchanged' }> {
  if (!SETTINGS_EDITORS.includes(user.role)) throw new CardError('forbidden', READ_ONLY_REASON);
  const request = parseWith(saveSettingsRequestSchema, body);
  if (!request.success) throw new SettingsInvalidError(request.errors);
  const people = (await deps.crm.listPeople()).map(personOf);
  const settings = validateSettings(request.value.settings, people);
  if (!settings.success) throw new SettingsInvalidError(settings.errors);
  const { baseVersion } = request.value;
  const result = await deps.save({ settings: settings.value, baseVersion, updatedBy: user.id });
  if (result.outcome === 'conflict') {
    throw new CardError(
      'conflict',
      `someone else saved the settings (now version ${result.version}, your edit started from ${baseVersion}): reload to see their changes`,
    );
  }
  // The saver's role under the team just saved: a CS manager who moved themselves is one no more.
  const saver = { id: user.id, role: roleOf(result.current.settings.team, user.id) };
  return { outcome: result.outcome, ...view(result.current, saver, people) };
}
