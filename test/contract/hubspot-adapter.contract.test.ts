// The CrmAdapter contract (crm-contract.ts) for HubSpot: against the sandbox CRM and, with
// credentials, a real portal.
import { HUBSPOT_LIVE_VARIABLES, hubSpotContractTargets } from './contract-targets';
import { describeCrmContract } from './crm-contract';

const targets = hubSpotContractTargets();
if (targets.length === 1) {
  console.info(
    'notice: the HubSpot contract suite runs against the sandbox only; set ' +
      `${HUBSPOT_LIVE_VARIABLES.join(' and ')} to run it against a real portal as well`,
  );
}

describeCrmContract('HubSpot', targets);
