// Every Salesforce call the adapter makes goes through here: counted by purpose, retried by
// policy (salesforce-retries.ts), and logged without queries, records or tokens. An sObject
// collection answers 200 with one result per record, so a refused record is no exception to
// jsforce: `checkSaveResults` turns refusals into one error that names them.
import type { Connection } from 'jsforce';
import { ApiCallCounter } from '../api-call-counter';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions, withRetries } from '../retry-policy';
import { SALESFORCE_API_VERSION } from './api-version';
import { classifySalesforceError, surfaceRetryableResponses } from './salesforce-retries';

export interface SalesforceConnectionOptions {
  instanceUrl: string;
  accessToken: string;
  /** Signs in again: jsforce calls it when a call gets 401 INVALID_SESSION_ID, once for all the
   * calls waiting on it, then retries them with the new token. */
  refresh?: () => Promise<{ accessToken: string; instanceUrl: string }>;
}

/**
 * A jsforce connection on Baton's API version (jsforce's own default is 50.0), whose throttled
 * and failed responses reach SalesforceCalls' retry policy intact.
 */
export async function createSalesforceConnection(
  options: SalesforceConnectionOptions,
): Promise<Connection> {
  const { Connection: JsforceConnection } = await import('jsforce');
  const { refresh, ...session } = options;
  const connection = new JsforceConnection({
    ...session,
    version: SALESFORCE_API_VERSION,
    ...(refresh && {
      refreshFn: (connection, callback) => {
        refresh().then(
          (token) => {
            connection.instanceUrl = token.instanceUrl;
            callback(null, token.accessToken);
          },
          (error: unknown) =>
            callback(error instanceof Error ? error : new Error('Salesforce sign-in failed')),
        );
      },
    }),
  });
  surfaceRetryableResponses(connection);
  return connection;
}

export interface SalesforceCallLog {
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

const SILENT: SalesforceCallLog = { warn: () => undefined };

export class SalesforceCalls {
  readonly counter = new ApiCallCounter();

  constructor(
    readonly retry: RetryOptions = DEFAULT_RETRY_OPTIONS,
    private readonly log: SalesforceCallLog = SILENT,
  ) {}

  /**
   * One logical call, labelled by purpose; attempts count its retries. `idempotent: false` is
   * for a write that is no upsert (creating tasks): it is retried only when Salesforce refused
   * it outright, and its caller reconciles after an ambiguous failure (isAmbiguousFailure).
   */
  async run<T>(label: string, fn: () => Promise<T>, { idempotent = true } = {}): Promise<T> {
    this.counter.call(label);
    return withRetries(
      label,
      () => {
        this.counter.attempt();
        return fn();
      },
      classifySalesforceError(this.retry, idempotent),
      { ...this.retry, onRetry: (info) => this.log.warn('salesforce call retried', { ...info }) },
    );
  }
}

export interface CollectionResult {
  success: boolean;
  id?: string;
  created?: boolean;
  errors: { errorCode?: string; statusCode?: string; message: string; fields?: string[] }[];
}

export class SalesforceWriteError extends Error {
  constructor(
    readonly label: string,
    readonly failures: { index: number; message: string }[],
  ) {
    super(
      `${label}: Salesforce refused ${failures.length} record(s): ` +
        failures.map((f) => `#${f.index} ${f.message}`).join('; '),
    );
  }
}

export function failuresOf(
  results: readonly CollectionResult[],
): { index: number; message: string }[] {
  return results.flatMap((result, index) =>
    result.success
      ? []
      : [
          {
            index,
            message: result.errors
              .map((e) => `${e.errorCode ?? e.statusCode ?? 'ERROR'}: ${e.message}`)
              .join(', '),
          },
        ],
  );
}

export function checkSaveResults(label: string, results: readonly CollectionResult[]): void {
  const failures = failuresOf(results);
  if (failures.length > 0) throw new SalesforceWriteError(label, failures);
}

/** The errorCode jsforce puts on an HTTP error (`NOT_FOUND`, `INVALID_SESSION_ID`, …). */
export function errorCodeOf(error: unknown): string | null {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' ? code : null;
}

/** Every record a query matches (jsforce follows `nextRecordsUrl` with `autoFetch`). */
export async function queryRecords(
  connection: Connection,
  soql: string,
): Promise<Record<string, unknown>[]> {
  const result = await connection.query<Record<string, unknown>>(soql, {
    autoFetch: true,
    maxFetch: 50_000,
  });
  return result.records;
}
