// `baton report FILE|DIR… [--by …] [--json]`: section 9's figures per rep, team, segment,
// type or period, as a table for people or JSON for machines.
import { z } from 'zod';
import {
  type HandoffDocument,
  type HandoffReport,
  type Policy,
  REPORT_DIMENSIONS,
  type ReportDimension,
  type ReportPeriod,
  type ReportRow,
  type RosterEntry,
  buildReport,
  describeFieldError,
  parseWith,
} from '../../core';
import { CliError, expandInputs, readJson, readJsonValues } from '../cli-io';
import { validateDocument } from '../inputs';
import { type Column, formatNumber, renderTable } from '../table';

const rosterSchema = z.record(
  z.string(),
  z.strictObject({
    name: z.string().trim().min(1, { error: 'required' }),
    team: z.string().nullish(),
  }),
);

export async function loadRoster(
  path: string | undefined,
): Promise<Map<string, RosterEntry> | undefined> {
  if (path === undefined) return undefined;
  const parsed = parseWith(rosterSchema, await readJson(path));
  if (!parsed.success) {
    throw new CliError(
      `${path} is not a valid roster:\n` +
        parsed.errors.map((e) => `  ${describeFieldError(e)}`).join('\n'),
    );
  }
  return new Map(Object.entries(parsed.value));
}

export async function loadDocuments(paths: readonly string[]): Promise<HandoffDocument[]> {
  const files = await expandInputs(paths);
  if (files.length === 0) throw new CliError('no handoff documents found in ' + paths.join(', '));
  const docs: HandoffDocument[] = [];
  const problems: string[] = [];
  for (const file of files) {
    for (const { source, value } of await readJsonValues(file)) {
      try {
        docs.push(validateDocument(value, source));
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  return docs;
}

export function parseDimension(value: string): ReportDimension {
  if ((REPORT_DIMENSIONS as readonly string[]).includes(value)) return value as ReportDimension;
  throw new CliError(`--by: expected one of ${REPORT_DIMENSIONS.join(', ')}`);
}

export function parsePeriod(value: string): ReportPeriod {
  if (value === 'week' || value === 'month' || value === 'quarter') return value;
  throw new CliError('--period: expected week, month or quarter');
}

export function runReport(
  docs: readonly HandoffDocument[],
  policy: Policy,
  options: {
    by: ReportDimension;
    period: ReportPeriod;
    now: number;
    roster?: Map<string, RosterEntry>;
  },
): HandoffReport {
  return buildReport(docs, policy, {
    by: options.by,
    period: options.period,
    now: options.now,
    ...(options.roster ? { roster: options.roster } : {}),
  });
}

const COLUMNS: Column<ReportRow>[] = [
  { header: 'Group', value: (r) => r.group },
  { header: 'Handoffs', align: 'right', value: (r) => String(r.handoffs) },
  { header: 'Within SLA', align: 'right', value: (r) => formatNumber(r.withinSlaPct, 1, '%') },
  { header: 'Completeness', align: 'right', value: (r) => formatNumber(r.avgCompleteness) },
  { header: 'Quality', align: 'right', value: (r) => formatNumber(r.avgQuality) },
  {
    header: 'To handoff',
    align: 'right',
    value: (r) => formatNumber(r.medianHoursToHandoff, 1, ' h'),
  },
  {
    header: 'To 1st CS',
    align: 'right',
    value: (r) => formatNumber(r.medianHoursToFirstCsContact, 1, ' h'),
  },
  {
    header: 'To kickoff',
    align: 'right',
    value: (r) => formatNumber(r.medianHoursToKickoff, 1, ' h'),
  },
  { header: 'Returned', align: 'right', value: (r) => formatNumber(r.rejectionRate, 1, '%') },
  {
    header: 'Commitments (done/at risk/open)',
    align: 'right',
    value: (r) => `${r.commitments.delivered}/${r.commitments.atRisk}/${r.commitments.open}`,
  },
  { header: 'CS rating', align: 'right', value: (r) => formatNumber(r.avgCsRating) },
  { header: 'Customer', align: 'right', value: (r) => formatNumber(r.avgCustomerRating) },
];

export function reportText(report: HandoffReport): string {
  const by = report.by === 'period' ? `${report.period}` : report.by;
  const lines = [
    `Handoffs by ${by} (times are medians from close; within SLA = handoff meeting within its window)`,
    '',
    renderTable([...report.rows, report.total], COLUMNS).trimEnd(),
  ];
  const withGaps = [...report.rows, report.total].filter((row) => row.topGaps.length > 0);
  if (withGaps.length > 0) {
    lines.push('', 'Top gaps named by CS:');
    for (const row of withGaps) {
      lines.push(`  ${row.group}: ` + row.topGaps.map((g) => `${g.label} (${g.count})`).join(', '));
    }
  }
  return lines.join('\n') + '\n';
}
