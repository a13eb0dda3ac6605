// The page's draft of the settings, and what it knows about it: how many fields differ from the
// saved settings, the problems under a field (the core's own checks, run as the user types), and
// each problem in words for the save bar.
import {
  CALENDAR_FIELDS,
  CLOCK_FIELDS,
  HOLIDAY_FIELDS,
  TASK_FIELDS,
  TEAM_FIELDS,
  TEMPLATE_FIELDS,
  type TeamList,
  sentence,
} from './settings-text';
import type {
  Catalogue,
  FieldError,
  HandoffType,
  PortalSettings,
  SettingsPerson,
} from './settings-types';

/** A copy to edit: the settings are JSON, so a JSON round trip copies them whole. */
export function copyOf(settings: PortalSettings): PortalSettings {
  return JSON.parse(JSON.stringify(settings)) as PortalSettings;
}

type Leaves = Map<string, string>;

/** Every value by its path; a list is one value (reordering a list is a change). */
function leaves(value: unknown, path: string, out: Leaves): Leaves {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, path === '' ? key : `${path}.${key}`, out);
    }
  } else if (value !== undefined) {
    out.set(path, JSON.stringify(value));
  }
  return out;
}

/** How many fields the draft changed, for the save bar. */
export function changedFields(saved: PortalSettings, draft: PortalSettings): number {
  const before = leaves(saved, '', new Map());
  const after = leaves(draft, '', new Map());
  let count = 0;
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(path) !== after.get(path)) count++;
  }
  return count;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** The problems of one field (and of its parts: a list's entries, a window's hours). */
export function problemsUnder(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.filter((error) => isUnder(error.path, prefix));
}

export interface Names {
  catalogue: Catalogue;
  people: readonly SettingsPerson[];
  draft: PortalSettings;
  /** The settings as saved: a task whose key is here exists in the CRM already. */
  saved: PortalSettings;
}

export function personName(people: readonly SettingsPerson[], id: string | undefined): string {
  if (id === undefined || id === '') return 'nobody yet';
  return people.find((person) => person.id === id)?.name ?? id;
}

const INDEXED = /^(\w+)\[(\d+)\](.*)$/;

const TASK_FIELD_LABELS: Record<string, string> = {
  key: 'key',
  subject: TASK_FIELDS.subject,
  body: TASK_FIELDS.body,
  assignee: TASK_FIELDS.assignee,
  dueAfterHours: TASK_FIELDS.dueAfter,
};

/** What a path names, in the page's words: "Sales to CS (post-close): Required items". */
export function fieldName(path: string, names: Names): string {
  const [head, ...rest] = path.split('.');
  if (head === 'templates' && rest[0]) {
    const type = rest[0] as HandoffType;
    const template = names.draft.templates[type]?.label || type;
    const field = rest[1] ?? '';
    if (field === 'sla') {
      const clock = names.catalogue.clocks.find((c) => c.name === rest[2])?.label ?? rest[2];
      return rest[3] === 'from'
        ? `${template}: ${CLOCK_FIELDS.from(clock ?? '')}`
        : `${template}: ${clock} window`;
    }
    const task = /^tasks\[(\d+)\]$/.exec(field);
    if (task) {
      const index = Number(task[1]);
      const subject = names.draft.templates[type]?.tasks[index]?.subject.trim() ?? '';
      const title = `${template}: ${TASK_FIELDS.title(index, subject)}`;
      return rest[2] === undefined ? title : `${title} – ${TASK_FIELD_LABELS[rest[2]] ?? rest[2]}`;
    }
    const label = (TEMPLATE_FIELDS as Record<string, string>)[field.replace(/\[\d+\]$/, '')];
    return `${template}: ${label ?? field}`;
  }
  if (head === 'team' && rest[0]) {
    const match = INDEXED.exec(rest.join('.'));
    if (match) {
      const [, list, index] = match;
      if (list === 'salesManagers') {
        const manager = names.draft.team.salesManagers[Number(index)];
        return `Sales manager ${personName(names.people, manager?.managerId)}`;
      }
      const ids = names.draft.team[list as TeamList] ?? [];
      const label = TEAM_FIELDS[list as TeamList]?.label ?? list;
      return `${label}: ${personName(names.people, ids[Number(index)])}`;
    }
    return TEAM_FIELDS[rest[0] as TeamList]?.label ?? rest[0];
  }
  if (head === 'atRiskRatio') return CALENDAR_FIELDS.atRiskPercent;
  const holiday = /^holidays\[(\d+)\]$/.exec(head ?? '');
  if (holiday)
    return `${HOLIDAY_FIELDS.heading}: ${names.draft.holidays[Number(holiday[1])] ?? ''}`;
  if (head === 'holidays') return HOLIDAY_FIELDS.heading;
  return (CALENDAR_FIELDS as Record<string, string>)[head ?? ''] ?? path;
}

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split(/\.|\[|\]/).filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The message under one field: its own problems, and its entries' (a person listed under two
 * roles is named, so the user knows which one to take out). Undefined when all is well.
 */
export function messageFor(
  errors: readonly FieldError[],
  path: string,
  names: Names,
): string | undefined {
  const found = problemsUnder(errors, path);
  if (found.length === 0) return undefined;
  return found
    .map((error) => {
      const value = valueAt(names.draft, error.path);
      const person =
        error.path !== path && typeof value === 'string'
          ? names.people.find((p) => p.id === value)
          : undefined;
      return sentence(person ? `${person.name}: ${error.message}` : error.message);
    })
    .join(' ');
}
