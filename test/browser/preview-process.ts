// `baton start` as a new user runs it (`npm start`), in a child process on free ports with its
// own data folder, until it prints the preview's address.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../src/cli/commands/start.command';

const REPOSITORY = resolve(__dirname, '..', '..');

export interface RunningPreview {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startPreview(): Promise<RunningPreview> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPOSITORY, 'bin', 'baton.js'), 'start'],
    {
      cwd: REPOSITORY,
      env: {
        ...process.env,
        PORT: String(port),
        SANDBOX_PORT: String(sandboxPort),
        BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-browser-')),
        BROWSER: 'none',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const match = /Open the card preview: (\S+)/.exec(output);
    if (match) return { url: match[1]!, output: () => output, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`baton start did not print the preview address:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
