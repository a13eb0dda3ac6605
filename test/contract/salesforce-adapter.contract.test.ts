// The CrmAdapter contract (crm-contract.ts) for Salesforce: against the offline test server and,
// with credentials, a real org.
import { describeCrmContract } from './crm-contract';
import { SALESFORCE_LIVE_VARIABLES, salesforceContractTargets } from './salesforce-targets';

const targets = salesforceContractTargets();
if (targets.length === 1) {
  console.info(
    'notice: the Salesforce contract suite runs against the offline test server only; set ' +
      `${SALESFORCE_LIVE_VARIABLES} to run it against a real org as well`,
  );
}

describeCrmContract('Salesforce', targets);
