// What `baton doctor --crm salesforce` can check from the REST API alone: the org answers with
// Baton's token and API version, has quota left, and has Baton's metadata deployed.
import type { Connection } from 'jsforce';
import type { DoctorCheck } from '../crm-adapter';
import { type SalesforceCalls, errorCodeOf } from './salesforce-calls';
import { SALESFORCE_API_VERSION } from './api-version';
import { COMMITMENT_OBJECT, HANDOFF_OBJECT, STAKEHOLDER_OBJECT } from './salesforce-queries';

const DEPLOY = 'deploy build/salesforce (docs/salesforce.md) and assign the Baton permission set';

export async function doctorSalesforce(
  connection: Connection,
  calls: SalesforceCalls,
): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  try {
    const limits = await calls.run('doctor:limits', () => connection.limits());
    const { Max = 0, Remaining = 0 } = limits.DailyApiRequests ?? {};
    checks.push({
      name: 'API access',
      ok: Remaining > 0,
      detail:
        Remaining > 0
          ? `Salesforce answers on API ${SALESFORCE_API_VERSION}; ${Remaining} of ${Max} daily API requests left`
          : `the org has used all ${Max} daily API requests: wait for the 24-hour window to roll`,
    });
  } catch (error) {
    checks.push({
      name: 'API access',
      ok: false,
      detail: `Salesforce refused the connection (${errorCodeOf(error) ?? 'no answer'}): check the instance URL and sign in again`,
    });
    return checks;
  }
  for (const object of [HANDOFF_OBJECT, COMMITMENT_OBJECT, STAKEHOLDER_OBJECT]) {
    try {
      await calls.run('doctor:describe', () => connection.describe(object));
      checks.push({ name: object, ok: true, detail: `${object} is deployed and readable` });
    } catch (error) {
      checks.push({
        name: object,
        ok: false,
        detail: `${object} is missing or not readable (${errorCodeOf(error) ?? 'error'}): ${DEPLOY}`,
      });
    }
  }
  return checks;
}
