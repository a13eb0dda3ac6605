// Core scoring throughput: handoffs scored per second on one core, for documents of realistic
// size (the complete example grown to 8 stakeholders, 12 commitments and 6 milestones), beside
// a baseline measured in the same run: JSON parsing plus schema validation alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY, analyzeHandoff, handoffDocumentSchema } from '../../src/core';
import { formatRate, throughput } from './measure';

const NOW = Date.parse('2026-11-06T12:00:00Z');

function realisticDocuments(count: number): string[] {
  const base = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'examples', 'complete.json'), 'utf8'),
  );
  const roles = [
    'executive_sponsor',
    'champion',
    'economic_buyer',
    'technical_lead',
    'end_users',
    'blocker',
    'other',
    'other',
  ];
  return Array.from({ length: count }, (_, i) => {
    const doc = structuredClone(base);
    doc.deal.id = String(10_000 + i);
    doc.deal.strategic = i % 5 === 0;
    doc.stakeholders = roles.map((role, j) => ({
      ...base.stakeholders[j % base.stakeholders.length],
      role,
    }));
    doc.commitments = Array.from({ length: 12 }, (_, j) => ({
      ...base.commitments[j % base.commitments.length],
      id: `c-${j}`,
      owner: j === 7 && i % 3 === 0 ? 'TBD' : 'CSM',
    }));
    doc.implementation.milestones = Array.from({ length: 6 }, (_, j) => ({
      name: `Milestone ${j + 1}`,
      date: `2027-0${j + 1}-15`,
    }));
    if (i % 4 === 1) doc.meeting.heldAt = null;
    if (i % 4 === 2) doc.customerContext.whyNow = 'TBD';
    return JSON.stringify(doc);
  });
}

export function runCoreScoringBench(): void {
  const docs = realisticDocuments(200);
  const bytes = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length;
  const parsed = docs.map((doc) => handoffDocumentSchema.parse(JSON.parse(doc)));

  const baseline = throughput(docs, (doc) => handoffDocumentSchema.parse(JSON.parse(doc)));
  const scoreOnly = throughput(parsed, (doc) => analyzeHandoff(doc, DEFAULT_POLICY, NOW));
  const endToEnd = throughput(docs, (doc) =>
    analyzeHandoff(handoffDocumentSchema.parse(JSON.parse(doc)), DEFAULT_POLICY, NOW),
  );

  console.log(`core scoring (one core, documents of ~${(bytes / 1024).toFixed(1)} KiB)`);
  console.log(
    `  baseline: parse + validate            ${formatRate(baseline.perSecond).padStart(10)}`,
  );
  console.log(
    `  score a validated handoff              ${formatRate(scoreOnly.perSecond).padStart(10)}   (completeness, quality, 7 SLA clocks, alerts)`,
  );
  console.log(
    `  parse + validate + score (end to end)  ${formatRate(endToEnd.perSecond).padStart(10)}   ${(endToEnd.perSecond / baseline.perSecond).toFixed(2)}x the baseline`,
  );
}
