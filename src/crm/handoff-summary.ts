// What the CRM shows of a handoff (the handoff record's and the deal's report properties),
// computed by the core so every writer, HubSpot or Salesforce, reports the same numbers.
import { type HandoffDocument, type Policy, analyzeHandoff } from '../core';
import type { HandoffSummary } from './crm-adapter';

export function summarizeHandoff(
  doc: HandoffDocument,
  policy: Policy,
  now: number,
): HandoffSummary {
  const analysis = analyzeHandoff(doc, policy, now);
  return {
    state: analysis.state,
    reviewStatus: doc.review?.status ?? 'pending',
    ownerSide: analysis.ownership.side,
    completeness: analysis.completeness.score,
    quality: analysis.quality.total,
    qualityBand: analysis.quality.band,
    slaState: analysis.slaState,
    missing: analysis.completeness.missing.map((item) => item.label),
  };
}
