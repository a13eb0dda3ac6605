// The settings API under /api/: what the app's settings page calls with `hubspot.fetch`, signed
// and with the account and user in the signed query like the card API. GET answers the portal's
// settings in force (saved, or the defaults) with its people and the core's catalogue; PUT saves
// `{ baseVersion, settings }` for CS ops and CS managers. The settings functions decide.
import type { Context } from 'hono';
import { z } from 'zod';
import type { CardUser } from '../../functions/card-api';
import {
  type SaveOutcome,
  type SettingsDeps,
  SettingsInvalidError,
  loadSettings,
  saveSettings,
} from '../../functions/settings-api';
import type { BackendDeps } from '../backend-deps';
import { cardContextFrom, resolveCardUser } from '../card-user';
import { requireCrm } from '../handoff-starts';
import type { BackendApp, BackendEnv } from '../http-env';
import { invalidInput, parseBody } from '../http-errors';
import { type PortalRules, currentSettings, settingsFor } from '../portal-settings';

const PATH = '/api/settings';

interface SettingsRequest {
  portalId: string;
  user: CardUser;
  rules: PortalRules;
  deps: SettingsDeps;
}

async function settingsRequest(
  c: Context<BackendEnv>,
  backend: BackendDeps,
): Promise<SettingsRequest> {
  const context = cardContextFrom(c.req.query());
  const crm = await requireCrm(backend, context.portalId);
  const rules = await settingsFor(backend, context.portalId);
  // The role under the team in force: who may save is decided by the settings being replaced.
  const user = await resolveCardUser(context, crm, rules.directory);
  const save = async (request: Parameters<SettingsDeps['save']>[0]): Promise<SaveOutcome> => {
    const result = await backend.storage.portalSettings.save({
      portalId: context.portalId,
      ...request,
      at: new Date(backend.now()),
    });
    if (result.outcome === 'conflict') {
      return { outcome: 'conflict', version: result.stored?.version ?? 0 };
    }
    return {
      outcome: result.outcome,
      current: currentSettings(backend, context.portalId, result.stored),
    };
  };
  return { portalId: context.portalId, user, rules, deps: { crm, save } };
}

export function registerSettingsRoutes(app: BackendApp, backend: BackendDeps): void {
  app.get(PATH, async (c) => {
    const { user, rules, deps } = await settingsRequest(c, backend);
    return c.json(await loadSettings(user, rules.current, deps));
  });

  app.put(PATH, async (c) => {
    const { portalId, user, deps } = await settingsRequest(c, backend);
    const body = parseBody(c.get('rawBody'), z.unknown());
    try {
      const saved = await saveSettings(user, body, deps);
      // Ids and versions only: the settings name people.
      c.get('log').info(
        { portalId, outcome: saved.outcome, version: saved.version, by: user.id },
        saved.outcome === 'saved' ? 'settings saved' : 'settings saved unchanged',
      );
      return c.json(saved);
    } catch (error) {
      if (error instanceof SettingsInvalidError) throw invalidInput(error.errors);
      throw error;
    }
  });
}
