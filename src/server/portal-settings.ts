// The policy and team each request runs on: the portal's saved settings (the settings page), or
// the backend's defaults (BackendDeps.policy and .directory: the policy file and BATON_TEAM_FILE)
// while it has saved none. One database read and no CRM call, made per request or job, so a
// save applies to the next request on every backend copy.
import { type Policy, describeFieldError } from '../core';
import type { CurrentSettings } from '../functions/settings-api';
import { joinSettings, parseSettings, splitSettings } from '../functions/settings-rules';
import type { TeamDirectory } from '../functions/team-directory';
import type { BackendDeps } from './backend-deps';
import type { StoredPortalSettings } from './db';

export interface PortalRules {
  policy: Policy;
  directory: TeamDirectory;
  /** The same, as the settings page shows them, with their version. */
  current: CurrentSettings;
}

type SettingsSource = Pick<BackendDeps, 'storage' | 'policy' | 'directory' | 'log'>;

export async function settingsFor(deps: SettingsSource, portalId: string): Promise<PortalRules> {
  const stored = await deps.storage.portalSettings.get(portalId);
  const current = currentSettings(deps, portalId, stored);
  return { ...splitSettings(current.settings), current };
}

export function currentSettings(
  deps: Omit<SettingsSource, 'storage'>,
  portalId: string,
  stored: StoredPortalSettings | null,
): CurrentSettings {
  const defaults = joinSettings(deps.policy, deps.directory);
  if (stored === null) {
    return { settings: defaults, version: 0, updatedBy: null, updatedAt: null, problem: null };
  }
  const saved = {
    version: stored.version,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt.toISOString(),
  };
  const parsed = parseSettings(stored.settings);
  if (parsed.success) return { settings: parsed.value, ...saved, problem: null };
  // Saved settings a newer Baton no longer accepts: the defaults keep the portal working, and
  // the settings page says why, so CS ops can fix and save them. The paths only in the log: a
  // message may quote a value.
  deps.log.error(
    { portalId, version: stored.version, fields: parsed.errors.map((error) => error.path) },
    'saved settings no longer pass validation; the portal runs on the defaults',
  );
  return {
    settings: defaults,
    ...saved,
    problem:
      `The saved settings (version ${stored.version}) no longer pass validation ` +
      `(${parsed.errors.map(describeFieldError).join('; ')}), so Baton uses the defaults until they are saved again.`,
  };
}
