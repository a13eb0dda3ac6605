// The audit log's lines: one per lifecycle transition, and one when a handoff came into being.
import type { LifecycleEvent } from '../../src/core';
import { SYSTEM_ACTOR, creationEntry, transitionEntries } from '../../src/server/audit-entries';

const at = '2026-11-23T12:00:00Z';

describe('audit entries', () => {
  it('records who moved a handoff from which state to which, and what else the event says', () => {
    const events: LifecycleEvent[] = [
      {
        type: 'handoff.returned',
        at,
        actor: { id: '71020321', role: 'csm' },
        from: 'submitted',
        to: 'needs_revision',
        decision: 'needs_revision',
        gaps: ['objectives.roiExpectation'],
        returns: 1,
        fixDueAt: '2026-11-24T12:00:00Z',
      },
    ];
    expect(transitionEntries('62515', '42:sales_to_cs', events)).toEqual([
      {
        portalId: '62515',
        handoffKey: '42:sales_to_cs',
        actor: { id: '71020321', role: 'csm' },
        action: 'handoff.returned',
        fromState: 'submitted',
        toState: 'needs_revision',
        at: new Date(at),
        details: {
          decision: 'needs_revision',
          gaps: ['objectives.roiExpectation'],
          returns: 1,
          fixDueAt: '2026-11-24T12:00:00Z',
        },
      },
    ]);
  });

  it('records a new handoff as coming from nothing, by Baton unless a person started it', () => {
    expect(
      creationEntry('62515', '42:sales_to_cs', {
        actor: SYSTEM_ACTOR,
        state: 'draft',
        at: Date.parse(at),
        details: { source: 'webhook' },
      }),
    ).toMatchObject({
      actor: { id: 'baton', role: 'system' },
      action: 'handoff.created',
      fromState: null,
      toState: 'draft',
    });
  });
});
