// The test server's Metadata REST API: POST /metadata/deployRequest (multipart: `json` with
// deployOptions, `file` with the zip) and GET /metadata/deployRequest/<id>?includeDetails=true,
// answered as Salesforce answers them (Pending, InProgress, then Succeeded or Failed, component
// by component). The zip is inflated and its package.xml checked against what the zip holds;
// a master-detail or lookup must point at an object that exists. A deploy is all or nothing.
// What was deployed is kept, so describe (and `baton doctor`) find the objects and fields.
import type { Context, Hono } from 'hono';
import type { MetadataPackage } from '../metadata-package';
import { type ZipEntry, ZipFormatError, readZip } from '../zip';
import { type Component, keyOf, packageContents } from './package-contents';

const STANDARD_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Task', 'User'];

interface DeployMessage {
  componentType: string;
  fullName: string;
  fileName: string;
  created: boolean;
  changed: boolean;
  deleted: false;
  success: boolean;
  problem?: string;
  problemType?: 'Error';
}

interface DeployJob {
  id: string;
  deployOptions: Record<string, unknown>;
  pollsLeft: number;
  /** Status checks answered so far. */
  checks: number;
  successes: DeployMessage[];
  failures: DeployMessage[];
  apply: () => void;
  done: boolean;
}

interface DeployPlan {
  successes: DeployMessage[];
  failures: DeployMessage[];
  apply: () => void;
}

const failure = (
  componentType: string,
  fullName: string,
  fileName: string,
  problem: string,
): DeployMessage => ({
  componentType,
  fullName,
  fileName,
  created: false,
  changed: false,
  deleted: false,
  success: false,
  problem,
  problemType: 'Error',
});

const refused = (...failures: DeployMessage[]): DeployPlan => ({
  successes: [],
  failures,
  apply: () => undefined,
});

/** Salesforce lists package.xml among a deploy's successes, with no component type. */
const PACKAGE_XML: DeployMessage = {
  componentType: '',
  fullName: 'package.xml',
  fileName: 'package.xml',
  created: false,
  changed: true,
  deleted: false,
  success: true,
};

export class TestMetadata {
  /** Deployed components, by `type fullName`, with their fingerprints. */
  private readonly deployed = new Map<string, string>();
  private readonly jobs = new Map<string, DeployJob>();
  private sequence = 0;
  /** Deploy requests received (checkOnly ones included). */
  deployRequests = 0;

  /** @param pollsBeforeDone status checks that still see the deploy in progress */
  constructor(readonly pollsBeforeDone = 1) {}

  /** An org that already has this package, as if deployed before the test began. */
  preload(pkg: MetadataPackage): void {
    const plan = this.plan(pkg.files);
    if (plan.failures.length > 0) throw new Error(plan.failures.map((f) => f.problem).join('; '));
    plan.apply();
  }

  has(type: string, fullName: string): boolean {
    return this.deployed.has(keyOf(type, fullName));
  }

  /** An org deployed by an older Baton: the component is not there (until the next deploy). */
  remove(type: string, fullName: string): void {
    this.deployed.delete(keyOf(type, fullName));
  }

  private objectExists(name: string): boolean {
    return STANDARD_OBJECTS.includes(name) || this.has('CustomObject', name);
  }

  /** What describe answers for an object: null when the org has no such object. */
  describe(
    object: string,
  ): { name: string; custom: boolean; fields: { name: string; custom: boolean }[] } | null {
    if (!this.objectExists(object)) return null;
    const custom = !STANDARD_OBJECTS.includes(object);
    const prefix = `CustomField ${object}.`;
    const fields = [...this.deployed.keys()]
      .filter((key) => key.startsWith(prefix))
      .map((key) => ({ name: key.slice(prefix.length), custom: true }));
    const standard = custom ? ['Id', 'Name', 'CreatedDate', 'LastModifiedDate'] : ['Id', 'Name'];
    return {
      name: object,
      custom,
      fields: [...standard.map((name) => ({ name, custom: false })), ...fields],
    };
  }

  /** Checks a package without touching the org; `apply` deploys it. */
  plan(entries: readonly ZipEntry[]): DeployPlan {
    let contents;
    try {
      contents = packageContents(entries);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      return refused(failure('', 'package.xml', 'package.xml', problem));
    }
    const { listed, present, unreadable } = contents;
    const failures = unreadable.map((u) => failure('', u.fileName, u.fileName, u.problem));
    const refuse = (c: Component, problem: string) =>
      failures.push(failure(c.type, c.fullName, c.fileName, problem));
    for (const [key, component] of present) {
      if (!listed.has(key)) refuse(component, `${key} is in the zip but not named in package.xml`);
      for (const target of component.references)
        if (!this.objectExists(target) && !present.has(keyOf('CustomObject', target)))
          refuse(
            component,
            `referenceTo value of '${target}' does not resolve to a valid sObject type`,
          );
    }
    for (const key of listed) {
      if (present.has(key)) continue;
      const [type, fullName] = key.split(' ') as [string, string];
      failures.push(
        failure(
          type,
          fullName,
          'package.xml',
          `An object '${fullName}' of type ${type} was named in package.xml, but was not found in zipped directory`,
        ),
      );
    }
    const successes: DeployMessage[] = [
      { ...PACKAGE_XML },
      ...[...present].map(([key, component]) => {
        const before = this.deployed.get(key);
        return {
          componentType: component.type,
          fullName: component.fullName,
          fileName: component.fileName,
          created: before === undefined,
          changed: before !== component.fingerprint,
          deleted: false as const,
          success: true,
        };
      }),
    ];
    const apply = () => {
      for (const [key, component] of present) this.deployed.set(key, component.fingerprint);
    };
    return { successes, failures, apply };
  }

  start(zip: Buffer, deployOptions: Record<string, unknown>): DeployJob {
    this.deployRequests++;
    const id = `0Af${String(++this.sequence).padStart(12, '0')}AAA`;
    let plan: DeployPlan;
    try {
      plan = this.plan(readZip(zip));
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      plan = refused(failure('', 'zip', 'zip', error.message));
    }
    const checkOnly = deployOptions.checkOnly === true;
    const job: DeployJob = {
      id,
      deployOptions,
      pollsLeft: this.pollsBeforeDone,
      checks: 0,
      successes: plan.failures.length > 0 ? [] : plan.successes,
      failures: plan.failures,
      apply: plan.failures.length > 0 || checkOnly ? () => undefined : plan.apply,
      done: false,
    };
    this.jobs.set(id, job);
    return job;
  }

  /** The job as a status check sees it, moving it on by one check. */
  check(id: string): DeployJob | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    job.checks++;
    if (job.pollsLeft > 0) job.pollsLeft--;
    else if (!job.done) {
      job.done = true;
      job.apply();
    }
    return job;
  }
}

function resultOf(job: DeployJob, includeDetails: boolean) {
  const status = !job.done
    ? job.checks === 0
      ? 'Pending'
      : 'InProgress'
    : job.failures.length > 0
      ? 'Failed'
      : 'Succeeded';
  const components = job.successes.filter((s) => s.componentType !== '').length;
  return {
    id: job.id,
    deployOptions: job.deployOptions,
    deployResult: {
      id: job.id,
      checkOnly: job.deployOptions.checkOnly === true,
      done: job.done,
      status,
      success: job.done && job.failures.length === 0,
      numberComponentErrors: job.done ? job.failures.length : 0,
      numberComponentsDeployed: job.done && job.failures.length === 0 ? components : 0,
      numberComponentsTotal: components + job.failures.length,
      ...(includeDetails && job.done
        ? { details: { componentSuccesses: job.successes, componentFailures: job.failures } }
        : {}),
    },
  };
}

const sfError = (c: Context, status: 400 | 404, errorCode: string, message: string) =>
  c.json([{ message, errorCode }], status);

export function registerDeployEndpoints(app: Hono, metadata: TestMetadata): void {
  app.post('/metadata/deployRequest', async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
      return sfError(
        c,
        400,
        'INVALID_MULTIPART_REQUEST',
        'a deploy request is multipart/form-data',
      );
    const form = await c.req.parseBody();
    let options: unknown;
    try {
      options = JSON.parse(
        typeof form.json === 'string'
          ? form.json
          : ((await (form.json as File | undefined)?.text()) ?? ''),
      );
    } catch {
      return sfError(c, 400, 'JSON_PARSER_ERROR', 'the json part is missing or not JSON');
    }
    const deployOptions = (options as { deployOptions?: unknown } | null)?.deployOptions;
    if (typeof deployOptions !== 'object' || deployOptions === null)
      return sfError(c, 400, 'INVALID_INPUT', 'the json part has no deployOptions');
    if ((deployOptions as Record<string, unknown>).singlePackage !== true)
      return sfError(c, 400, 'INVALID_INPUT', 'this test server deploys single packages only');
    if (!(form.file instanceof File))
      return sfError(c, 400, 'INVALID_MULTIPART_REQUEST', 'the file part (the zip) is missing');
    const job = metadata.start(
      Buffer.from(await form.file.arrayBuffer()),
      deployOptions as Record<string, unknown>,
    );
    return c.json(resultOf(job, false), 201);
  });

  app.get('/metadata/deployRequest/:id', (c) => {
    const job = metadata.check(c.req.param('id'));
    if (!job) return sfError(c, 404, 'NOT_FOUND', 'The requested resource does not exist');
    return c.json(resultOf(job, c.req.query('includeDetails') === 'true'));
  });
}
