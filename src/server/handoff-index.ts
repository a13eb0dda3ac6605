// Keeps the database's handoff index in step with the CRM: after every write of a handoff its
// lifecycle state and the next instant its SLA clocks need a look, so the sweep reads only the
// handoffs due instead of every open one in every portal.
import { type HandoffDocument, type Policy, analyzeHandoff } from '../core';
import type { BackendDeps } from './backend-deps';
import { describeError } from './logger';

export interface IndexedHandoff {
  portalId: string;
  dealId: string;
  handoffKey: string;
  document: HandoffDocument;
  /** The portal's policy (see settingsFor): its windows decide the next SLA instant. */
  policy: Policy;
}

/**
 * Records the handoff's state and next SLA instant. The CRM write it follows has happened; a
 * failure here only delays the sweep's look (the next write or a backfill re-indexes it), so it
 * is logged, not thrown at a caller who would retry a done thing.
 */
export async function indexHandoff(deps: BackendDeps, handoff: IndexedHandoff): Promise<void> {
  const now = deps.now();
  const analysis = analyzeHandoff(handoff.document, handoff.policy, now);
  try {
    await deps.storage.handoffIndex.upsert({
      portalId: handoff.portalId,
      handoffKey: handoff.handoffKey,
      dealId: handoff.dealId,
      state: analysis.state,
      nextDueAt:
        analysis.state === 'completed' || analysis.nextSlaCheckAt === null
          ? null
          : new Date(analysis.nextSlaCheckAt),
      updatedAt: new Date(now),
    });
  } catch (error) {
    deps.log.error(
      { portalId: handoff.portalId, handoffKey: handoff.handoffKey, err: describeError(error) },
      'could not update the handoff index; the SLA sweep sees this handoff late',
    );
  }
}
