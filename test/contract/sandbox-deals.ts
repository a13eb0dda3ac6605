// More closed-won deals for the sandbox, made like the seed's: each a copy of a seeded
// closed-won deal with the same company and contacts (and their role labels).
import type { Sandbox } from '../../src/sandbox';

export function addClosedWonDeals(
  sandbox: Sandbox,
  count: number,
  wonStages: ReadonlySet<string>,
): string[] {
  const { store } = sandbox;
  const deals = store.type('0-3');
  const templates = store.records
    .list(deals)
    .filter((deal) => wonStages.has(deal.properties.dealstage ?? ''));
  if (templates.length === 0) throw new Error('the sandbox has no closed-won deal to copy');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const { dealname, amount, pipeline, dealstage, closedate, hubspot_owner_id } =
      template.properties;
    const deal = store.records.create(deals, {
      dealname: `${dealname ?? 'Deal'} #${i + 1}`,
      amount: amount ?? '10000',
      pipeline: pipeline ?? 'default',
      dealstage: dealstage ?? '',
      closedate: closedate ?? '',
      ...(hubspot_owner_id ? { hubspot_owner_id } : {}),
    });
    const from = { objectTypeId: deals.objectTypeId, id: template.id };
    for (const toType of ['0-1', '0-2']) {
      for (const target of store.associations.targets(from, toType)) {
        store.associations.add(
          { objectTypeId: deals.objectTypeId, id: deal.id },
          { objectTypeId: toType, id: target.toId },
          target.typeIds,
        );
      }
    }
    ids.push(deal.id);
  }
  return ids;
}
