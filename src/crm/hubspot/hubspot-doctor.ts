// `baton doctor`: what works and what is missing in a HubSpot portal, in words an admin can act
// on. Read-only: it never writes, so it is safe to run against production at any time.
import type { Client } from '@hubspot/api-client';
import type { DoctorCheck } from '../crm-adapter';
import { batonObjects, dataModel } from '../objects/data-model';
import type { BatonObject } from '../objects/object-definition';
import { type HubSpotCalls, messageOf, statusOf } from './hubspot-calls';
import { labelTypeId } from './hubspot-metadata';
import { STANDARD_OBJECT_TYPE_IDS } from './association-payloads';
import { isSchemaOf } from './hubspot-metadata';

/** What each read needs, as HubSpot names the scope. */
const SCOPE_PROBES = [
  { scope: 'crm.objects.owners.read', what: 'read owners (AEs, CSMs)', path: 'owners' },
  { scope: 'crm.objects.deals.read', what: 'read deals and pipelines', path: 'pipelines' },
  { scope: 'crm.schemas.custom.read', what: 'read custom object schemas', path: 'schemas' },
  { scope: 'crm.objects.contacts.read', what: 'read contacts', path: 'contacts' },
  { scope: 'crm.objects.companies.read', what: 'read companies', path: 'companies' },
] as const;

function failure(error: unknown, scope: string): string {
  const status = statusOf(error);
  if (status === 401)
    return 'HubSpot refused the access token: check HUBSPOT_ACCESS_TOKEN (or reinstall the app)';
  if (status === 403) return `the app lacks the scope ${scope}: add it to the app and reinstall`;
  return `the request failed (${messageOf(error)})`;
}

export async function doctorHubSpot(client: Client, calls: HubSpotCalls): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const probe = async (path: (typeof SCOPE_PROBES)[number]['path']) => {
    switch (path) {
      case 'owners':
        return client.crm.owners.ownersApi.getPage(undefined, undefined, 1);
      case 'pipelines':
        return client.crm.pipelines.pipelinesApi.getAll('deals');
      case 'schemas':
        return client.crm.schemas.coreApi.getAll();
      case 'contacts':
        return client.crm.contacts.basicApi.getPage(1);
      case 'companies':
        return client.crm.companies.basicApi.getPage(1);
    }
  };
  for (const { scope, what, path } of SCOPE_PROBES) {
    try {
      await calls.run('doctor:probe', () => probe(path));
      checks.push({ name: `scope ${scope}`, ok: true, detail: `can ${what}` });
    } catch (error) {
      checks.push({
        name: `scope ${scope}`,
        ok: false,
        detail: `cannot ${what}: ${failure(error, scope)}`,
      });
      if (statusOf(error) === 401) return checks;
    }
  }

  let schemas;
  try {
    schemas = await calls.run('doctor:schemas', () => client.crm.schemas.coreApi.getAll());
  } catch {
    return checks;
  }
  const typeIds: Partial<Record<BatonObject, string>> = {};
  for (const key of Object.keys(batonObjects) as BatonObject[]) {
    const definition = batonObjects[key];
    const schema = schemas.results.find((s) => isSchemaOf(s, definition.name));
    if (!schema) {
      checks.push({
        name: `${definition.labels.singular} object`,
        ok: false,
        detail: 'missing: run `baton provision --crm hubspot`',
      });
      continue;
    }
    typeIds[key] = schema.objectTypeId!;
    const have = new Set(schema.properties.map((p) => p.name));
    const missing = definition.properties.filter((p) => !have.has(p.name)).map((p) => p.name);
    checks.push({
      name: `${definition.labels.singular} object`,
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? `present (${schema.objectTypeId}) with all ${definition.properties.length} properties`
          : `present, but missing ${missing.join(', ')}: run \`baton provision --crm hubspot\``,
    });
  }

  for (const association of dataModel.associations) {
    for (const label of association.labels) {
      const from = typeIds[association.from];
      const to =
        association.to in typeIds
          ? typeIds[association.to as BatonObject]
          : STANDARD_OBJECT_TYPE_IDS[association.to as keyof typeof STANDARD_OBJECT_TYPE_IDS];
      if (!from || !to) continue;
      try {
        const labels = await calls.run('doctor:labels', () =>
          client.crm.associations.v4.schema.definitionsApi.getAll(from, to),
        );
        const ok = labelTypeId(labels.results, label.name) !== null;
        checks.push({
          name: `association label "${label.label}"`,
          ok,
          detail: ok ? 'present' : 'missing: run `baton provision --crm hubspot`',
        });
      } catch (error) {
        checks.push({
          name: `association label "${label.label}"`,
          ok: false,
          detail: messageOf(error),
        });
      }
    }
  }

  try {
    const dealProperties = await calls.run('doctor:properties', () =>
      client.crm.properties.coreApi.getAll('deals'),
    );
    const have = new Set(dealProperties.results.map((p) => p.name));
    const missing = dataModel.deal.properties.filter((p) => !have.has(p.name)).map((p) => p.name);
    checks.push({
      name: 'deal properties',
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? 'all present: deal reports can show completeness, quality and SLA'
          : `missing ${missing.join(', ')}: run \`baton provision --crm hubspot\``,
    });
  } catch (error) {
    checks.push({ name: 'deal properties', ok: false, detail: messageOf(error) });
  }

  try {
    const pipelines = await calls.run('doctor:pipelines', () =>
      client.crm.pipelines.pipelinesApi.getAll('deals'),
    );
    for (const pipeline of pipelines.results) {
      const won = pipeline.stages.filter(
        (s) => s.metadata?.isClosed === 'true' && Number(s.metadata?.probability) >= 1,
      );
      checks.push({
        name: `pipeline "${pipeline.label}"`,
        ok: won.length > 0,
        detail:
          won.length > 0
            ? `closed-won at ${won.map((s) => `"${s.label}" (${s.id})`).join(', ')}: handoffs start there`
            : 'no stage is closed with a 100% win probability, so deals here never start a handoff: mark the won stage in the pipeline settings',
      });
    }
  } catch (error) {
    checks.push({ name: 'pipelines', ok: false, detail: messageOf(error) });
  }
  return checks;
}
