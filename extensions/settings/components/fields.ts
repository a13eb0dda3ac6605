// What every section of the page is handed, and the options its pickers offer.
import type { Names } from '../settings-draft';
import type { SettingsModel } from '../use-settings';
import type { FieldError, HandoffType, PortalSettings, SettingsPerson } from '../settings-types';

export interface SectionProps {
  names: Names;
  /** The problems of the draft, by path (the core's checks, run as the user types). */
  errors: readonly FieldError[];
  editable: boolean;
  edit: SettingsModel['edit'];
}

export interface Option {
  label: string;
  value: string;
}

/** People to pick, and anyone the settings name who is not (or no longer) one of them. */
export function peopleOptions(
  people: readonly SettingsPerson[],
  named: readonly string[],
): Option[] {
  const options = people.map((person) => ({
    label: person.email ? `${person.name} (${person.email})` : person.name,
    value: person.id,
  }));
  const known = new Set(options.map((option) => option.value));
  for (const id of named) {
    if (id !== '' && !known.has(id)) {
      options.push({ label: `${id} (not a user of this account)`, value: id });
      known.add(id);
    }
  }
  return options;
}

/** The account's HubSpot teams, from its people's. */
export function teamOptions(people: readonly SettingsPerson[], named: readonly string[]): Option[] {
  const teams = new Map<string, string>();
  for (const person of people) for (const team of person.teams) teams.set(team.id, team.name);
  for (const id of named) if (!teams.has(id)) teams.set(id, `${id} (not a team of this account)`);
  return [...teams].map(([value, label]) => ({ label, value }));
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A section of one handoff type's template. */
export type TemplateSectionProps = SectionProps & { type: HandoffType };

/** The page shows windows in business days when the policy counts them: hours per unit. */
export function hoursPerUnit(timeBasis: PortalSettings['timeBasis']): number {
  return timeBasis === 'business_days' ? 24 : 1;
}

/** A field's `error` and `validationMessage` for its problems (none: no error). */
export function problemProps(message: string | undefined) {
  return { error: message !== undefined, validationMessage: message };
}
