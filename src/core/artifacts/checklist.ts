// The handoff checklist (PROTOCOL.md section 8), ticked from the document where the document
// knows, and left to people ("manual") where it cannot: whether the intro approach was agreed
// is said in the meeting, not written in a field.
import type { HandoffDocument } from '../document/handoff-document.schema';
import { toInstant } from '../document/dates';
import { isFilledText } from '../document/filled';
import { AGENDA_LABELS, AGENDA_SEGMENTS } from '../document/vocabulary';
import { type ItemCategory, itemAt } from '../items/handoff-items';
import type { HandoffTemplate } from '../policy/policy.schema';
import { requiredParticipants } from '../scoring/quality';
import type { SlaClock } from '../sla/sla-clocks';

export type ChecklistStage = 'pre_handoff' | 'meeting' | 'post_handoff';
export type ChecklistStatus = 'done' | 'open' | 'manual';

export interface ChecklistItem {
  key: string;
  stage: ChecklistStage;
  label: string;
  status: ChecklistStatus;
}

export interface ChecklistContext {
  clocks: readonly SlaClock[];
  /** Whether a CSM is assigned in the CRM; unknown leaves the item to people. */
  csmAssigned?: boolean;
  /** Items people ticked by hand, by key. */
  ticked?: ReadonlySet<string>;
}

function categoryFilled(
  doc: HandoffDocument,
  template: HandoffTemplate,
  categories: ItemCategory[],
): boolean {
  return template.requiredItems
    .map(itemAt)
    .filter((item) => categories.includes(item.category))
    .every((item) => item.isFilled(doc));
}

export function buildChecklist(
  doc: HandoffDocument,
  template: HandoffTemplate,
  ctx: ChecklistContext,
): ChecklistItem[] {
  const held = toInstant(doc.meeting?.heldAt) !== null;
  const covered = new Set(doc.meeting?.agendaCovered ?? []);
  const present = new Set(doc.meeting?.participants ?? []);
  const clock = (name: SlaClock['name']) => ctx.clocks.find((c) => c.name === name);
  const tick = (ok: boolean): ChecklistStatus => (ok ? 'done' : 'open');
  const manual = (key: string): ChecklistStatus => (ctx.ticked?.has(key) ? 'done' : 'manual');
  const asked = doc.meeting?.questionsAsked ?? 0;

  const items: Omit<ChecklistItem, 'stage'>[][] = [
    [
      {
        key: 'crm_updated',
        label: 'CRM deal record updated',
        status: tick(
          isFilledText(doc.deal.name) &&
            isFilledText(doc.deal.ownerId) &&
            isFilledText(doc.deal.closedWonAt),
        ),
      },
      {
        key: 'summary_done',
        label: 'Deal summary complete',
        status: tick(
          categoryFilled(doc, template, [
            'customer_context',
            'objectives',
            'technical',
            'implementation',
            'commercial',
          ]),
        ),
      },
      {
        key: 'stakeholder_map',
        label: 'Stakeholder map documented',
        status: tick(categoryFilled(doc, template, ['stakeholders'])),
      },
      {
        key: 'commitments_validated',
        label: 'Commitments validated',
        status: tick(categoryFilled(doc, template, ['commitments'])),
      },
      {
        key: 'csm_assigned',
        label: 'CSM assigned',
        status: ctx.csmAssigned === undefined ? manual('csm_assigned') : tick(ctx.csmAssigned),
      },
      {
        key: 'meeting_scheduled',
        label: 'Handoff meeting scheduled',
        status: held ? 'done' : manual('meeting_scheduled'),
      },
    ],
    [
      {
        key: 'participants',
        label: `Required participants present (${requiredParticipants(doc, template).join(', ')})`,
        status: tick(held && requiredParticipants(doc, template).every((p) => present.has(p))),
      },
      ...AGENDA_SEGMENTS.map((segment) => ({
        key: `agenda_${segment}`,
        label: `Agenda: ${AGENDA_LABELS[segment]}`,
        status: tick(held && covered.has(segment)),
      })),
      {
        key: 'questions_answered',
        label: 'CS questions answered',
        status: tick(held && (doc.meeting?.questionsAnswered ?? 0) >= asked),
      },
      {
        key: 'intro_approach',
        label: 'Customer intro approach agreed',
        status: manual('intro_approach'),
      },
      {
        key: 'action_items',
        label: 'Action items assigned with owners',
        status: manual('action_items'),
      },
    ],
    [
      { key: 'notes_filed', label: 'Meeting notes filed', status: tick(held) },
      {
        key: 'handoff_date',
        label: 'Handoff date recorded on the deal',
        status: tick(Boolean(doc.timeline?.submittedAt)),
      },
      { key: 'accepted', label: 'Accepted by CS', status: tick(Boolean(doc.timeline?.acceptedAt)) },
      {
        key: 'intro_within_48h',
        label: 'Intro email sent within 48 h',
        status: tick(clock('intro_email')?.status === 'met'),
      },
      {
        key: 'kickoff_on_time',
        label: 'Kickoff held within 7-10 days',
        status: tick(clock('kickoff_held')?.status === 'met'),
      },
    ],
  ];
  const stages: ChecklistStage[] = ['pre_handoff', 'meeting', 'post_handoff'];
  return items.flatMap((group, i) => group.map((item) => ({ ...item, stage: stages[i]! })));
}
