// `baton score FILE [--json]`: completeness with the missing items, quality with its parts.
import {
  CATEGORY_LABELS,
  type HandoffDocument,
  type Policy,
  QUALITY_PARTS,
  analyzeHandoff,
  STATE_LABELS,
} from '../../core';
import { renderTable } from '../table';

const PART_LABELS: Record<(typeof QUALITY_PARTS)[number], string> = {
  dealSummary: 'Deal summary complete',
  stakeholderMap: 'Stakeholder map detailed',
  commitments: 'Commitments documented',
  riskFactors: 'Risk factors identified',
  participants: 'Required participants present',
  agenda: 'Full agenda covered',
  questions: 'CS questions answered',
  handoffWithinSla: 'Handoff within SLA',
  introWithin48h: 'Customer intro within 48 h',
};

const round2 = (value: number) => Math.round(value * 100) / 100;

export function scoreJson(doc: HandoffDocument, policy: Policy, now: number) {
  const { completeness, quality } = analyzeHandoff(doc, policy, now);
  return {
    completeness: completeness.score,
    missing: completeness.missing.map(({ path, label }) => ({ path, label })),
    quality: {
      total: quality.total,
      band: quality.band,
      parts: Object.fromEntries(
        QUALITY_PARTS.map((name) => {
          const part = quality.parts[name];
          return [name, { points: round2(part.points), max: part.max, detail: part.detail }];
        }),
      ),
    },
  };
}

export function scoreText(doc: HandoffDocument, policy: Policy, now: number): string {
  const analysis = analyzeHandoff(doc, policy, now);
  const { completeness, quality } = analysis;
  const template = policy.templates[doc.handoffType];
  const title = doc.deal.name ? `${doc.deal.name} (deal ${doc.deal.id})` : `Deal ${doc.deal.id}`;
  const lines = [
    `${title} · ${template.label} · ${STATE_LABELS[analysis.state]}`,
    `Completeness  ${completeness.score}%  (${completeness.filled} of ${completeness.required} required items; ` +
      `${template.minimumCompleteness}% needed to submit${analysis.submittable ? ', reached' : ''})`,
    `Quality       ${quality.total}  ${quality.band}${quality.band === 'substandard' ? ' (needs remediation)' : ''}`,
    '',
    renderTable(QUALITY_PARTS, [
      { header: 'Quality part', value: (name) => PART_LABELS[name] },
      {
        header: 'Points',
        align: 'right',
        value: (name) => `${quality.parts[name].points.toFixed(1)}/${quality.parts[name].max}`,
      },
      { header: 'Detail', value: (name) => quality.parts[name].detail },
    ]).trimEnd(),
  ];
  if (completeness.missing.length > 0) {
    lines.push('', `Missing (${completeness.missing.length}):`);
    lines.push(
      renderTable(completeness.missing, [
        { header: 'Section', value: (item) => CATEGORY_LABELS[item.category] },
        { header: 'Item', value: (item) => item.label },
        { header: 'Path', value: (item) => item.path },
      ]).trimEnd(),
    );
  } else {
    lines.push('', 'Nothing missing.');
  }
  return lines.join('\n') + '\n';
}
