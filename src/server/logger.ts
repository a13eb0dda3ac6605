// The backend's structured log (pino, one JSON object a line). Whatever a handler passes in, the
// redaction below keeps credentials and people's personal data out of it: logs get shipped to
// third parties and kept for months, long after a token or an email should be gone.
import pino, { type DestinationStream, type Logger } from 'pino';
import { categoryOf, isHubSpotError } from '../crm/hubspot/hubspot-calls';

export type { Logger } from 'pino';

const SECRET_KEYS = [
  'authorization',
  'accessToken',
  'refreshToken',
  'token',
  'clientSecret',
  'secret',
  'signature',
  'password',
];
const PERSONAL_KEYS = ['email', 'userEmail', 'phone', 'firstName', 'lastName'];

/** Each key at the top level, one level down, and inside request/response headers. */
export const REDACT_PATHS = [...SECRET_KEYS, ...PERSONAL_KEYS].flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
]);

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout when absent. Tests pass a collector. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const config = {
    level: options.level ?? 'info',
    base: { service: 'baton-backend' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/**
 * An error as a log field. HubSpot's SDK errors carry the response body and the request's
 * headers (with the bearer token), so only their status and category are kept.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (isHubSpotError(error)) {
    return { type: 'HubSpotError', status: error.code, category: categoryOf(error) };
  }
  if (error instanceof Error)
    return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error, message: String(error) };
}
