// The handoff document as CRM records: the handoff itself, one record per commitment and per
// stakeholder, and the deal's write-back properties. CRM-neutral: the HubSpot and Salesforce
// adapters turn these values into their own wire formats.
import type { Commitment, HandoffDocument, Stakeholder } from '../core';
import { handoffDocumentSchema } from '../core';
import type { HandoffWrite, RecordLinks } from './crm-adapter';

export type RecordValue = string | number | boolean | null;
export type RecordProperties = Record<string, RecordValue>;

export const EMPTY_LINKS: RecordLinks = { tasks: {}, commitments: {}, stakeholders: {} };

export function handoffKeyOf(doc: Pick<HandoffDocument, 'handoffType' | 'deal'>): string {
  return `${doc.deal.id}:${doc.handoffType}`;
}

export function commitmentKeyOf(handoffKey: string, commitment: Commitment, index: number): string {
  return `${handoffKey}:${commitment.id?.trim() || `c${index + 1}`}`;
}

export function stakeholderKeysOf(
  handoffKey: string,
  stakeholders: readonly Stakeholder[],
): string[] {
  const seen = new Map<string, number>();
  return stakeholders.map((stakeholder) => {
    const n = (seen.get(stakeholder.role) ?? 0) + 1;
    seen.set(stakeholder.role, n);
    return `${handoffKey}:${stakeholder.role}:${n}`;
  });
}

export function handoffProperties(
  write: HandoffWrite,
  version: number,
  links: RecordLinks,
): RecordProperties {
  const { document: doc, summary } = write;
  const timeline = doc.timeline ?? {};
  return {
    handoff_key: handoffKeyOf(doc),
    handoff_name: `${doc.deal.name?.trim() || `Deal ${doc.deal.id}`} · ${doc.handoffType}`,
    handoff_type: doc.handoffType,
    deal_id: doc.deal.id,
    lifecycle_state: summary.state,
    review_status: summary.reviewStatus,
    owner_side: summary.ownerSide,
    sender_owner_id: write.senderOwnerId,
    receiver_owner_id: write.receiverOwnerId,
    gaps: (doc.review?.gaps ?? []).join('\n'),
    returns: doc.review?.rejections ?? 0,
    churn_risk: doc.risks?.churnRisk ?? null,
    primary_objective: doc.objectives?.primaryObjective ?? null,
    document_json: JSON.stringify(doc),
    document_version: version,
    record_links: JSON.stringify(links),
    ...(write.rules ? { handoff_rules: JSON.stringify(write.rules) } : {}),
    completeness: summary.completeness,
    quality: summary.quality,
    quality_band: summary.qualityBand,
    sla_state: summary.slaState,
    missing_items: summary.missing.join('\n'),
    closed_won_at: doc.deal.closedWonAt ?? null,
    submitted_at: timeline.submittedAt ?? null,
    accepted_at: timeline.acceptedAt ?? null,
    returned_at: doc.review?.returnedAt ?? null,
    meeting_held_at: doc.meeting?.heldAt ?? null,
    intro_sent_at: timeline.introSentAt ?? null,
    first_cs_contact_at: timeline.firstCsContactAt ?? null,
    kickoff_held_at: timeline.kickoffHeldAt ?? null,
    completed_at: timeline.completedAt ?? null,
    accepted_by: doc.review?.acceptedBy ?? null,
  };
}

export function commitmentProperties(
  handoffKey: string,
  doc: HandoffDocument,
): { key: string; properties: RecordProperties }[] {
  return (doc.commitments ?? []).map((commitment, index) => {
    const key = commitmentKeyOf(handoffKey, commitment, index);
    return {
      key,
      properties: {
        commitment_key: key,
        handoff_key: handoffKey,
        description: commitment.description ?? '',
        commitment_type: commitment.type ?? null,
        owner: commitment.owner ?? null,
        due_date:
          commitment.dueDate && /^\d{4}-\d{2}-\d{2}/.test(commitment.dueDate)
            ? commitment.dueDate.slice(0, 10)
            : null,
        in_contract: commitment.inContract ?? null,
        status: commitment.status ?? 'open',
      },
    };
  });
}

export function stakeholderProperties(
  handoffKey: string,
  doc: HandoffDocument,
): { key: string; properties: RecordProperties }[] {
  const stakeholders = doc.stakeholders ?? [];
  const keys = stakeholderKeysOf(handoffKey, stakeholders);
  return stakeholders.map((stakeholder, index) => ({
    key: keys[index]!,
    properties: {
      stakeholder_key: keys[index]!,
      handoff_key: handoffKey,
      role: stakeholder.role,
      full_name: stakeholder.name ?? null,
      job_title: stakeholder.title ?? null,
      email: stakeholder.email ?? null,
      objectives: stakeholder.objectives ?? null,
      communication_preference: stakeholder.communicationPreference ?? null,
      relationship_strength: stakeholder.relationshipStrength ?? null,
      sentiment: stakeholder.sentiment ?? null,
    },
  }));
}

export function dealWriteBack(
  write: Pick<HandoffWrite, 'document' | 'summary' | 'receiverOwnerId'>,
): RecordProperties {
  const { summary, document: doc } = write;
  return {
    baton_handoff_key: handoffKeyOf(doc),
    baton_status: summary.state,
    baton_completeness: summary.completeness,
    baton_quality: summary.quality,
    baton_quality_band: summary.qualityBand,
    baton_sla_state: summary.slaState,
    baton_owner_side: summary.ownerSide,
    baton_handoff_date: doc.timeline?.acceptedAt ?? null,
    // The CSM Baton assigned, so the deal (and the card) know who receives the customer.
    ...(write.receiverOwnerId ? { baton_csm_owner_id: write.receiverOwnerId } : {}),
  };
}

/** Reads a stored document back, refusing one that no longer validates rather than guessing. */
export function parseStoredDocument(json: string | null | undefined, key: string): HandoffDocument {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '');
  } catch {
    throw new Error(`handoff ${key}: the stored document is not valid JSON`);
  }
  const parsed = handoffDocumentSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`handoff ${key}: the stored document is not a valid handoff document v1`);
  return parsed.data;
}

export function parseLinks(json: string | null | undefined): RecordLinks {
  if (!json) return EMPTY_LINKS;
  try {
    const value = JSON.parse(json) as Partial<RecordLinks>;
    return {
      tasks: value.tasks ?? {},
      commitments: value.commitments ?? {},
      stakeholders: value.stakeholders ?? {},
    };
  } catch {
    return EMPTY_LINKS;
  }
}
