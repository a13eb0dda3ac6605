import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/cli-io';
import { runBaton } from './helpers/run-baton';
import { DEFAULT_POLICY, EXAMPLES_DIR, NOW } from '../helpers/handoff-factory';
import { startLocal } from '../../src/cli/commands/start.command';
import { createHubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../src/crm/hubspot/hubspot-client';
import { SANDBOX_TOKEN } from '../../src/sandbox';

const baton = (...argv: string[]) => runBaton(undefined, argv);

const example = (name: string) => join(EXAMPLES_DIR, `${name}.json`);

function tempFile(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('baton score', () => {
  it('prints exactly one JSON object with completeness, missing and quality', async () => {
    const run = await baton('score', example('thin'), '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['completeness', 'missing', 'quality']);
    expect(result.completeness).toBe(28);
    expect(result.missing).toContainEqual({
      path: 'objectives.roiExpectation',
      label: 'ROI expectation',
    });
    expect(result.quality).toMatchObject({ total: 16, band: 'substandard' });
    const parts = (result.quality as { parts: Record<string, { points: number; max: number }> })
      .parts;
    expect(Object.keys(parts)).toHaveLength(9);
    expect(parts.dealSummary).toMatchObject({ points: 4.69, max: 15 });
  });

  it('prints a table for people with the band and every missing item', async () => {
    const run = await baton('score', example('late'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('Completeness  96%');
    expect(run.out).toContain('Quality       63  substandard (needs remediation)');
    expect(run.out).toContain('commitments.ownersAndDueDates');
    expect(run.out).toMatch(/Full agenda covered\s+5\.7\/10/);
  });

  it('names each bad field and exits 1 without a stack trace', async () => {
    const bad = tempFile('bad.json', {
      handoffType: 'sales_to_cs',
      deal: { id: 'd', closedWonAt: '2026-11-02', amount: -1 },
    });
    const run = await baton('score', bad, '--json');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain('deal.closedWonAt: expected an ISO date-time');
    expect(run.err).toContain('deal.amount: expected a non-negative amount');
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('explains a missing file and malformed JSON', async () => {
    expect((await baton('score', '/no/such/handoff.json')).err).toBe(
      'baton: cannot read /no/such/handoff.json: no such file\n',
    );
    const broken = tempFile('broken.json', '{"handoffType": ');
    const run = await baton('score', broken);
    expect(run.code).toBe(1);
    expect(run.err).toContain('not valid JSON');
  });

  it('scores with a policy file that raises the bar', async () => {
    const policy = tempFile('policy.json', {
      templates: { sales_to_cs: { minimumCompleteness: 100 } },
    });
    const run = await baton('score', example('late'), '--policy', policy);
    expect(run.out).toContain('100% needed to submit)');
  });

  it('refuses an invalid policy file naming the field', async () => {
    const policy = tempFile('policy.json', {
      templates: { sales_to_cs: { minimumCompleteness: 120 } },
    });
    const run = await baton('score', example('late'), '--policy', policy);
    expect(run.code).toBe(1);
    expect(run.err).toContain('templates.sales_to_cs.minimumCompleteness: expected 0 to 100');
  });
});

describe('baton sla', () => {
  it('prints every clock with name, status, dueAt and doneAt as JSON', async () => {
    const run = await baton('sla', example('late'), '--now', '2026-11-10T13:00:00Z', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as {
      clocks: { name: string; status: string; dueAt: string; doneAt: string | null }[];
    };
    expect(result.clocks.map((c) => [c.name, c.status])).toEqual([
      ['handoff_meeting', 'breached'],
      ['intro_email', 'breached'],
      ['first_cs_contact', 'breached'],
      ['cs_prep', 'breached'],
      ['kickoff_scheduled', 'at_risk'],
      ['kickoff_held', 'pending'],
      ['revision_fix', 'pending'],
    ]);
    expect(result.clocks[0]).toMatchObject({
      dueAt: '2026-11-08T17:00:00Z',
      doneAt: '2026-11-09T16:00:00Z',
    });
  });

  it('reads the clocks as of --now: later stamps have not happened yet', async () => {
    const run = await baton('sla', example('late'), '--now', '2026-11-08T06:00:00Z', '--json');
    const result = JSON.parse(run.out) as {
      slaState: string;
      clocks: { name: string; status: string }[];
    };
    expect(result.clocks.find((c) => c.name === 'handoff_meeting')?.status).toBe('at_risk');
    expect(result.slaState).toBe('at_risk');
  });

  it('refuses a malformed --now', async () => {
    const run = await baton('sla', example('late'), '--now', 'yesterday');
    expect(run.code).toBe(1);
    expect(run.err).toContain('--now: expected an ISO date-time');
  });
});

describe('baton validate', () => {
  it('confirms valid documents with their completeness', async () => {
    const run = await baton('validate', example('complete'), example('thin'));
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'complete.json: valid sales_to_cs handoff for deal 9001 (completeness 100%)',
    );
    expect(run.out).toContain(
      'thin.json: valid sales_to_cs handoff for deal 9002 (completeness 28%)',
    );
  });

  it('reports every invalid document, not only the first', async () => {
    const a = tempFile('a.json', { handoffType: 'upsell', deal: { id: '1' } });
    const b = tempFile('b.json', {
      handoffType: 'sales_to_cs',
      deal: { id: '2' },
      stakeholders: [{ role: 'ceo' }],
    });
    const run = await baton('validate', a, b);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'handoffType: expected one of sales_to_cs, pre_close, poc_to_paid, rep_to_rep, sdr_to_ae',
    );
    expect(run.err).toContain('stakeholders[0].role: expected one of');
  });
});

describe('baton intro-email', () => {
  it('drafts the email from the AE naming the CSM', async () => {
    const run = await baton(
      'intro-email',
      example('complete'),
      '--ae',
      'Jordan Blake',
      '--csm',
      'Alex Kim',
      '--csm-email',
      'alex@vendor.example',
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('Subject: Introducing Alex Kim, your Customer Success Manager');
    expect(run.out).toContain('Cc: alex@vendor.example');
    expect(run.out).toContain('Alex has the full context');
    expect(run.out.trimEnd().endsWith('Jordan Blake')).toBe(true);
  });
});

describe('baton report', () => {
  it('aggregates a folder per type as JSON', async () => {
    const run = await baton('report', EXAMPLES_DIR, '--by', 'type', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as {
      rows: { group: string; handoffs: number }[];
      total: { handoffs: number };
    };
    expect(report.rows.map((r) => [r.group, r.handoffs])).toEqual([
      ['pre_close', 1],
      ['sales_to_cs', 3],
    ]);
    expect(report.total.handoffs).toBe(4);
  });

  it('groups by team through a roster and prints a table', async () => {
    const roster = tempFile('roster.json', {
      'ae-101': { name: 'Jordan Blake', team: 'Mid-market' },
      'ae-102': { name: 'Sam Rivera', team: 'Mid-market' },
      'ae-103': { name: 'Kim Osei', team: 'Enterprise' },
    });
    const run = await baton('report', EXAMPLES_DIR, '--by', 'team', '--roster', roster);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Enterprise\s+1/);
    expect(run.out).toMatch(/Mid-market\s+3/);
    expect(run.out).toContain('Top gaps named by CS:');
  });

  it('reads JSON Lines and refuses the whole report when one document is invalid', async () => {
    const lines = tempFile(
      'handoffs.jsonl',
      [
        JSON.stringify({ handoffType: 'sales_to_cs', deal: { id: '1' } }),
        JSON.stringify({ handoffType: 'sales_to_cs', deal: {} }),
      ].join('\n'),
    );
    const run = await baton('report', lines);
    expect(run.code).toBe(1);
    expect(run.err).toContain('handoffs.jsonl:2 is not a valid handoff document');
    expect(run.err).toContain('deal.id: required');
  });

  it('rejects an unknown grouping', async () => {
    const run = await baton('report', EXAMPLES_DIR, '--by', 'region');
    expect(run.code).toBe(1);
    expect(run.err).toContain("argument 'region' is invalid");
  });
});

describe('baton', () => {
  it('prints help and exits 0', async () => {
    const run = await baton('--help');
    expect(run.code).toBe(0);
    expect(run.out).toContain('score');
    expect(run.out).toContain('intro-email');
  });

  it('exits 1 on an unknown command', async () => {
    const run = await baton('launch');
    expect(run.code).toBe(1);
    expect(run.err).toContain("unknown command 'launch'");
  });
});

describe('baton start', () => {
  it('starts the sandbox CRM and the backend, evaluates the examples, and hands off a deal closed in the sandbox', async () => {
    let out = '';
    const io: CliIo = {
      out: (t) => (out += t),
      err: () => undefined,
      now: () => NOW,
      env: {
        SANDBOX_PORT: '0',
        PORT: '0',
        BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-start-')),
      },
    };
    const running = await startLocal(io, DEFAULT_POLICY);
    try {
      expect(out).toContain(`listening on ${running.sandboxUrl}`);
      expect((await fetch(`${running.backendUrl}/health`)).status).toBe(200);
      expect(out).toContain('created    Handoff object');
      expect(out).toMatch(/complete\.json\s+sales_to_cs\s+Kickoff held\s+100%\s+100\s+excellent/);
      expect(out).toMatch(
        /thin\.json\s+sales_to_cs\s+Draft\s+28%\s+16\s+substandard\s+breached\s+AE/,
      );

      // Closing a deal in the sandbox reaches the backend as a signed webhook: the handoff
      // starts by itself, with its tasks.
      const adapter = createHubSpotAdapter({
        client: createHubSpotClient({ accessToken: SANDBOX_TOKEN, baseUrl: running.sandboxUrl }),
        log: { warn: () => undefined },
      });
      const won = await adapter.closedWonStages();
      const client = createHubSpotClient({
        accessToken: SANDBOX_TOKEN,
        baseUrl: running.sandboxUrl,
      });
      const page = await client.crm.deals.basicApi.getPage(100, undefined, [
        'pipeline',
        'dealstage',
      ]);
      const open = page.results.find((deal) => {
        const stages = won.byPipeline[deal.properties.pipeline ?? ''] ?? [];
        return stages.length > 0 && !stages.includes(deal.properties.dealstage ?? '');
      })!;
      const closedWon = won.byPipeline[open.properties.pipeline!]![0]!;
      const moved = await fetch(`${running.sandboxUrl}/__sandbox/objects/deals/${open.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ properties: { dealstage: closedWon } }),
      });
      expect(moved.status).toBe(200);
      const deadline = Date.now() + 30_000;
      let context = await adapter.loadDealContext(open.id);
      while (context.handoff === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        context = await adapter.loadDealContext(open.id);
      }
      expect(context.handoff?.links.tasks).toBeDefined();
      expect(Object.keys(context.handoff!.links.tasks).length).toBeGreaterThan(0);
    } finally {
      await running.close();
    }
  }, 60_000);
});
