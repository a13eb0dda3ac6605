// HubSpot's error bodies. Every error the sandbox returns has `status: 'error'`, a `message`
// for people, a `correlationId` (a uuid, as HubSpot's) and a `category`, plus `errors` and
// `context` where HubSpot sends them. Shapes follow the api-client's `ModelError` and
// `StandardError` models and https://developers.hubspot.com/docs/api-reference/error-handling
// ("the fields ... should all be treated as optional in any error parsing").
import { randomUUID } from 'node:crypto';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCategory =
  | 'VALIDATION_ERROR'
  | 'OBJECT_NOT_FOUND'
  | 'OBJECT_ALREADY_EXISTS'
  | 'INVALID_AUTHENTICATION'
  | 'EXPIRED_AUTHENTICATION'
  | 'NO_ASSOCIATIONS_FOUND'
  | 'INTERNAL_ERROR';

/** One entry of `errors`: the api-client's `ErrorDetail`. */
export interface ErrorDetail {
  message: string;
  in?: string;
  code?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
}

export interface ErrorExtras {
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  subCategory?: string;
}

/** The body of a failed request (`ModelError`). */
export interface ErrorBody extends ErrorExtras {
  status: 'error';
  message: string;
  correlationId: string;
  category: ErrorCategory;
}

/** One failed input of a batch (`StandardError`), inside a 207 response. */
export interface BatchItemError extends ErrorExtras {
  status: 'error';
  category: ErrorCategory;
  message: string;
}

export class HubSpotError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly category: ErrorCategory,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
    this.name = 'HubSpotError';
  }

  body(correlationId: string = randomUUID()): ErrorBody {
    return {
      status: 'error',
      message: this.message,
      correlationId,
      category: this.category,
      ...this.extras,
    };
  }

  /** The same failure as one entry of a batch's `errors`. */
  asBatchItem(context?: Record<string, string[]>): BatchItemError {
    const merged = context ? { ...this.extras.context, ...context } : this.extras.context;
    return {
      status: 'error',
      category: this.category,
      message: this.message,
      ...(merged ? { context: merged } : {}),
      ...(this.extras.errors ? { errors: this.extras.errors } : {}),
      ...(this.extras.subCategory ? { subCategory: this.extras.subCategory } : {}),
    };
  }
}

export const validationError = (message: string, extras?: ErrorExtras) =>
  new HubSpotError(400, 'VALIDATION_ERROR', message, extras);

export const notFoundError = (message: string, extras?: ErrorExtras) =>
  new HubSpotError(404, 'OBJECT_NOT_FOUND', message, extras);

export const alreadyExistsError = (message: string, extras?: ErrorExtras) =>
  new HubSpotError(409, 'OBJECT_ALREADY_EXISTS', message, extras);

/**
 * A record id that does not exist. The text is HubSpot's for `GET /crm/v3/objects/{type}/{id}`
 * as seen in real responses; the double space is theirs.
 */
export const objectNotFound = (id: string) =>
  notFoundError('Object not found.  objectId are usually numeric.', { context: { id: [id] } });

/** An object type nobody defined: HubSpot answers 400 "Unable to infer object type from: x". */
export const unknownObjectType = (objectType: string) =>
  validationError(`Unable to infer object type from: ${objectType}`);
