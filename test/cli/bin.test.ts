// The package's real entry point, as `npx baton` runs it: the built bundle on the project's Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli-only'], { cwd: root });
});

describe('bin/baton.js', () => {
  it('scores an example end to end', () => {
    const run = spawnSync(
      process.execPath,
      [join(root, 'bin', 'baton.js'), 'score', 'examples/complete.json', '--json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      completeness: 100,
      quality: { total: 100, band: 'excellent' },
    });
  });

  it('exits 1 with a message, not a stack trace, on bad input', () => {
    const run = spawnSync(
      process.execPath,
      [join(root, 'bin', 'baton.js'), 'sla', 'examples/nope.json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('baton: cannot read examples/nope.json: no such file\n');
  });
});

describe('bin/baton.js in a pipe', () => {
  it('exits quietly when the reader closes the pipe before it writes', () => {
    // `true` exits without reading, so every write of the CLI meets a closed pipe (EPIPE).
    const run = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" bin/baton.js report examples --json | true`],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
