// `baton provision --crm salesforce --deploy`: the generated metadata, zipped as a Metadata API
// package (metadata-package.ts), deployed with the Metadata REST API: POST
// /metadata/deployRequest (multipart: a `json` part with the deploy options, a `file` part with
// the zip), then GET /metadata/deployRequest/<id>?includeDetails=true until it is done. The
// deploy is all or nothing (rollbackOnError), and deploying the same metadata again succeeds
// and changes nothing, which the report says component by component.
import { randomBytes } from 'node:crypto';
import type { Connection } from 'jsforce';
import { z } from 'zod';
import type { ProvisionReport, ProvisionStep } from '../crm-adapter';
import { SALESFORCE_API_VERSION } from './api-version';
import { type MetadataPackage, metadataPackage, metadataPackageZip } from './metadata-package';
import type { SalesforceCalls } from './salesforce-calls';
import { isSalesforceId } from './soql';

/** What `provision --crm salesforce` says when it is not asked to deploy (docs/salesforce.md). */
export const SALESFORCE_DEPLOY_STEPS =
  'deploying changes the org, so Baton does it only when asked: run `baton provision --crm ' +
  'salesforce --deploy`, or deploy by hand: `npm run build`, then in build/salesforce ' +
  '`sf project deploy start --source-dir force-app --target-org <alias>`; then ' +
  '`sf org assign permset --name Baton --target-org <alias>` for each user and the integration ' +
  'user, and check with `baton doctor --crm salesforce` (docs/salesforce.md)';

export interface DeployOptions {
  /** Before the first status check; the wait doubles after each, up to `maxPollMs`. */
  firstPollMs?: number;
  maxPollMs?: number;
  /** How long to wait for the deploy to finish before saying where to follow it. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** The package to deploy; Baton's generated metadata by default. */
  package?: MetadataPackage;
}

const DEFAULTS = { firstPollMs: 250, maxPollMs: 5_000, timeoutMs: 10 * 60_000 };

/** The deploy options Baton sends: all or nothing, no tests (there is no Apex), for real. */
export const DEPLOY_OPTIONS = {
  checkOnly: false,
  rollbackOnError: true,
  singlePackage: true,
  ignoreWarnings: false,
  allowMissingFiles: false,
  autoUpdatePackage: false,
  purgeOnDelete: false,
} as const;

const flag = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean(),
);
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value == null ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );

const componentSchema = z.object({
  componentType: z.string().nullish(),
  fullName: z.string(),
  fileName: z.string().nullish(),
  created: flag.default(false),
  changed: flag.default(false),
  deleted: flag.default(false),
  problem: z.string().nullish(),
  problemType: z.string().nullish(),
  lineNumber: z.coerce.number().nullish(),
});

const deployResultSchema = z.object({
  id: z.string(),
  done: flag,
  status: z.string(),
  success: flag.default(false),
  errorMessage: z.string().nullish(),
  errorStatusCode: z.string().nullish(),
  numberComponentErrors: z.coerce.number().default(0),
  details: z
    .object({
      componentSuccesses: many(componentSchema),
      componentFailures: many(componentSchema),
    })
    .nullish(),
});

export type DeployResult = z.infer<typeof deployResultSchema>;
type Component = z.infer<typeof componentSchema>;

const startedSchema = z.object({ id: z.string().refine(isSalesforceId, 'not a deploy id') });
const statusSchema = z.object({ deployResult: deployResultSchema });

/** The optional capability of deploying a package (the Salesforce adapters have it). */
export interface MetadataDeployer {
  /** Deploys the package (Baton's generated metadata by default) and reports per component. */
  deployMetadata(pkg?: MetadataPackage): Promise<ProvisionReport>;
}

export function canDeployMetadata<T extends object>(adapter: T): adapter is T & MetadataDeployer {
  return typeof (adapter as Partial<MetadataDeployer>).deployMetadata === 'function';
}

export class SalesforceDeployError extends Error {
  constructor(
    message: string,
    readonly deployId: string | null,
    readonly failures: readonly Component[] = [],
  ) {
    super(message);
  }
}

/** The multipart body of a deploy request: the `json` part, then the `file` part. */
export function deployRequestBody(zip: Buffer, options: object = DEPLOY_OPTIONS) {
  const boundary = `baton-${randomBytes(12).toString('hex')}`;
  const head = (disposition: string, type: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: ${type}\r\n\r\n`;
  const body = Buffer.concat([
    Buffer.from(head('name="json"', 'application/json')),
    Buffer.from(JSON.stringify({ deployOptions: options })),
    Buffer.from(`\r\n${head('name="file"; filename="baton.zip"', 'application/zip')}`),
    zip,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function describeFailure(failure: Component): string {
  const what = [failure.componentType, failure.fullName].filter(Boolean).join(' ');
  const where = failure.fileName
    ? ` (${failure.fileName}${failure.lineNumber ? ` line ${failure.lineNumber}` : ''})`
    : '';
  return `${what}${where}: ${failure.problem ?? 'refused'}`;
}

function failed(result: DeployResult): SalesforceDeployError {
  const failures = result.details?.componentFailures ?? [];
  const lines = [
    `Salesforce refused the metadata deploy ${result.id} (${result.status}` +
      `${failures.length > 0 ? `, ${failures.length} component error(s)` : ''}); nothing was changed:`,
    ...failures.map((failure) => `  ${describeFailure(failure)}`),
    ...(result.errorMessage
      ? [`  ${result.errorStatusCode ? `${result.errorStatusCode}: ` : ''}${result.errorMessage}`]
      : []),
  ];
  return new SalesforceDeployError(lines.join('\n'), result.id, failures);
}

const outcomeOf = (c: Component): ProvisionStep['outcome'] =>
  c.created ? 'created' : c.changed ? 'updated' : 'unchanged';

/** A step per component; an object's fields grouped by outcome, or the report runs to pages. */
export function provisionReportOf(result: DeployResult): ProvisionReport {
  const steps: ProvisionStep[] = [];
  const fields = new Map<string, number>();
  for (const component of result.details?.componentSuccesses ?? []) {
    if (!component.componentType) continue; // package.xml itself
    const outcome = outcomeOf(component);
    if (component.componentType === 'CustomField') {
      const object = component.fullName.split('.')[0]!;
      const key = `${object}\u0000${outcome}`;
      fields.set(key, (fields.get(key) ?? 0) + 1);
      continue;
    }
    steps.push({ what: `${component.componentType} ${component.fullName}`, outcome });
  }
  for (const [key, count] of fields) {
    const [object, outcome] = key.split('\u0000') as [string, ProvisionStep['outcome']];
    steps.push({ what: `fields on ${object} (${count})`, outcome });
  }
  steps.sort((a, b) => (a.what < b.what ? -1 : a.what > b.what ? 1 : 0));
  return { steps, changed: steps.some((step) => step.outcome !== 'unchanged') };
}

/** Deploys Baton's metadata and waits for the result; throws with every component failure. */
export async function deploySalesforceMetadata(
  connection: Connection,
  calls: SalesforceCalls,
  options: DeployOptions = {},
): Promise<ProvisionReport> {
  const { firstPollMs, maxPollMs, timeoutMs } = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? ((ms: number) => new Promise((done) => setTimeout(done, ms)));
  const now = options.now ?? Date.now;
  const base = `/services/data/v${SALESFORCE_API_VERSION}/metadata/deployRequest`;
  const { body, contentType } = deployRequestBody(
    metadataPackageZip(options.package ?? metadataPackage()),
  );
  // Sent again after a lost answer, a deploy of the same package changes nothing more: safe.
  const started = startedSchema.safeParse(
    await calls.run('deploy:start', () =>
      connection.request({
        method: 'POST',
        url: base,
        body,
        headers: { 'content-type': contentType },
      }),
    ),
  );
  if (!started.success)
    throw new SalesforceDeployError('Salesforce did not answer the deploy with its id', null);
  const id = started.data.id;
  const deadline = now() + timeoutMs;
  for (let check = 0; ; check++) {
    await sleep(Math.min(maxPollMs, firstPollMs * 2 ** check));
    const status = statusSchema.safeParse(
      await calls.run('deploy:status', () =>
        connection.request({ method: 'GET', url: `${base}/${id}?includeDetails=true` }),
      ),
    );
    if (!status.success)
      throw new SalesforceDeployError(`Salesforce answered deploy ${id}'s status unreadably`, id);
    const result = status.data.deployResult;
    if (result.done) {
      if (result.success && result.status === 'Succeeded') return provisionReportOf(result);
      throw failed(result);
    }
    if (now() >= deadline)
      throw new SalesforceDeployError(
        `the metadata deploy ${id} is still ${result.status} after ${Math.round(timeoutMs / 1000)} s: ` +
          'follow it in Setup › Deployment Status; running provision again is safe',
        id,
      );
  }
}
