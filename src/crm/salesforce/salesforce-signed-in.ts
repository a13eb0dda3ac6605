// The Salesforce adapter the CLI and backend get from the environment: it signs in on its first
// call (the registry builds adapters synchronously, sign-in is a request) and keeps the session,
// which jsforce renews on a 401. `doctor` reports a refused sign-in as a failed check.
import type { CrmAdapter, DoctorCheck } from '../crm-adapter';
import { type SalesforceAuth, SalesforceAuthError, connectSalesforce } from './salesforce-auth';
import { type SalesforceAdapter, createSalesforceAdapter } from './salesforce-adapter';
import type { SalesforceCallLog } from './salesforce-calls';
import type { MetadataDeployer } from './salesforce-deploy';

export interface SignedInSalesforceAdapter extends CrmAdapter, MetadataDeployer {
  describe(): string;
}

const SIGN_IN_HELP = {
  'jwt-bearer':
    'check SF_CLIENT_ID, SF_USERNAME and SF_LOGIN_URL, that the connected ' +
    "app holds the certificate of Baton's key and that the user is pre-authorized for it",
  'client-credentials':
    'check SF_CLIENT_ID, SF_CLIENT_SECRET and SF_INSTANCE_URL (your My ' +
    'Domain URL), and that the connected app enables the client credentials flow with a run-as user',
} as const;

export function describeSalesforceAuth(auth: SalesforceAuth): string {
  return auth.flow === 'jwt-bearer'
    ? `Salesforce as ${auth.username} (JWT bearer via ${auth.loginUrl})`
    : `Salesforce at ${auth.instanceUrl} (client credentials)`;
}

export function createSignedInSalesforceAdapter(
  auth: SalesforceAuth,
  connect: typeof connectSalesforce = connectSalesforce,
  /** Where retries and other warnings go (the CLI's stderr, the backend's logger). */
  log?: SalesforceCallLog,
): SignedInSalesforceAdapter {
  let adapter: Promise<SalesforceAdapter> | null = null;
  const ready = (): Promise<SalesforceAdapter> =>
    (adapter ??= connect(auth)
      .then((connection) => createSalesforceAdapter({ connection, ...(log ? { log } : {}) }))
      .catch((error: unknown) => {
        adapter = null;
        throw error;
      }));

  async function doctor(): Promise<DoctorCheck[]> {
    let signedIn: SalesforceAdapter;
    try {
      signedIn = await ready();
    } catch (error) {
      if (!(error instanceof SalesforceAuthError)) throw error;
      return [
        { name: 'Sign-in', ok: false, detail: `${error.message}: ${SIGN_IN_HELP[auth.flow]}` },
      ];
    }
    const signIn = { name: 'Sign-in', ok: true, detail: `signed in by the ${auth.flow} flow` };
    return [signIn, ...(await signedIn.doctor())];
  }

  return {
    kind: 'salesforce',
    describe: () => describeSalesforceAuth(auth),
    loadDealContext: async (dealId) => (await ready()).loadDealContext(dealId),
    saveHandoff: async (write, options) => (await ready()).saveHandoff(write, options),
    addDealTasks: async (dealId, tasks) => (await ready()).addDealTasks(dealId, tasks),
    closedWonStages: async () => (await ready()).closedWonStages(),
    listPeople: async () => (await ready()).listPeople(),
    provision: async () => (await ready()).provision(),
    deployMetadata: async (pkg) => (await ready()).deployMetadata(pkg),
    doctor,
  };
}
