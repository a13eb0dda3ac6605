// What `baton doctor --crm salesforce` can check from the REST API alone: the org answers with
// Baton's token and API version, has quota left, and has Baton's metadata deployed: every
// object and field of the package, as the signed-in user sees them (describe leaves out the
// fields a user may not read, so a missing permission set shows here too).
import type { Connection } from 'jsforce';
import type { DoctorCheck } from '../crm-adapter';
import { type SalesforceCalls, errorCodeOf } from './salesforce-calls';
import { SALESFORCE_API_VERSION } from './api-version';
import { metadataPackage } from './metadata-package';
import { COMMITMENT_OBJECT, HANDOFF_OBJECT, STAKEHOLDER_OBJECT } from './salesforce-queries';

const DEPLOY =
  'run `baton provision --crm salesforce --deploy` (docs/salesforce.md) and assign the Baton permission set';

/** Each object of Baton's package with the custom fields it should show, Baton's three first. */
function expectedObjects(): [string, string[]][] {
  const fields = new Map<string, string[]>();
  for (const { type, fullName } of metadataPackage().components) {
    const [object, field] = fullName.split('.') as [string, string | undefined];
    if (type === 'CustomObject') fields.set(object, fields.get(object) ?? []);
    if (type === 'CustomField') fields.set(object, [...(fields.get(object) ?? []), field!]);
  }
  const first: string[] = [HANDOFF_OBJECT, COMMITMENT_OBJECT, STAKEHOLDER_OBJECT];
  return [...fields].sort(
    ([a], [b]) => (first.indexOf(a) + 1 || 99) - (first.indexOf(b) + 1 || 99) || (a < b ? -1 : 1),
  );
}

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
  for (const [object, fields] of expectedObjects()) {
    try {
      const described = await calls.run('doctor:describe', () => connection.describe(object));
      const present = new Set(described.fields.map((field) => field.name));
      const missing = fields.filter((field) => !present.has(field));
      checks.push(
        missing.length === 0
          ? {
              name: object,
              ok: true,
              detail: object.includes('__')
                ? `${object} is deployed and readable`
                : `${object} has Baton's ${fields.length} fields, readable`,
            }
          : {
              name: object,
              ok: false,
              detail: `${object} lacks ${missing.length} of Baton's ${fields.length} fields or may not read them (${missing.join(', ')}): ${DEPLOY}`,
            },
      );
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
