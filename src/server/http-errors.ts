// Every failure the backend answers with, as `{ status: 'error', code, message }`: words for the
// person at the card (or the admin reading HubSpot's delivery log), never a stack trace, a
// secret or what the CRM said verbatim.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { type FieldError, describeFieldError, parseWith } from '../core';
import { DealNotFoundError } from '../crm/crm-adapter';
import { isHubSpotError } from '../crm/hubspot/hubspot-calls';
import { NotProvisionedError } from '../crm/crm-adapter';
import { CardError } from '../functions/card-errors';
import { type Logger, describeError } from './logger';

export interface ErrorBody {
  status: 'error';
  code: string;
  message: string;
  errors?: FieldError[];
}

/** A refusal a route decides on itself; the error handler turns it into its answer. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

export function invalidInput(errors: FieldError[]): HttpError {
  return new HttpError(400, 'invalid_input', errors.map(describeFieldError).join('; '), errors);
}

/** The verified body as JSON, then through the schema; a 400 naming the field otherwise. */
export function parseBody<S extends z.ZodType>(raw: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    throw invalidInput([{ path: '', message: 'the body is not valid JSON' }]);
  }
  return parse(json, schema);
}

export function parse<S extends z.ZodType>(input: unknown, schema: S): z.infer<S> {
  const result = parseWith(schema, input);
  if (!result.success) throw invalidInput(result.errors);
  return result.value;
}

function bodyFor(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } | null {
  if (error instanceof HttpError) {
    const body: ErrorBody = { status: 'error', code: error.code, message: error.message };
    return { status: error.status, body: error.errors ? { ...body, errors: error.errors } : body };
  }
  if (error instanceof CardError) {
    return {
      status: error.status as ContentfulStatusCode,
      body: { status: 'error', code: error.code, message: error.message },
    };
  }
  if (error instanceof DealNotFoundError) {
    return {
      status: 404,
      body: { status: 'error', code: 'not_found', message: `deal ${error.dealId} was not found` },
    };
  }
  if (error instanceof NotProvisionedError) {
    // An admin's to fix, and it says how; retrying (HubSpot does on 5xx) helps once they have.
    return {
      status: 503,
      body: { status: 'error', code: 'not_provisioned', message: error.message },
    };
  }
  if (isHubSpotError(error)) {
    // 502 (and 5xx in general) makes HubSpot retry a workflow action; the card can retry too.
    return {
      status: 502,
      body: {
        status: 'error',
        code: 'crm_unavailable',
        message: `HubSpot refused or failed a request Baton made (HTTP ${error.code}); try again in a moment`,
      },
    };
  }
  return null;
}

export function errorResponse(c: Context, error: unknown, log: Logger): Response {
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return c.json({ status: 'error', code: 'http_error', message: error.message }, status);
  }
  const known = bodyFor(error);
  if (known) {
    if (known.status >= 500)
      log.warn({ path: c.req.path, err: describeError(error) }, 'the CRM failed a request');
    return c.json(known.body, known.status);
  }
  log.error({ path: c.req.path, err: describeError(error) }, 'unexpected error in a request');
  return c.json(
    {
      status: 'error',
      code: 'internal',
      message: 'something went wrong on our side; it was logged',
    },
    500,
  );
}
