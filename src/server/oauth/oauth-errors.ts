// What can go wrong talking OAuth to HubSpot, as errors whose messages are safe to log and to
// show: they name the step and HubSpot's error code, never a token, a code or the secret.

export type OAuthStep =
  'code exchange' | 'token refresh' | 'token introspection' | 'token revocation';

export class HubSpotOAuthError extends Error {
  override name = 'HubSpotOAuthError';

  constructor(
    readonly step: OAuthStep,
    /** HubSpot's HTTP status; null when no answer came (network failure, timeout). */
    readonly status: number | null,
    /** HubSpot's error code (`invalid_grant`, `BAD_CLIENT_ID`, …) when it sent one. */
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }

  /** The fields a log line should carry about it. */
  toLog(): Record<string, unknown> {
    return { type: this.name, step: this.step, status: this.status, code: this.code };
  }
}

/**
 * `invalid_grant`: the code is unknown, used or expired, or the refresh token was revoked,
 * which is what uninstalling the app does. Trying again cannot help.
 */
export class InvalidGrantError extends HubSpotOAuthError {
  override name = 'InvalidGrantError';
}
