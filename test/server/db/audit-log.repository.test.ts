// The audit log: every transition in order, per handoff, and nothing can rewrite it.
import { type AuditEntryInput, createAuditLogRepository } from '../../../src/server/db';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

const HANDOFF = { portalId: '4242', handoffKey: 'deal-1:sales_to_cs' };

const entry = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  ...HANDOFF,
  actor: { id: 'ae-1', role: 'ae' },
  action: 'handoff.submitted',
  fromState: 'draft',
  toState: 'submitted',
  at: NOW,
  details: { completeness: 92, resubmission: false },
  ...overrides,
});

describe.each(BACKENDS)('the audit log on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());

  const log = () => createAuditLogRepository(t.db);

  it('returns what was appended, with an id', async () => {
    const appended = await log().append(entry());
    expect(appended).toEqual({ ...entry(), id: expect.any(Number) });
    expect(await log().listFor(HANDOFF)).toEqual([appended]);
  });

  it('lists a handoff history in the order it happened, ties in the order appended', async () => {
    const created = entry({
      actor: { id: 'baton', role: 'system' },
      action: 'handoff.created',
      fromState: null,
      toState: 'draft',
      at: minutesAfter(NOW, -60),
      details: {},
    });
    const accepted = entry({
      actor: { id: 'csm-1', role: 'csm' },
      action: 'handoff.accepted',
      fromState: 'submitted',
      toState: 'accepted',
      at: minutesAfter(NOW, 30),
    });
    const transferred = {
      ...accepted,
      action: 'ownership.transferred',
      fromState: 'accepted' as const,
    };
    // Appended out of order, as copies of the backend may.
    await log().append(accepted);
    await log().append(transferred);
    await log().append(entry());
    await log().append(created);
    const history = await log().listFor(HANDOFF);
    expect(history.map((e) => e.action)).toEqual([
      'handoff.created',
      'handoff.submitted',
      'handoff.accepted',
      'ownership.transferred',
    ]);
    expect(history[0]).toMatchObject({ actor: { id: 'baton', role: 'system' }, fromState: null });
  });

  it('keeps handoffs with the same key in different portals apart', async () => {
    await log().append(entry());
    await log().append(entry({ portalId: '9999' }));
    expect(await log().listFor(HANDOFF)).toHaveLength(1);
    expect(await log().listFor({ portalId: '9999', handoffKey: HANDOFF.handoffKey })).toHaveLength(
      1,
    );
  });

  it('refuses to change or delete an entry', async () => {
    await log().append(entry());
    await expect(t.db.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(
      'audit_log is append-only: UPDATE is not allowed',
    );
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(
      'audit_log is append-only: DELETE is not allowed',
    );
    expect(await log().listFor(HANDOFF)).toHaveLength(1);
  });

  it('refuses an unknown role or state, naming what is allowed', async () => {
    await expect(
      log().append(entry({ actor: { id: 'x', role: 'intern' as 'ae' } })),
    ).rejects.toThrow(
      'expected one of ae, sdr, sales_manager, csm, cs_manager, cs_ops, admin, system',
    );
    await expect(log().append(entry({ toState: 'lost' as 'draft' }))).rejects.toThrow(
      /expected one of pending_approval, draft/,
    );
    expect(await log().listFor(HANDOFF)).toEqual([]);
  });
});
