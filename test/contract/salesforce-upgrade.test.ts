// An org one deploy behind a new Baton (a field the new Baton writes is not there yet): its
// handoffs are still written, without that field, which is named in the log once; after the
// deploy the backend writes it again. Salesforce itself refuses a write naming a missing field.
import { addClosedWonOpportunities } from './salesforce-deals';
import { type TestServerTarget, testServerTarget } from './salesforce-targets';
import { writeFor } from './handoff-writes';

const FIELD = 'Handoff_Rules__c';
let target: TestServerTarget;
const warnings: { message: string; fields: unknown }[] = [];

beforeAll(async () => {
  target = await testServerTarget(
    {},
    { log: { warn: (message, fields) => warnings.push({ message, fields }) } },
  );
  target.server.metadata.remove('CustomField', `Baton_Handoff__c.${FIELD}`);
});

afterAll(async () => {
  await target.close();
});

const handOff = async (dealId: string) =>
  target.adapter.saveHandoff(writeFor(await target.adapter.loadDealContext(dealId)));

const storedHandoff = (dealId: string) =>
  target.server.records.list('Baton_Handoff__c').find((h) => h.Opportunity__c === dealId);

describe('an org one deploy behind', () => {
  it('refuses a write naming the missing field, as Salesforce does', async () => {
    const [dealId] = addClosedWonOpportunities(target.server, 1);
    await expect(handOff(dealId!)).rejects.toThrow(`No such column '${FIELD}'`);
    expect(storedHandoff(dealId!)).toBeUndefined();
  });

  it('once the backend read the org’s fields, hands off without it and names it once', async () => {
    await target.adapter.learnHandoffFields();
    const [first, second] = addClosedWonOpportunities(target.server, 2);
    for (const dealId of [first!, second!]) {
      const saved = await handOff(dealId);
      expect(saved.created).toBe(true);
      expect(storedHandoff(dealId)).toMatchObject({ Completeness__c: expect.any(Number) });
      expect(storedHandoff(dealId)![FIELD]).toBeUndefined();
    }
    expect(warnings).toEqual([
      {
        message:
          'the org lacks Baton handoff fields: deploy the metadata (baton provision --crm salesforce --deploy)',
        fields: { fields: [FIELD] },
      },
    ]);
  });

  it('writes the field again after the deploy', async () => {
    await target.adapter.provision();
    await target.adapter.learnHandoffFields();
    const [dealId] = addClosedWonOpportunities(target.server, 1);
    await handOff(dealId!);
    expect(JSON.parse(String(storedHandoff(dealId!)![FIELD]))).toMatchObject({
      handoffType: 'sales_to_cs',
    });
  });
});
