// Each portal's settings (the settings page's policy and team) with a version per save. The
// database knows the document only as JSON: what it must contain is the settings API's to check
// before a save and the backend's to check after a read.
//
// A save is a conditional write, so two people (or two backend copies) saving from the same
// version cannot both win, and saving what is already stored writes nothing:
//   const result = await repo.save({ portalId, settings, baseVersion: 3, updatedBy, at });
//   result.outcome // 'saved' (now version 4) | 'unchanged' | 'conflict' (someone saved first)
import { z } from 'zod';
import type { Queryable } from './database';
import { type JsonObject, instant, jsonObject, jsonParam } from './codecs';

export interface StoredPortalSettings {
  portalId: string;
  settings: JsonObject;
  /** 1 for the first save, one more for each save that changed something. */
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export const savePortalSettingsInput = z.object({
  portalId: z.string().min(1, 'portalId is required'),
  settings: z.record(z.string(), z.unknown()).pipe(jsonObject),
  /** The version the edit started from; 0 when the portal had saved nothing yet. */
  baseVersion: z.number().int().nonnegative('baseVersion: expected 0 or a saved version'),
  updatedBy: z.string().min(1, 'updatedBy is required'),
  at: z.date(),
});
export type SavePortalSettingsInput = z.input<typeof savePortalSettingsInput>;

export type SavePortalSettingsResult =
  | { outcome: 'saved'; stored: StoredPortalSettings }
  /** The same settings were already stored: nothing was written, whatever the base version. */
  | { outcome: 'unchanged'; stored: StoredPortalSettings }
  /** Someone saved other settings since `baseVersion`; `stored` is what they saved. */
  | { outcome: 'conflict'; stored: StoredPortalSettings | null };

export interface PortalSettingsRepository {
  /** Null when the portal never saved settings (the backend's defaults apply). */
  get(portalId: string): Promise<StoredPortalSettings | null>;
  save(input: SavePortalSettingsInput): Promise<SavePortalSettingsResult>;
}

const COLUMNS = 'portal_id, settings, version, updated_by, updated_at';

const settingsRow = z.object({
  portal_id: z.string(),
  settings: jsonObject,
  version: z.coerce.number().int().positive(),
  updated_by: z.string(),
  updated_at: instant,
});

function toStored(raw: unknown): StoredPortalSettings {
  const row = settingsRow.parse(raw);
  return {
    portalId: row.portal_id,
    settings: row.settings,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function createPortalSettingsRepository(db: Queryable): PortalSettingsRepository {
  return {
    async get(portalId) {
      const [raw] = await db.query(`SELECT ${COLUMNS} FROM portal_settings WHERE portal_id = $1`, [
        portalId,
      ]);
      return raw ? toStored(raw) : null;
    },

    async save(raw) {
      const input = savePortalSettingsInput.parse(raw);
      const settings = jsonParam(jsonObject, input.settings);
      // jsonb compares by value (key order aside), so "the same settings" is the database's call.
      const written =
        input.baseVersion === 0
          ? await db.query(
              `INSERT INTO portal_settings (portal_id, settings, version, updated_by, updated_at)
               VALUES ($1, $2::jsonb, 1, $3, $4)
               ON CONFLICT (portal_id) DO NOTHING
               RETURNING ${COLUMNS}`,
              [input.portalId, settings, input.updatedBy, input.at],
            )
          : await db.query(
              `UPDATE portal_settings
               SET settings = $2::jsonb, version = version + 1, updated_by = $3, updated_at = $4
               WHERE portal_id = $1 AND version = $5 AND settings <> $2::jsonb
               RETURNING ${COLUMNS}`,
              [input.portalId, settings, input.updatedBy, input.at, input.baseVersion],
            );
      if (written[0]) return { outcome: 'saved', stored: toStored(written[0]) };
      const [current] = await db.query<{ same: boolean }>(
        `SELECT ${COLUMNS}, settings = $2::jsonb AS same FROM portal_settings WHERE portal_id = $1`,
        [input.portalId, settings],
      );
      if (!current) return { outcome: 'conflict', stored: null };
      const stored = toStored(current);
      return current.same ? { outcome: 'unchanged', stored } : { outcome: 'conflict', stored };
    },
  };
}
