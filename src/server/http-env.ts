// The per-request values the backend's middleware hands to its routes.
import type { Hono } from 'hono';
import type { SignedVariables } from './hubspot-signature';
import type { Logger } from './logger';

export type BackendEnv = {
  Variables: SignedVariables & {
    /** The request's logger, tagged with its id. */
    log: Logger;
  };
};

export type BackendApp = Hono<BackendEnv>;
