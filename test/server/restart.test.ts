// A backend process killed between two steps of a closed-won start, and started again on the
// same data folder: the job it held waits in the database, its lease runs out, the new process
// claims it and finishes the work an earlier attempt began. One handoff, one set of tasks.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_TOKEN } from '../../src/sandbox';
import { BACKEND_JOBS, signRequest } from '../../src/server';
import {
  createTokenCipher,
  encryptionKeyFromEnv,
  openPglite,
  storageOn,
} from '../../src/server/db';
import { type ContractTarget, sandboxTarget } from '../contract/contract-targets';
import { addClosedWonDeals } from '../contract/sandbox-deals';
import { freePort } from '../../src/cli/commands/start.command';
import { directory, recordsOf } from './helpers/backend-harness';

jest.setTimeout(120_000);

const SECRET = 'sandbox-secret';

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface ServeProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, 'processes', 'serve-process.ts'),
      'serve',
      '--host',
      '127.0.0.1',
    ],
    { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return until('the backend to listen', async () => {
    if (child.exitCode !== null) throw new Error(`baton serve exited at start:\n${output}`);
    return output.includes('Baton backend listening on')
      ? { child, output: () => output, exited }
      : null;
  });
}

describe('a backend killed mid-start, then restarted', () => {
  let target: ContractTarget;

  beforeAll(async () => {
    target = await sandboxTarget();
    await target.adapter.provision();
  });

  afterAll(async () => {
    await target.close();
  });

  const holds = [
    [
      'after the tasks, before the handoff record',
      (handoffType: string) => ({
        method: 'POST',
        pathIncludes: `/crm/v3/objects/${handoffType}/batch/upsert`,
      }),
      { handoffs: 0, tasks: 5 },
    ],
    [
      'after the handoff record, before linking it to the deal',
      (handoffType: string) => ({
        method: 'POST',
        pathIncludes: `/associations/${handoffType}/deals/`,
      }),
      { handoffs: 1, tasks: 5 },
    ],
  ] as const;

  it.each(holds)('resumes %s without duplicates', async (_, hold, cutShort) => {
    const sandbox = target.sandbox!.instance;
    const types = await target.adapter.metadata.objectTypeIds();
    const won = await target.adapter.closedWonStages();
    const [dealId] = addClosedWonDeals(
      sandbox,
      1,
      new Set(Object.values(won.byPipeline).flat()),
    ) as [string];
    const records = () => recordsOf({ target }, dealId);

    const dir = mkdtempSync(join(tmpdir(), 'baton-restart-'));
    const teamFile = join(dir, 'team.json');
    writeFileSync(teamFile, JSON.stringify(directory));
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      BATON_PUBLIC_URL: publicUrl,
      HUBSPOT_BASE_URL: target.sandbox!.url,
      HUBSPOT_ACCESS_TOKEN: SANDBOX_TOKEN,
      HUBSPOT_CLIENT_SECRET: SECRET,
      BATON_TEAM_FILE: teamFile,
      BATON_DATA_DIR: dir,
      BATON_JOB_LEASE_SECONDS: '2',
      LOG_LEVEL: 'warn',
    };

    sandbox.faults.set({ hold: hold(types.handoff) });
    const first = await startServe(env);
    const body = JSON.stringify([
      {
        eventId: Number(dealId) * 10 + 7,
        portalId: sandbox.portalId,
        occurredAt: Date.now(),
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-3',
        objectId: Number(dealId),
        propertyName: 'dealstage',
        propertyValue: sandbox.store.records.get(sandbox.store.type('0-3'), dealId)?.properties
          .dealstage,
        attemptNumber: 0,
      },
    ]);
    const path = '/hubspot/webhooks';
    const accepted = await fetch(publicUrl + path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...signRequest({
          clientSecret: SECRET,
          method: 'POST',
          url: publicUrl + path,
          body,
          timestamp: Date.now(),
        }),
      },
      body,
    });
    expect(await accepted.json()).toMatchObject({ queued: 1 });

    // The start is under way and stuck at the held step: kill the process there.
    await until('the start to reach the held step', async () => sandbox.faults.held === 1);
    first.child.kill('SIGKILL');
    await first.exited;
    sandbox.faults.clear();
    expect(await records()).toEqual(cutShort);

    const second = await startServe(env);
    try {
      const context = await until('the handoff to be finished', async () => {
        const read = await target.adapter.loadDealContext(dealId);
        // The deal's write-back is the last step.
        return read.handoff !== null && read.deal.csmOwnerId !== null ? read : null;
      });
      expect(await records()).toEqual({ handoffs: 1, tasks: 5 });
      // The deal was written back: its CSM is the one the directory assigned.
      expect(directory.csms).toContain(context.deal.csmOwnerId);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    // What the database says: the job done on its second attempt, the creation audited once.
    const db = await openPglite({ dataDir: join(dir, 'db') });
    const storage = await storageOn(
      db,
      createTokenCipher(await encryptionKeyFromEnv({}, dir)),
      BACKEND_JOBS,
    );
    try {
      const [job] = await db.query<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM jobs WHERE kind = 'closed-won'",
      );
      expect(job).toEqual({ status: 'done', attempts: 2 });
      const created = await db.query(
        "SELECT actor_id FROM audit_log WHERE action = 'handoff.created'",
      );
      expect(created).toHaveLength(1);
    } finally {
      await storage.close();
    }
  });
});
