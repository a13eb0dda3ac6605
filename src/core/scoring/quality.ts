// Quality (PROTOCOL.md section 4): nine weighted parts, summed unrounded, then rounded.
// The item-based parts count the template's required items in their categories; with the
// default sales_to_cs template that is exactly the 16 / 4 / 2 / 3 items of the protocol. A
// category the template does not require scores full points: nothing was asked of the sender.
import type { HandoffDocument } from '../document/handoff-document.schema';
import { toInstant } from '../document/dates';
import type { AgendaSegment, MeetingParticipant } from '../document/vocabulary';
import { AGENDA_SEGMENTS } from '../document/vocabulary';
import { type ItemCategory, itemAt } from '../items/handoff-items';
import type { HandoffTemplate } from '../policy/policy.schema';
import { type WorkingCalendar, addWindow } from '../time/working-calendar';

export const QUALITY_BANDS = ['excellent', 'good', 'acceptable', 'substandard'] as const;
export type QualityBand = (typeof QUALITY_BANDS)[number];

export const QUALITY_PARTS = [
  'dealSummary',
  'stakeholderMap',
  'commitments',
  'riskFactors',
  'participants',
  'agenda',
  'questions',
  'handoffWithinSla',
  'introWithin48h',
] as const;
export type QualityPartName = (typeof QUALITY_PARTS)[number];

export interface QualityPart {
  /** Unrounded points earned. */
  points: number;
  max: number;
  /** What the points are made of, for people: "12 of 16 items filled". */
  detail: string;
}

export interface Quality {
  total: number;
  band: QualityBand;
  parts: Record<QualityPartName, QualityPart>;
}

const SUMMARY_CATEGORIES: readonly ItemCategory[] = [
  'customer_context',
  'objectives',
  'technical',
  'implementation',
  'commercial',
];
const DEFAULT_INTRO_HOURS = 48;
const DEFAULT_MEETING_HOURS = 48;

export function bandOf(total: number): QualityBand {
  if (total >= 90) return 'excellent';
  if (total >= 80) return 'good';
  if (total >= 70) return 'acceptable';
  return 'substandard';
}

function itemPart(
  doc: HandoffDocument,
  template: HandoffTemplate,
  categories: readonly ItemCategory[],
  max: number,
  noun: string,
): QualityPart {
  const items = template.requiredItems
    .map(itemAt)
    .filter((item) => categories.includes(item.category));
  if (items.length === 0) return { points: max, max, detail: `no ${noun} required` };
  const filled = items.filter((item) => item.isFilled(doc)).length;
  return {
    points: (max * filled) / items.length,
    max,
    detail: `${filled} of ${items.length} ${noun} filled`,
  };
}

function withinWindow(
  doneAt: string | null | undefined,
  closedWonAt: number | null,
  end: (start: number) => number,
) {
  const done = toInstant(doneAt);
  if (done === null) return false;
  // Earlier than the close counts, as in a pre-close handoff; with no close yet, anything done
  // is necessarily earlier.
  return closedWonAt === null || done <= end(closedWonAt);
}

export function requiredParticipants(
  doc: HandoffDocument,
  template: HandoffTemplate,
): MeetingParticipant[] {
  const required = new Set(template.requiredParticipants);
  if (doc.deal.strategic === true) for (const p of template.strategicParticipants) required.add(p);
  return [...required];
}

export function scoreQuality(
  doc: HandoffDocument,
  template: HandoffTemplate,
  calendar: WorkingCalendar,
): Quality {
  const meeting = doc.meeting;
  const held = toInstant(meeting?.heldAt) !== null;
  const closedWonAt = toInstant(doc.deal.closedWonAt);

  const required = requiredParticipants(doc, template);
  const present = new Set<MeetingParticipant>(meeting?.participants ?? []);
  const presentCount = required.filter((p) => present.has(p)).length;
  const covered = new Set<AgendaSegment>(meeting?.agendaCovered ?? []);
  const asked = meeting?.questionsAsked ?? 0;
  const answered = Math.min(meeting?.questionsAnswered ?? 0, asked);

  const meetingHours = template.sla.handoff_meeting?.hours ?? DEFAULT_MEETING_HOURS;
  const introHours = template.sla.intro_email?.hours ?? DEFAULT_INTRO_HOURS;
  const meetingOnTime = withinWindow(meeting?.heldAt, closedWonAt, (s) =>
    addWindow(s, meetingHours, calendar),
  );
  const introOnTime = withinWindow(doc.timeline?.introSentAt, closedWonAt, (s) =>
    addWindow(s, introHours, calendar),
  );

  const notHeld = (max: number): QualityPart => ({ points: 0, max, detail: 'no meeting held yet' });
  const parts: Record<QualityPartName, QualityPart> = {
    dealSummary: itemPart(doc, template, SUMMARY_CATEGORIES, 15, 'summary items'),
    stakeholderMap: itemPart(doc, template, ['stakeholders'], 10, 'stakeholder roles'),
    commitments: itemPart(doc, template, ['commitments'], 15, 'commitment items'),
    riskFactors: itemPart(doc, template, ['risks'], 10, 'risk items'),
    participants: !held
      ? notHeld(10)
      : {
          points: required.length === 0 ? 10 : (10 * presentCount) / required.length,
          max: 10,
          detail: `${presentCount} of ${required.length} required participants (${required.join(', ')})`,
        },
    agenda: !held
      ? notHeld(10)
      : {
          points: (10 * covered.size) / AGENDA_SEGMENTS.length,
          max: 10,
          detail: `${covered.size} of ${AGENDA_SEGMENTS.length} agenda segments covered`,
        },
    questions: !held
      ? notHeld(10)
      : asked === 0
        ? { points: 10, max: 10, detail: 'no questions asked' }
        : {
            points: (10 * answered) / asked,
            max: 10,
            detail: `${answered} of ${asked} questions answered`,
          },
    handoffWithinSla: {
      points: meetingOnTime ? 15 : 0,
      max: 15,
      detail: meetingOnTime
        ? `meeting held within ${meetingHours} h of close`
        : held
          ? `meeting held later than ${meetingHours} h after close`
          : 'no meeting held yet',
    },
    introWithin48h: {
      points: introOnTime ? 5 : 0,
      max: 5,
      detail: introOnTime
        ? `intro sent within ${introHours} h of close`
        : 'intro not sent within the window',
    },
  };
  const sum = Object.values(parts).reduce((total, part) => total + part.points, 0);
  // The nudge keeps float noise (89.4999999) from rounding a true .5 down.
  const total = Math.min(100, Math.max(0, Math.round(sum + 1e-9)));
  return { total, band: bandOf(total), parts };
}
