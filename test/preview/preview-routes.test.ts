// The local preview as `npm start` serves it: the page and its bundle, the deals board read
// from the sandbox, moving a deal to closed-won (the real webhook path starts its handoff), and
// the signing proxy that stands in for HubSpot's `hubspot.fetch`, for each person it acts as.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningLocal, startLocal } from '../../src/cli/commands/start.command';
import type { CliIo } from '../../src/cli/cli-io';
import { DEFAULT_POLICY } from '../../src/core';
import { SEED_OWNERS } from '../../src/sandbox';
import { bundlePreview } from '../../scripts/preview/bundle-preview';

jest.setTimeout(120_000);

interface Board {
  portalId: number;
  pipelines: {
    id: string;
    stages: { id: string; label: string; isWon: boolean; isClosed: boolean }[];
  }[];
  deals: { id: string; properties: Record<string, string | null> }[];
  people: { id: string; userId: number | null; role: string; email: string | null }[];
}

let running: RunningLocal;
let out = '';
const assets = mkdtempSync(join(tmpdir(), 'baton-preview-assets-'));

beforeAll(async () => {
  await bundlePreview(assets);
  const io: CliIo = {
    out: (text) => (out += text),
    err: () => undefined,
    now: () => Date.now(),
    env: {
      SANDBOX_PORT: '0',
      PORT: '0',
      BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-preview-')),
      BATON_PREVIEW_DIR: assets,
    },
  };
  running = await startLocal(io, DEFAULT_POLICY);
});

afterAll(async () => {
  await running?.close();
});

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${running.backendUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

const post = (path: string, body: unknown) =>
  fetch(`${running.backendUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The card's `hubspot.fetch` as the preview sends it: through the signing proxy. */
async function cardFetch(userId: number, path: string, method = 'GET', body?: unknown) {
  const response = await post('/preview/api/fetch', {
    path,
    method,
    userId,
    ...(body === undefined ? {} : { body }),
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { status: number; body: string };
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

const userOf = (role: string) => SEED_OWNERS.find((owner) => owner.role === role)!;

describe('the local preview', () => {
  it('serves the page, its bundle and its styles, and says where it is', async () => {
    expect(out).toContain(`${running.previewUrl}`);
    const page = await fetch(running.previewUrl);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('/preview/assets/app.js');
    const js = await fetch(`${running.backendUrl}/preview/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    // The card's own code is in the bundle, not a copy of it: its texts are there.
    expect(await js.text()).toContain('Someone else saved this handoff');
    const css = await fetch(`${running.backendUrl}/preview/assets/app.css`);
    expect(css.status).toBe(200);
    expect((await fetch(`${running.backendUrl}/preview/assets/secrets.json`)).status).toBe(404);
  });

  it('shows the sandbox portal as a deals board, with the people and their roles', async () => {
    const board = await get<Board>('/preview/api/board');
    expect(board.deals.length).toBeGreaterThanOrEqual(400);
    expect(board.pipelines.length).toBeGreaterThan(1);
    for (const pipeline of board.pipelines) {
      expect(pipeline.stages.filter((stage) => stage.isWon)).toHaveLength(1);
    }
    const roles = new Set(board.people.map((person) => person.role));
    expect([...roles].sort()).toEqual(['ae', 'cs_manager', 'cs_ops', 'csm']);
  });

  it('closes a deal from the board, and the card, through the signing proxy, shows its handoff to each person', async () => {
    const board = await get<Board>('/preview/api/board');
    const pipeline = board.pipelines[0]!;
    const won = pipeline.stages.find((stage) => stage.isWon)!;
    const open = board.deals.find(
      (deal) =>
        deal.properties.pipeline === pipeline.id &&
        pipeline.stages.find((stage) => stage.id === deal.properties.dealstage)?.isClosed === false,
    )!;
    const ae = board.people.find((person) => person.id === open.properties.hubspot_owner_id)!;

    const moved = await post(`/preview/api/deals/${open.id}/stage`, {
      stageId: won.id,
      userId: ae.userId,
    });
    expect(moved.status).toBe(200);

    // The sandbox sends the stage change as a signed webhook; the backend's job starts the
    // handoff; the deal then carries its key, and its tasks are on it.
    const deadline = Date.now() + 60_000;
    let details = await get<{
      deal: { properties: Record<string, string | null> };
      tasks: { subject: string }[];
    }>(`/preview/api/deals/${open.id}`);
    while (!details.deal.properties.baton_handoff_key && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      details = await get(`/preview/api/deals/${open.id}`);
    }
    expect(details.deal.properties.baton_status).toBe('draft');
    expect(details.tasks).toHaveLength(5);

    const asAe = await cardFetch(ae.userId!, `/api/deals/${open.id}/handoff`);
    expect(asAe.status).toBe(200);
    const handoff = asAe.body.handoff as { canEdit: boolean; state: string; version: number };
    expect(handoff.state).toBe('draft');
    expect(handoff.canEdit).toBe(true);

    // As a CSM the same card is read-only, and the backend (not the page) refuses a save.
    const csm = userOf('csm');
    const asCsm = await cardFetch(csm.userId, `/api/deals/${open.id}/handoff`);
    expect((asCsm.body.handoff as { canEdit: boolean }).canEdit).toBe(false);
    const refused = await cardFetch(csm.userId, `/api/deals/${open.id}/handoff`, 'PUT', {
      baseVersion: handoff.version,
      sections: { risks: { churnRisk: 'low' } },
    });
    expect(refused.status).toBe(403);
  });

  it('forwards only card API calls, only for people of the portal, with a clear error', async () => {
    const outside = await post('/preview/api/fetch', {
      path: '/hubspot/webhooks',
      method: 'POST',
      userId: userOf('ae').userId,
    });
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain('path');

    const stranger = await post('/preview/api/fetch', {
      path: '/api/deals/1/handoff',
      method: 'GET',
      userId: 424242,
    });
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('userId');

    const badMove = await post('/preview/api/deals/abc/stage', { stageId: 'x', userId: null });
    expect(badMove.status).toBe(400);
  });
});
