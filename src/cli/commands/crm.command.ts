// `baton provision` and `baton doctor`: set up and check Baton's data model in a CRM.
import type { CrmAdapter, CrmKind, DoctorCheck, ProvisionReport } from '../../crm/crm-adapter';
import { MetadataPackageError, metadataPackage } from '../../crm/salesforce/metadata-package';
import {
  SALESFORCE_DEPLOY_STEPS,
  SalesforceDeployError,
  canDeployMetadata,
} from '../../crm/salesforce/salesforce-deploy';
import {
  DEFAULT_SFDX_DIR,
  SfdxSourceError,
  readCurrentSfdxProject,
} from '../../crm/salesforce/sfdx-source';
import { CliError } from '../cli-io';

const PERMISSION_SET_STEP =
  'Next: assign the Baton permission set to each user and the integration user ' +
  '(`sf org assign permset --name Baton --target-org <alias>`, or Setup › Permission Sets), ' +
  'then run `baton doctor --crm salesforce`.\n';

/**
 * `provision`: HubSpot is set up through its API. A Salesforce org gets the generated SFDX
 * project (build/salesforce, Lightning card included) deployed, which changes the org's setup,
 * so only on an explicit --deploy.
 */
export async function runProvision(
  crm: CrmKind,
  connect: () => Pick<CrmAdapter, 'provision'> & { describe(): string },
  options: { deploy?: boolean; sourceDir?: string } = {},
): Promise<string> {
  // The configuration is checked first (a missing SF_* variable is named), then the opt-in.
  const adapter = connect();
  if (crm === 'salesforce' && !options.deploy) throw new CliError(SALESFORCE_DEPLOY_STEPS);
  if (crm !== 'salesforce' && (options.deploy || options.sourceDir))
    throw new CliError('--deploy is for --crm salesforce: HubSpot is provisioned through its API');
  try {
    const pkg =
      crm === 'salesforce'
        ? metadataPackage(await readCurrentSfdxProject(options.sourceDir ?? DEFAULT_SFDX_DIR))
        : undefined;
    const report =
      pkg && canDeployMetadata(adapter)
        ? await adapter.deployMetadata(pkg)
        : await adapter.provision();
    return provisionTextFor(crm, adapter.describe(), report);
  } catch (error) {
    // Component failures name the file and line: the whole list is what the admin needs.
    if (
      error instanceof SalesforceDeployError ||
      error instanceof SfdxSourceError ||
      error instanceof MetadataPackageError
    )
      throw new CliError(error.message);
    throw error;
  }
}

function provisionTextFor(crm: CrmKind, target: string, report: ProvisionReport): string {
  const text = provisionText(target, report);
  return crm === 'salesforce' ? `${text}\n${PERMISSION_SET_STEP}` : text;
}

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
