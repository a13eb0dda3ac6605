// The typed registry of CRM adapters: the compiler, not a runtime log, finds a missing CRM.
import type { CrmAdapter, CrmKind } from './crm-adapter';
import { createHubSpotAdapter } from './hubspot/hubspot-adapter';
import { createHubSpotClient, hubSpotConnectionFromEnv } from './hubspot/hubspot-client';
import type { CallLog } from './hubspot/hubspot-calls';
import { ProvisionError } from './hubspot/hubspot-provision';
import { SALESFORCE_DEPLOY_STEPS } from './salesforce/salesforce-adapter';
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
  salesforce: (env) => {
    const config = salesforceAuthFromEnv(env);
    if (!config.success) throw new CrmConfigurationError(config.errorMessages.join('; '));
    const adapter = createSignedInSalesforceAdapter(config.auth);
    // Deploying metadata is the Salesforce CLI's job for now: say how, without signing in.
    return {
      ...adapter,
      provision: () => Promise.reject(new ProvisionError(SALESFORCE_DEPLOY_STEPS)),
    };
  },
} satisfies Record<CrmKind, AdapterFactory>;
