// More closed-won Opportunities for the Salesforce test server (or in another stage), made like
// the seed's won one: the same account, and its contact roles copied, so each has a company and
// stakeholders.
import type { SalesforceTestServer } from '../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_IDS } from '../../src/crm/salesforce/test-server/seed';

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(12, '0')}AAA`;

export function addClosedWonOpportunities(
  server: SalesforceTestServer,
  count: number,
  stage = 'Closed Won',
): string[] {
  const { records } = server;
  const template = records.get('Opportunity', TEST_IDS.wonDeal);
  if (!template) throw new Error('the test server has no seeded won Opportunity to copy');
  const roles = records
    .list('OpportunityContactRole')
    .filter((role) => role.OpportunityId === TEST_IDS.wonDeal);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1000 + records.list('Opportunity').length;
    const opportunity = {
      ...template,
      Id: id('006', n),
      Name: `${String(template.Name)} #${n}`,
      StageName: stage,
    };
    records.table('Opportunity').set(opportunity.Id, opportunity);
    for (const [r, role] of roles.entries()) {
      const copy = { ...role, Id: id('00K', n * 10 + r), OpportunityId: opportunity.Id };
      records.table('OpportunityContactRole').set(copy.Id, copy);
    }
    ids.push(opportunity.Id);
  }
  return ids;
}
