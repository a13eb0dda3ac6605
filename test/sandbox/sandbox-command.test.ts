// `baton sandbox`: starts the server, prints where and with which token.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePort, startSandboxCommand } from '../../src/cli/commands/sandbox.command';
import type { CliIo } from '../../src/cli/cli-io';
import { main } from '../../src/cli/main';

const capture = () => {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), now: () => 0 };
  return { io, out: () => out, err: () => err };
};

describe('baton sandbox', () => {
  it('starts on the port asked for and prints the URL and the token', async () => {
    const { io, out } = capture();
    const running = await startSandboxCommand({ port: '0', seed: true }, io);
    try {
      expect(out()).toContain(`listening on ${running.url}`);
      expect(out()).toContain('token    sandbox-token');
      expect(out()).toContain('420 deals');
      const response = await fetch(`${running.url}/crm/v3/owners`, {
        headers: { Authorization: 'Bearer sandbox-token' },
      });
      expect(response.status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('keeps the portal in --data-dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-cli-sandbox-'));
    const { io, out } = capture();
    const running = await startSandboxCommand({ port: '0', seed: false, dataDir }, io);
    await running.close();
    expect(out()).toContain(`${dataDir}/sandbox.json`);
    expect(out()).toContain('0 deals');
    expect(existsSync(join(dataDir, 'sandbox.json'))).toBe(true);
  });

  it('takes the port from SANDBOX_PORT, 3001 by default, and refuses what is not a port', () => {
    expect(parsePort(undefined, {})).toBe(3001);
    expect(parsePort(undefined, { SANDBOX_PORT: '4100' })).toBe(4100);
    expect(parsePort('5000', { SANDBOX_PORT: '4100' })).toBe(5000);
    expect(() => parsePort('http', {})).toThrow(
      '--port: expected a port number from 0 to 65535, got "http"',
    );
  });

  it('is a command of the CLI, and a bad port exits 1 with the reason', async () => {
    const help = capture();
    await main(['--help'], help.io);
    expect(help.out()).toMatch(
      /sandbox \[options\]\s+run the local HubSpot-compatible sandbox CRM/,
    );
    const bad = capture();
    expect(await main(['sandbox', '--port', '70000'], bad.io)).toBe(1);
    expect(bad.err()).toContain('--port: expected a port number from 0 to 65535, got "70000"');
  });
});
