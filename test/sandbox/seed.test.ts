// The seed portal: deterministic, realistic, and shaped like a real sales-to-CS organisation.
import { CONTACT_ROLES, ENTERPRISE_PIPELINE_ID, SEED_OWNERS, SEED_TEAMS } from '../../src/sandbox';
import { isClosedWon } from '../../src/sandbox/model/pipeline-rules';
import { seededPortalState } from '../../src/sandbox/seed/seed';
import { TEST_EPOCH } from './helpers/sandbox-harness';

const state = seededPortalState({ portalId: 22334455, now: TEST_EPOCH });
const records = (typeId: string) => state.records[typeId] ?? [];
const deals = records('0-3');
const companies = records('0-2');
const contacts = records('0-1');

describe('seed portal', () => {
  it('is the same every time for the same day', () => {
    expect(seededPortalState({ portalId: 22334455, now: TEST_EPOCH })).toEqual(state);
  });

  it('has ~30 deals at every stage of both pipelines', () => {
    const stages = state.pipelines.reduce((n, pipeline) => n + pipeline.stages.length, 0);
    expect(deals).toHaveLength(30 * stages);
    for (const pipeline of state.pipelines) {
      for (const stage of pipeline.stages) {
        const here = deals.filter(
          (d) => d.properties['pipeline'] === pipeline.id && d.properties['dealstage'] === stage.id,
        );
        expect(here).toHaveLength(30);
        for (const deal of here)
          expect(deal.properties['hs_is_closed_won']).toBe(String(isClosedWon(stage)));
      }
    }
    expect(state.pipelines.map((p) => p.id)).toEqual(['default', ENTERPRISE_PIPELINE_ID]);
  });

  it('gives deals amounts, close dates on the right side of today, and an AE of the pipeline’s team', () => {
    for (const deal of deals) {
      const p = deal.properties;
      expect(Number(p['amount'])).toBeGreaterThan(0);
      const closed = p['hs_is_closed'] === 'true';
      expect(Date.parse(p['closedate'] ?? '') < TEST_EPOCH).toBe(closed);
      const owner = SEED_OWNERS.find((o) => o.id === p['hubspot_owner_id']);
      expect(owner?.role).toBe('ae');
      expect(owner?.teamId).toBe(
        p['pipeline'] === 'default' ? SEED_TEAMS.midMarket.id : SEED_TEAMS.enterprise.id,
      );
      expect(p['dealname']).toMatch(/^[A-Z][\w ]+ - [A-Z]/);
    }
  });

  it('has ~60 companies with names, .example domains, industries and sizes', () => {
    expect(companies).toHaveLength(60);
    expect(new Set(companies.map((c) => c.properties['name'])).size).toBe(60);
    for (const company of companies) {
      expect(company.properties['domain']).toMatch(/^[a-z0-9]+\.example$/);
      expect(company.properties['industry']).toMatch(/^[A-Z_]+$/);
      expect(Number(company.properties['numberofemployees'])).toBeGreaterThan(0);
    }
  });

  it('puts contacts with roles on every deal, always a champion', () => {
    const labels = new Map(
      state.associationTypes
        .filter((t) => t.category === 'USER_DEFINED' && t.fromObjectTypeId === '0-3')
        .map((t) => [t.typeId, t.label]),
    );
    expect([...labels.values()]).toEqual(Object.values(CONTACT_ROLES).map((r) => r.label));
    for (const deal of deals) {
      const roles = state.associations
        .filter(
          (a) => a.fromObjectTypeId === '0-3' && a.fromId === deal.id && a.toObjectTypeId === '0-1',
        )
        .flatMap((a) => a.typeIds.map((id) => labels.get(id)).filter((l) => l !== undefined));
      expect(roles).toContain('Champion');
      expect(roles.length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(contacts.map((c) => c.properties['email'])).size).toBe(contacts.length);
  });

  it('has AEs on two sales teams and a Customer Success team of managers, CSMs and CS ops', () => {
    const count = (role: string) => SEED_OWNERS.filter((o) => o.role === role).length;
    expect(count('ae')).toBeGreaterThanOrEqual(4);
    expect(count('ae')).toBeLessThanOrEqual(6);
    expect(count('cs_manager')).toBe(2);
    expect(count('csm')).toBeGreaterThanOrEqual(4);
    expect(count('cs_ops')).toBe(1);
    expect(new Set(SEED_OWNERS.filter((o) => o.role === 'ae').map((o) => o.teamId))).toEqual(
      new Set([SEED_TEAMS.midMarket.id, SEED_TEAMS.enterprise.id]),
    );
    expect(
      SEED_OWNERS.filter((o) => o.role !== 'ae').every(
        (o) => o.teamId === SEED_TEAMS.customerSuccess.id,
      ),
    ).toBe(true);
    expect(state.owners.map((o) => o.id)).toEqual(SEED_OWNERS.map((o) => o.id));
    expect(SEED_OWNERS.every((o) => o.email.endsWith('.example'))).toBe(true);
  });
});
