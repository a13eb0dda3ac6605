// Reporting over many handoffs (PROTOCOL.md section 9): per rep, team, segment, type or period.
import type { HandoffDocument } from '../document/handoff-document.schema';
import { isFilledText } from '../document/filled';
import { toInstant } from '../document/dates';
import { HANDOFF_ITEMS } from '../items/handoff-items';
import type { Policy } from '../policy/policy.schema';
import { scoreCompleteness } from '../scoring/completeness';
import { scoreQuality } from '../scoring/quality';
import { computeClocks } from '../sla/sla-clocks';
import { MS_PER_HOUR, calendarOf } from '../time/working-calendar';

export const REPORT_DIMENSIONS = ['rep', 'team', 'segment', 'type', 'period'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
export type ReportPeriod = 'week' | 'month' | 'quarter';

export interface RosterEntry {
  name: string;
  team?: string | null;
}

export interface ReportOptions {
  by: ReportDimension;
  period?: ReportPeriod;
  now: number;
  /** CRM owner id → the rep's name and team. */
  roster?: ReadonlyMap<string, RosterEntry>;
  topGaps?: number;
}

export interface GapCount {
  gap: string;
  label: string;
  count: number;
}

export interface ReportRow {
  group: string;
  handoffs: number;
  /** Handoffs whose meeting clock is decided (met or breached), the base of `withinSlaPct`. */
  slaDecided: number;
  withinSlaPct: number | null;
  avgCompleteness: number | null;
  avgQuality: number | null;
  medianHoursToHandoff: number | null;
  medianHoursToFirstCsContact: number | null;
  medianHoursToKickoff: number | null;
  submitted: number;
  rejectionRate: number | null;
  topGaps: GapCount[];
  commitments: { total: number; delivered: number; atRisk: number; open: number };
  avgCsRating: number | null;
  avgCustomerRating: number | null;
}

export interface HandoffReport {
  by: ReportDimension;
  period?: ReportPeriod;
  rows: ReportRow[];
  total: ReportRow;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round1(sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function hoursBetween(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  const a = toInstant(from);
  const b = toInstant(to);
  return a === null || b === null ? null : (b - a) / MS_PER_HOUR;
}

function periodOf(doc: HandoffDocument, period: ReportPeriod): string {
  const instant = toInstant(doc.deal.closedWonAt) ?? toInstant(doc.timeline?.submittedAt);
  if (instant === null) return 'no close date';
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  if (period === 'quarter') return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  if (period === 'month') return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  // ISO week: the week belongs to the year of its Thursday.
  const thursday = new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const days = (thursday.getTime() - firstThursday.getTime()) / (24 * MS_PER_HOUR);
  const week = 1 + Math.round((days - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function groupOf(doc: HandoffDocument, options: ReportOptions): string {
  const owner = doc.deal.ownerId ?? null;
  const person = owner === null ? undefined : options.roster?.get(owner);
  switch (options.by) {
    case 'rep':
      return person?.name ?? owner ?? 'unassigned';
    case 'team':
      return person?.team ?? 'no team';
    case 'segment':
      return isFilledText(doc.customerContext?.size)
        ? doc.customerContext!.size!.trim()
        : 'unspecified';
    case 'type':
      return doc.handoffType;
    case 'period':
      return periodOf(doc, options.period ?? 'month');
  }
}

function summarize(
  group: string,
  docs: readonly HandoffDocument[],
  policy: Policy,
  options: ReportOptions,
): ReportRow {
  const calendar = calendarOf(policy);
  const completeness: number[] = [];
  const quality: number[] = [];
  const toHandoff: number[] = [];
  const toFirstContact: number[] = [];
  const toKickoff: number[] = [];
  const csRatings: number[] = [];
  const customerRatings: number[] = [];
  const gaps = new Map<string, number>();
  const commitments = { total: 0, delivered: 0, atRisk: 0, open: 0 };
  let slaDecided = 0;
  let slaMet = 0;
  let submitted = 0;
  let returned = 0;

  for (const doc of docs) {
    const template = policy.templates[doc.handoffType];
    completeness.push(scoreCompleteness(doc, template).score);
    quality.push(scoreQuality(doc, template, calendar).total);
    const meetingClock = computeClocks(doc, template, calendar, options.now).find(
      (c) => c.name === 'handoff_meeting',
    );
    if (
      meetingClock &&
      meetingClock.dueAt !== null &&
      (meetingClock.status === 'met' || meetingClock.status === 'breached')
    ) {
      slaDecided++;
      if (meetingClock.status === 'met') slaMet++;
    }
    const closed = doc.deal.closedWonAt;
    for (const [list, to] of [
      [toHandoff, doc.timeline?.acceptedAt],
      [toFirstContact, doc.timeline?.firstCsContactAt],
      [toKickoff, doc.timeline?.kickoffHeldAt],
    ] as const) {
      const hours = hoursBetween(closed, to);
      if (hours !== null) list.push(hours);
    }
    if (doc.timeline?.submittedAt) submitted++;
    if ((doc.review?.rejections ?? 0) > 0) returned++;
    for (const gap of doc.review?.gaps ?? []) gaps.set(gap.trim(), (gaps.get(gap.trim()) ?? 0) + 1);
    for (const commitment of doc.commitments ?? []) {
      commitments.total++;
      if (commitment.status === 'delivered') commitments.delivered++;
      else if (commitment.status === 'at_risk') commitments.atRisk++;
      else if (commitment.status !== 'renegotiated') commitments.open++;
    }
    if (doc.review?.csRating != null) csRatings.push(doc.review.csRating);
    if (doc.review?.customerRating != null) customerRatings.push(doc.review.customerRating);
  }

  const topGaps = [...gaps.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.topGaps ?? 5)
    .map(([gap, count]) => ({ gap, label: HANDOFF_ITEMS.get(gap)?.label ?? gap, count }));

  return {
    group,
    handoffs: docs.length,
    slaDecided,
    withinSlaPct: slaDecided === 0 ? null : round1((100 * slaMet) / slaDecided),
    avgCompleteness: average(completeness),
    avgQuality: average(quality),
    medianHoursToHandoff: median(toHandoff),
    medianHoursToFirstCsContact: median(toFirstContact),
    medianHoursToKickoff: median(toKickoff),
    submitted,
    rejectionRate: submitted === 0 ? null : round1((100 * returned) / submitted),
    topGaps,
    commitments,
    avgCsRating: average(csRatings),
    avgCustomerRating: average(customerRatings),
  };
}

export function buildReport(
  docs: readonly HandoffDocument[],
  policy: Policy,
  options: ReportOptions,
): HandoffReport {
  const groups = new Map<string, HandoffDocument[]>();
  for (const doc of docs) {
    const key = groupOf(doc, options);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [doc]);
    else list.push(doc);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => summarize(group, list, policy, options));
  return {
    by: options.by,
    ...(options.by === 'period' ? { period: options.period ?? 'month' } : {}),
    rows,
    total: summarize('All handoffs', docs, policy, options),
  };
}
