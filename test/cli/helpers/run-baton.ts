// Runs the real CLI in-process, as a user would from a shell with `env`, and keeps what it
// printed and its exit code.
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { NOW } from '../../helpers/handoff-factory';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runBaton(
  env: NodeJS.ProcessEnv | undefined,
  argv: string[],
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    now: () => NOW,
    ...(env ? { env } : {}),
  };
  const code = await main(argv, io);
  return { code, out, err };
}
