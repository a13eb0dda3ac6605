// One row per HubSpot portal that installed the app, with its OAuth tokens encrypted at rest.
// Tokens exist only in memory once decrypted; nothing here logs, and no error carries them.
import { z } from 'zod';
import type { Queryable } from './database';
import { instant, jsonParam } from './codecs';
import type { TokenCipher } from './token-cipher';

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface InstallSummary {
  portalId: string;
  hubDomain: string;
  scopes: string[];
  installedAt: Date;
  uninstalledAt: Date | null;
  updatedAt: Date;
}

/** An install with its tokens decrypted; `tokens` is null once the portal uninstalled. */
export interface Install extends InstallSummary {
  tokens: OAuthTokens | null;
}

const scopesSchema = z.array(z.string().min(1));

export const saveInstallInput = z.object({
  portalId: z.string().min(1, 'portalId is required'),
  hubDomain: z.string().min(1, 'hubDomain is required'),
  scopes: scopesSchema,
  tokens: z.object({
    accessToken: z.string().min(1, 'accessToken is required'),
    refreshToken: z.string().min(1, 'refreshToken is required'),
    expiresAt: z.date(),
  }),
  at: z.date(),
});
export type SaveInstallInput = z.infer<typeof saveInstallInput>;

const summaryRow = z.object({
  portal_id: z.string(),
  hub_domain: z.string(),
  scopes: scopesSchema,
  installed_at: instant,
  uninstalled_at: instant.nullable(),
  updated_at: instant,
});
const installRow = summaryRow.extend({
  access_token_encrypted: z.string().nullable(),
  refresh_token_encrypted: z.string().nullable(),
  access_token_expires_at: instant.nullable(),
});

const SUMMARY_COLUMNS = 'portal_id, hub_domain, scopes, installed_at, uninstalled_at, updated_at';

export interface InstallsRepository {
  /**
   * Records an install or a token refresh. A portal that had uninstalled and comes back is a
   * new install (its `installedAt` moves); a refresh keeps the original install date.
   */
  save(input: SaveInstallInput): Promise<void>;
  get(portalId: string): Promise<Install | null>;
  /** Uninstall: the tokens are erased, the row stays as a record that the portal was ours. */
  delete(portalId: string, at: Date): Promise<boolean>;
  /** Without tokens: listing portals must not decrypt every credential we hold. */
  list(options?: { includeUninstalled?: boolean }): Promise<InstallSummary[]>;
}

export function createInstallsRepository(db: Queryable, cipher: TokenCipher): InstallsRepository {
  // The portal and field are bound into each ciphertext (see token-cipher.ts).
  const contextOf = (portalId: string, field: 'access' | 'refresh') =>
    `installs:${portalId}:${field}`;

  return {
    async save(raw) {
      const input = saveInstallInput.parse(raw);
      await db.query(
        `INSERT INTO installs (portal_id, hub_domain, scopes, access_token_encrypted,
           refresh_token_encrypted, access_token_expires_at, installed_at, uninstalled_at, updated_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, NULL, $7)
         ON CONFLICT (portal_id) DO UPDATE SET
           hub_domain = excluded.hub_domain,
           scopes = excluded.scopes,
           access_token_encrypted = excluded.access_token_encrypted,
           refresh_token_encrypted = excluded.refresh_token_encrypted,
           access_token_expires_at = excluded.access_token_expires_at,
           installed_at = CASE WHEN installs.uninstalled_at IS NULL
             THEN installs.installed_at ELSE excluded.installed_at END,
           uninstalled_at = NULL,
           updated_at = excluded.updated_at`,
        [
          input.portalId,
          input.hubDomain,
          jsonParam(scopesSchema, input.scopes),
          cipher.encrypt(input.tokens.accessToken, contextOf(input.portalId, 'access')),
          cipher.encrypt(input.tokens.refreshToken, contextOf(input.portalId, 'refresh')),
          input.tokens.expiresAt,
          input.at,
        ],
      );
    },

    async get(portalId) {
      const [raw] = await db.query(
        `SELECT ${SUMMARY_COLUMNS}, access_token_encrypted, refresh_token_encrypted,
           access_token_expires_at
         FROM installs WHERE portal_id = $1`,
        [portalId],
      );
      if (!raw) return null;
      const row = installRow.parse(raw);
      const tokens =
        row.access_token_encrypted && row.refresh_token_encrypted && row.access_token_expires_at
          ? {
              accessToken: cipher.decrypt(
                row.access_token_encrypted,
                contextOf(portalId, 'access'),
              ),
              refreshToken: cipher.decrypt(
                row.refresh_token_encrypted,
                contextOf(portalId, 'refresh'),
              ),
              expiresAt: row.access_token_expires_at,
            }
          : null;
      return { ...toSummary(row), tokens };
    },

    async delete(portalId, at) {
      const rows = await db.query(
        `UPDATE installs SET access_token_encrypted = NULL, refresh_token_encrypted = NULL,
           access_token_expires_at = NULL, uninstalled_at = $2, updated_at = $2
         WHERE portal_id = $1 AND uninstalled_at IS NULL
         RETURNING portal_id`,
        [portalId, at],
      );
      return rows.length > 0;
    },

    async list(options = {}) {
      const rows = await db.query(
        `SELECT ${SUMMARY_COLUMNS} FROM installs
         WHERE $1 OR uninstalled_at IS NULL ORDER BY portal_id`,
        [options.includeUninstalled ?? false],
      );
      return rows.map((row) => toSummary(summaryRow.parse(row)));
    },
  };
}

function toSummary(row: z.infer<typeof summaryRow>): InstallSummary {
  return {
    portalId: row.portal_id,
    hubDomain: row.hub_domain,
    scopes: row.scopes,
    installedAt: row.installed_at,
    uninstalledAt: row.uninstalled_at,
    updatedAt: row.updated_at,
  };
}
