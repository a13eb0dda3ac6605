// The extensions bundle as HubSpot bundles them on upload: @hubspot/ui-extensions-dev-server's
// remoteBuild (vite), offline, on the entry files the generator writes, for the marketplace app
// and for the private install's cards. A card that HubSpot could not build (an import it cannot
// resolve, a Node built-in) fails here first.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPOSITORY = resolve(__dirname, '..', '..');
const OUT = join(REPOSITORY, 'build', `uie-test-${process.pid}`);

interface UieBundle {
  name: string;
  install: 'marketplace' | 'private';
  source: string;
  bytes: number;
  gzipBytes: number;
  dist: string;
}

jest.setTimeout(180_000);

let bundles: UieBundle[];

beforeAll(() => {
  const output = execFileSync(
    process.execPath,
    [join(REPOSITORY, 'scripts', 'hubspot', 'uie-bundle.mjs'), OUT, '--private'],
    { cwd: REPOSITORY, encoding: 'utf8' },
  );
  bundles = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as UieBundle);
});

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

it('builds the deal card, the sidebar card and the settings page, and the private cards', () => {
  expect(bundles.map((b) => [b.install, b.name, b.source])).toEqual([
    ['marketplace', 'handoff-card', 'app/cards/handoff-card.jsx'],
    ['marketplace', 'handoff-sidebar', 'app/cards/handoff-sidebar.jsx'],
    ['marketplace', 'settings-page', 'app/settings/settings-page.jsx'],
    ['private', 'handoff-card', 'app/cards/handoff-card.jsx'],
    ['private', 'handoff-sidebar', 'app/cards/handoff-sidebar.jsx'],
  ]);
});

it.each([
  ['marketplace', 'handoff-card'],
  ['marketplace', 'handoff-sidebar'],
  ['marketplace', 'settings-page'],
  ['private', 'handoff-card'],
  ['private', 'handoff-sidebar'],
])(
  'the %s %s is one script for HubSpot to load, React from the host, everything else inside',
  (install, name) => {
    const bundle = bundles.find((b) => b.install === install && b.name === name)!;
    const code = readFileSync(join(bundle.dist, `${name}.js`), 'utf8');
    expect(Buffer.byteLength(code)).toBe(bundle.bytes);
    expect(bundle.gzipBytes).toBeLessThan(bundle.bytes);
    // An IIFE handed React and remote-ui by the host: no import or require is left to resolve.
    expect(code.startsWith(`this["${name}"]`)).toBe(true);
    expect(code.trimEnd().endsWith('React,RemoteUI);')).toBe(true);
    expect(code).not.toMatch(/\bimport\s*[{(]|\brequire\(["']/);
    const manifest = JSON.parse(
      readFileSync(join(bundle.dist, `${name}-manifest.json`), 'utf8'),
    ) as {
      entry: string;
    };
    expect(manifest.entry).toBe(`${name}.jsx`);
  },
);

it("keeps the cards' own words: the bundle is the card, not a placeholder", () => {
  const card = readFileSync(join(bundles[0]!.dist, 'handoff-card.js'), 'utf8');
  expect(card).toContain('Someone else saved this handoff');
  expect(card).toContain('https://baton.example.com');
});

it('builds the private card over the card function, with no backend URL in it', () => {
  const bundle = bundles.find((b) => b.install === 'private' && b.name === 'handoff-card')!;
  const card = readFileSync(join(bundle.dist, 'handoff-card.js'), 'utf8');
  expect(card).toContain('Someone else saved this handoff');
  expect(card).toContain('baton_handoff_card_function');
  expect(card).not.toContain('https://baton.example.com');
});
