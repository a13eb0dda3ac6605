// `baton provision` and `baton doctor`: set up and check Baton's data model in a CRM.
import type { DoctorCheck, ProvisionReport } from '../../crm/crm-adapter';

export function provisionText(target: string, report: ProvisionReport): string {
  const lines = [`Provisioning ${target}`];
  for (const step of report.steps) lines.push(`  ${step.outcome.padEnd(9)}  ${step.what}`);
  const count = (outcome: string) => report.steps.filter((s) => s.outcome === outcome).length;
  lines.push(
    '',
    report.changed
      ? `Done: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} already in place.`
      : `Nothing to change: Baton is already set up (${report.steps.length} checks).`,
  );
  return lines.join('\n') + '\n';
}

export function doctorText(target: string, checks: readonly DoctorCheck[]): string {
  const lines = [`Checking ${target}`];
  for (const check of checks)
    lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`);
  const failed = checks.filter((c) => !c.ok).length;
  lines.push(
    '',
    failed === 0
      ? 'All good: Baton can run here.'
      : `${failed} problem(s) to fix before Baton can run here.`,
  );
  return lines.join('\n') + '\n';
}
