// The typed registry of CRM adapters: the compiler, not a runtime log, finds a missing CRM.
import type { CrmAdapter, CrmKind } from './crm-adapter';
import { createHubSpotAdapter } from './hubspot/hubspot-adapter';
import { createHubSpotClient, hubSpotConnectionFromEnv } from './hubspot/hubspot-client';
import type { CallLog } from './hubspot/hubspot-calls';
import { salesforceAuthFromEnv } from './salesforce/salesforce-auth';
import { createSignedInSalesforceAdapter } from './salesforce/salesforce-signed-in';

export class CrmConfigurationError extends Error {}

export type AdapterFactory = (
  env: NodeJS.ProcessEnv,
  log: CallLog,
) => CrmAdapter & { describe(): string };

export const adapters = {
  hubspot: (env, log) => {
    const connection = hubSpotConnectionFromEnv(env);
    if (connection === null) {
      throw new CrmConfigurationError(
        'HUBSPOT_ACCESS_TOKEN is not set: set it to a private app token or an OAuth access token ' +
          '(and HUBSPOT_BASE_URL to use the local sandbox, e.g. http://127.0.0.1:3001 with token sandbox-token)',
      );
    }
    const adapter = createHubSpotAdapter({ client: createHubSpotClient(connection), log });
    return { ...adapter, describe: () => `HubSpot at ${connection.baseUrl}` };
  },
  salesforce: (env, log) => {
    const config = salesforceAuthFromEnv(env);
    if (!config.success) throw new CrmConfigurationError(config.errorMessages.join('; '));
    // Its `provision` deploys metadata: the CLI asks for --deploy before calling it.
    return createSignedInSalesforceAdapter(config.auth, undefined, log);
  },
} satisfies Record<CrmKind, AdapterFactory>;
