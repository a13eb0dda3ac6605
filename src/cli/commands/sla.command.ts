// `baton sla FILE [--now ISO] [--json]`: every clock with its status and due time.
import { type HandoffDocument, type Policy, analyzeHandoff, toIso } from '../../core';
import { renderTable } from '../table';

export function slaJson(doc: HandoffDocument, policy: Policy, now: number) {
  const { clocks, slaState, alerts } = analyzeHandoff(doc, policy, now);
  return {
    now: toIso(now),
    slaState,
    clocks: clocks.map(
      ({ name, label, status, startedAt, dueAt, doneAt, windowHours, responsible }) => ({
        name,
        label,
        status,
        startedAt,
        dueAt,
        doneAt,
        windowHours,
        responsible,
      }),
    ),
    alerts: alerts.map(({ key, kind, clock, notify, message }) => ({
      key,
      kind,
      clock,
      notify,
      message,
    })),
  };
}

const STATUS_WORDS = {
  met: 'met',
  pending: 'pending',
  at_risk: 'AT RISK',
  breached: 'BREACHED',
} as const;

export function slaText(doc: HandoffDocument, policy: Policy, now: number): string {
  const { clocks, slaState, alerts } = analyzeHandoff(doc, policy, now);
  const lines = [
    `SLA for deal ${doc.deal.id} at ${toIso(now)}: ${slaState.replace('_', ' ')}`,
    '',
    renderTable(clocks, [
      { header: 'Clock', value: (c) => c.name },
      { header: 'Status', value: (c) => STATUS_WORDS[c.status] },
      { header: 'Due', value: (c) => c.dueAt ?? '(not started)' },
      { header: 'Done', value: (c) => c.doneAt ?? '-' },
      { header: 'Window', align: 'right', value: (c) => `${c.windowHours} h` },
      { header: 'What', value: (c) => c.label },
    ]).trimEnd(),
  ];
  if (alerts.length > 0) {
    lines.push('', 'Alerts:');
    for (const alert of alerts)
      lines.push(`  [${alert.kind}] ${alert.message} → ${alert.notify.replace('_', ' ')}`);
  }
  return lines.join('\n') + '\n';
}
