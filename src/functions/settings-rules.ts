// What a portal's settings are (the policy of core/policy plus the team directory, as one JSON
// document) and the checks a save must pass: the core's policy schema and the team directory's
// schema first, then what a CS ops person expects to be caught across fields: the policy's own
// (settings-policy-rules.ts: a reminder after its deadline, a task due after its clock, ...), an
// approver nobody can be, people who are not users of the account. Pure, so the settings page
// runs the same checks as the user types that the backend runs before it writes.
import { type FieldError, type Parsed, parseWith } from '../core/document/field-errors';
import { HANDOFF_TYPES } from '../core/document/vocabulary';
import { type ActorRole, type Policy, policySchema } from '../core/policy/policy.schema';
import { policyErrors } from './settings-policy-rules';
import { type TeamDirectory, teamDirectorySchema } from './team-directory';

/** The settings document: the policy's fields, and `team`. */
export type PortalSettings = Policy & { team: TeamDirectory };

/** Someone the team may name: a CRM owner, as `crm.listPeople()` has them. */
export interface SettingsPerson {
  id: string;
  name: string;
  email: string | null;
  teams: { id: string; name: string }[];
}

export const ROLE_LABELS: Record<ActorRole, string> = {
  ae: 'AE',
  sdr: 'SDR',
  sales_manager: 'sales manager',
  csm: 'CSM',
  cs_manager: 'CS manager',
  cs_ops: 'CS ops',
  admin: 'admin',
};

/** Who may save the settings (PROTOCOL.md: CS ops keep the templates). */
export const SETTINGS_EDITORS: readonly ActorRole[] = ['cs_ops', 'cs_manager'];

export function splitSettings(settings: PortalSettings): {
  policy: Policy;
  directory: TeamDirectory;
} {
  const { team, ...policy } = settings;
  return { policy, directory: team };
}

export function joinSettings(policy: Policy, directory: TeamDirectory): PortalSettings {
  return { ...policy, team: directory };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const under = (prefix: string) => (error: FieldError) => ({
  ...error,
  path: error.path === '' ? prefix : `${prefix}.${error.path}`,
});

type Parts = { policy: Parsed<Policy>; directory: Parsed<TeamDirectory> } | { error: FieldError };

function partsOf(input: unknown): Parts {
  if (!isPlainObject(input))
    return { error: { path: '', message: 'expected the settings (an object)' } };
  const { team, ...policy } = input;
  // `team` absent is "team: required", like any other missing field.
  return {
    policy: parseWith(policySchema, policy),
    directory: parseWith(teamDirectorySchema, team),
  };
}

/**
 * Saved settings as the backend reads them back: the schemas' checks (shape, values) only. The
 * checks across fields and against the account's people are a save's (validateSettings): a
 * person who has since left the account does not stop the portal's handoffs.
 */
export function parseSettings(input: unknown): Parsed<PortalSettings> {
  return validate(input, null);
}

/** Everything a save must pass, with errors named by their path in the document. */
export function validateSettings(
  input: unknown,
  people: readonly SettingsPerson[],
): Parsed<PortalSettings> {
  return validate(input, people);
}

/**
 * The policy schema leaves a few text lengths (the sides' labels, a task's subject and body) to
 * zod's own words, "Too small: expected string to have >=1 characters": say it as a person would.
 */
function inPlainWords(error: FieldError): FieldError {
  if (/^Too small: expected string to have >=1 characters?$/.test(error.message))
    return { ...error, message: 'required' };
  const tooLong = /^Too big: expected string to have <=(\d+) characters$/.exec(error.message);
  return tooLong ? { ...error, message: `at most ${tooLong[1]} characters` } : error;
}

function validate(
  input: unknown,
  people: readonly SettingsPerson[] | null,
): Parsed<PortalSettings> {
  const parts = partsOf(input);
  if ('error' in parts) return { success: false, errors: [parts.error] };
  const { policy, directory } = parts;
  const errors: FieldError[] = [];
  // The checks across fields run on whichever half is sound, so the page shows all it can.
  if (!policy.success) errors.push(...policy.errors.map(inPlainWords));
  else if (people) errors.push(...policyErrors(policy.value));
  if (!directory.success) errors.push(...directory.errors.map(under('team')));
  else if (people) errors.push(...teamErrors(directory.value, people));
  if (people && policy.success && directory.success)
    errors.push(...approverErrors(policy.value, directory.value));
  if (errors.length > 0 || !policy.success || !directory.success) return { success: false, errors };
  return { success: true, value: joinSettings(policy.value, directory.value) };
}

const TEAM_ROLES = [
  ['csManagers', 'a CS manager'],
  ['csms', 'a CSM'],
  ['csOps', 'CS ops'],
] as const;

function teamErrors(team: TeamDirectory, people: readonly SettingsPerson[]): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(people.map((person) => person.id));
  const teams = new Set(people.flatMap((person) => person.teams.map((t) => t.id)));
  // roleOf reads the lists in this order, so a second role would silently never apply.
  const roleOfPerson = new Map<string, string>();
  const claim = (id: string, role: string, path: string) => {
    if (!known.has(id)) {
      errors.push({ path, message: `${id} is not a user of this account` });
      return;
    }
    const held = roleOfPerson.get(id);
    if (held === undefined) roleOfPerson.set(id, role);
    else
      errors.push({
        path,
        message: held === role ? 'listed twice' : `already ${held}: a person has one role in Baton`,
      });
  };
  for (const [list, role] of TEAM_ROLES) {
    team[list].forEach((id, index) => claim(id, role, `team.${list}[${index}]`));
  }
  team.salesManagers.forEach((manager, index) => {
    const at = `team.salesManagers[${index}]`;
    claim(manager.managerId, 'a sales manager', `${at}.managerId`);
    manager.memberIds.forEach((id, member) => {
      if (!known.has(id))
        errors.push({
          path: `${at}.memberIds[${member}]`,
          message: `${id} is not a user of this account`,
        });
    });
    manager.teamIds.forEach((id, teamIndex) => {
      if (!teams.has(id))
        errors.push({
          path: `${at}.teamIds[${teamIndex}]`,
          message: `${id} is not a team of this HubSpot account`,
        });
    });
    if (manager.memberIds.length === 0 && manager.teamIds.length === 0) {
      errors.push({
        path: at,
        message: 'name the AEs or teams this manager leads: escalations on their deals go here',
      });
    }
  });
  if (team.csms.length === 0) {
    errors.push({ path: 'team.csms', message: 'name at least one CSM: new handoffs go to one' });
  }
  return errors;
}

/** Whether someone on the team plays `role` (everyone not named elsewhere is an AE). */
function someoneIs(role: ActorRole, team: TeamDirectory): boolean {
  switch (role) {
    case 'cs_manager':
      return team.csManagers.length > 0;
    case 'csm':
      return team.csms.length > 0;
    case 'cs_ops':
      return team.csOps.length > 0;
    case 'sales_manager':
      return team.salesManagers.length > 0;
    case 'ae':
      return true;
    case 'sdr':
    case 'admin':
      return false;
  }
}

function approverErrors(policy: Policy, team: TeamDirectory): FieldError[] {
  return HANDOFF_TYPES.flatMap((type) =>
    policy.templates[type].approverRoles.flatMap((role, index) =>
      someoneIs(role, team)
        ? []
        : [
            {
              path: `templates.${type}.approverRoles[${index}]`,
              message:
                role === 'sdr' || role === 'admin'
                  ? `the team has no ${ROLE_LABELS[role]} role: choose another approver`
                  : `nobody on the team is ${ROLE_LABELS[role]}: name one, or choose another approver`,
            },
          ],
    ),
  );
}
