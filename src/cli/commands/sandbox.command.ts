// `baton sandbox --port N [--data-dir DIR] [--no-seed]`: the local HubSpot-compatible CRM.
// It prints where it listens and the token to use, then serves until Ctrl+C, saving the
// portal to the data folder on the way out when it has one.
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_SANDBOX_PORT, type RunningSandbox, createSandbox } from '../../sandbox';
import { CliError, type CliIo } from '../cli-io';

export interface SandboxCommandOptions {
  port?: string;
  dataDir?: string;
  seed: boolean;
}

const portSchema = z.coerce.number().int().min(0).max(65_535);

export function parsePort(value: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const raw = value ?? env['SANDBOX_PORT'] ?? String(DEFAULT_SANDBOX_PORT);
  const result = portSchema.safeParse(raw);
  if (!result.success)
    throw new CliError(
      `--port: expected a port number from 0 to 65535, got ${JSON.stringify(raw)}`,
    );
  return result.data;
}

export async function startSandboxCommand(
  options: SandboxCommandOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningSandbox> {
  const port = parsePort(options.port, env);
  let sandbox: ReturnType<typeof createSandbox>;
  try {
    sandbox = createSandbox({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      seed: options.seed,
    });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  let running: RunningSandbox;
  try {
    running = await sandbox.listen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EADDRINUSE'
        ? `port ${port} is already in use (try --port 0 for a free one)`
        : String(error),
    );
  }
  const counts = sandbox.store
    .types()
    .filter((type) => type.kind === 'standard')
    .map((type) => `${sandbox.store.records.list(type).length} ${type.name}`)
    .join(', ');
  io.out(
    [
      `Baton sandbox CRM (HubSpot API subset) listening on ${running.url}`,
      `  token    ${sandbox.token}  (send "Authorization: Bearer ${sandbox.token}")`,
      `  portal   ${sandbox.portalId}: ${counts}, ${sandbox.store.owners.length} owners`,
      `  data     ${options.dataDir ? `${options.dataDir}/sandbox.json` : 'in memory (use --data-dir to keep it)'}`,
      `  control  GET /__sandbox/stats, POST /__sandbox/reset, POST /__sandbox/faults`,
      `  use it   HUBSPOT_BASE_URL=${running.url} HUBSPOT_ACCESS_TOKEN=${sandbox.token}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  return running;
}

export function registerSandboxCommand(program: Command, io: CliIo): void {
  program
    .command('sandbox')
    .description('run the local HubSpot-compatible sandbox CRM (what npm start and the tests use)')
    .option(
      '--port <n>',
      `port to listen on (default: $SANDBOX_PORT or ${DEFAULT_SANDBOX_PORT}; 0 picks a free one)`,
    )
    .option('--data-dir <dir>', 'keep the portal in this folder (sandbox.json) across restarts')
    .option(
      '--no-seed',
      'start from an empty portal instead of the demo deals, companies and people',
    )
    .action(async (options: SandboxCommandOptions) => {
      const running = await startSandboxCommand(options, io);
      const stop = () => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
