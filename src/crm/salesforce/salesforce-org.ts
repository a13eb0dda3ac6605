// Which org Baton is signed in to. The org id is Baton's account id on Salesforce, what the
// portal id is on HubSpot: the backend keys its jobs, handoff index and listener state by it.
import type { Connection } from 'jsforce';
import { type SalesforceCalls, queryRecords } from './salesforce-calls';
import { ORGANIZATION_QUERY } from './salesforce-queries';
import { isSalesforceId } from './soql';

export async function readOrganizationId(
  connection: Connection,
  calls: SalesforceCalls,
): Promise<string> {
  const [organization] = await calls.run('read:organization', () =>
    queryRecords(connection, ORGANIZATION_QUERY),
  );
  const id = organization?.Id;
  if (typeof id !== 'string' || !isSalesforceId(id))
    throw new Error('Salesforce did not say which org this is (SELECT Id FROM Organization)');
  return id;
}
