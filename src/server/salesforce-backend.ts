// The backend serving one Salesforce org (`baton serve --crm salesforce`): signed in as Baton's
// integration user, the org's id as its account id (what the portal id is on HubSpot), the jsforce
// adapter as its CRM, and the org's listener feeding its queue.
import { createSalesforceAdapter } from '../crm/salesforce/salesforce-adapter';
import { type SalesforceAuth, connectSalesforce } from '../crm/salesforce/salesforce-auth';
import { SalesforceCalls, type SalesforceCallLog } from '../crm/salesforce/salesforce-calls';
import type { HandoffListener } from '../crm/salesforce/handoff-listener';
import { readOrganizationId } from '../crm/salesforce/salesforce-org';
import type { CrmForPortal } from './backend-deps';
import { singlePortal } from './backend-runtime';
import { type SalesforceListenerOptions, createSalesforceListener } from './salesforce-intake';

export interface SalesforceOrgBackend {
  orgId: string;
  instanceUrl: string;
  crmFor: CrmForPortal;
  /** The org's listener on a backend's queue: start it after the worker, stop it first. */
  listener(
    on: Pick<SalesforceListenerOptions, 'storage' | 'worker' | 'queueClock' | 'log' | 'tuning'>,
  ): HandoffListener;
}

/** Signs in and reads which org it is; a refused sign-in throws SalesforceAuthError. */
export async function connectSalesforceOrg(
  auth: SalesforceAuth,
  /** Where the adapter's retries and other warnings go. */
  log?: SalesforceCallLog,
): Promise<SalesforceOrgBackend> {
  const connection = await connectSalesforce(auth);
  const orgId = await readOrganizationId(connection, new SalesforceCalls());
  const adapter = createSalesforceAdapter({ connection, ...(log ? { log } : {}) });
  // An org one deploy behind a new Baton still gets its handoffs, without the fields it lacks.
  await adapter.learnHandoffFields().catch((error: unknown) =>
    log?.warn('could not read the handoff object’s fields; saves write every field', {
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
  return {
    orgId,
    instanceUrl: connection.instanceUrl,
    crmFor: singlePortal(adapter, orgId),
    // The listener signs in on its own: its session is renewed when the streaming server
    // refuses it, apart from the adapter's, which jsforce renews on a 401.
    listener: (on) =>
      createSalesforceListener({ ...on, orgId, signIn: () => connectSalesforce(auth) }),
  };
}
