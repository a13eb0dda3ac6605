// `baton provision --crm hubspot`: creates or updates Baton's objects, properties, association
// definitions and labels, and the deal write-back properties, from the one data model. Every
// step reads first and writes only what is missing, so a second run changes nothing and says so.
import type { Client } from '@hubspot/api-client';
import type { ProvisionReport, ProvisionStep } from '../crm-adapter';
import { batonObjects, dataModel } from '../objects/data-model';
import type { BatonObject, PropertyDefinition } from '../objects/object-definition';
import { associationLabelRequests, customObjectAssociationPayloads } from './association-payloads';
import { type HubSpotCalls, throwOnBatchErrors } from './hubspot-calls';
import { labelTypeId } from './hubspot-metadata';
import {
  type PropertyCreatePayload,
  dealPropertyPayloads,
  missingPropertyGroupPayloads,
  missingOptionUpdates,
  missingPropertyPayloads,
  PROPERTY_BATCH_LIMIT,
} from './property-payloads';
import { chunks } from '../chunks';
import { objectSchemaPayload } from './schema-payloads';
import { isSchemaOf } from './hubspot-metadata';

const BATON_OBJECTS: BatonObject[] = ['handoff', 'commitment', 'stakeholder'];

// The SDK types its bodies with enums; ours are the same strings, checked against its models in
// test/crm. One cast at this door keeps the payload modules free of SDK types.
type Body<T> = T;
const asBody = <T>(payload: unknown) => payload as Body<T>;

export async function provisionHubSpot(
  client: Client,
  calls: HubSpotCalls,
): Promise<ProvisionReport> {
  const steps: ProvisionStep[] = [];
  const schemas = await calls.run('provision:schemas', () => client.crm.schemas.coreApi.getAll());
  const typeIds = {} as Record<BatonObject, string>;
  const existingAssociations = new Set<string>();
  const newObjects = new Set<BatonObject>();

  for (const key of BATON_OBJECTS) {
    const definition = batonObjects[key];
    const existing = schemas.results.find((schema) => isSchemaOf(schema, definition.name));
    if (!existing) {
      const created = await calls.run('provision:create-schema', () =>
        client.crm.schemas.coreApi.create(
          asBody<Parameters<typeof client.crm.schemas.coreApi.create>[0]>(
            objectSchemaPayload(definition),
          ),
        ),
      );
      typeIds[key] = created.objectTypeId!;
      steps.push({ what: `${definition.labels.singular} object`, outcome: 'created' });
      newObjects.add(key);
    } else {
      typeIds[key] = existing.objectTypeId!;
      for (const association of existing.associations ?? []) {
        existingAssociations.add(`${association.fromObjectTypeId}>${association.toObjectTypeId}`);
      }
    }
    const groups = await calls.run('provision:groups', () =>
      client.crm.properties.groupsApi.getAll(typeIds[key]),
    );
    const missingGroups = missingPropertyGroupPayloads(
      definition,
      groups.results.map((g) => g.name),
    );
    for (const group of missingGroups) {
      await calls.run('provision:create-group', () =>
        client.crm.properties.groupsApi.create(typeIds[key], group),
      );
    }
    if (newObjects.has(key)) {
      // A new object's properties start in HubSpot's default group (a schema cannot name groups
      // that do not exist yet); file them into Baton's groups so admins find them sorted.
      for (const property of definition.properties) {
        await calls.run('provision:group-property', () =>
          client.crm.properties.coreApi.update(typeIds[key], property.name, {
            groupName: property.group,
          }),
        );
      }
    }
    if (existing) {
      const missing = missingPropertyPayloads(
        definition,
        existing.properties.map((p) => p.name),
      );
      await createProperties(client, calls, typeIds[key], missing);
      const optionUpdates = await updateOptions(
        client,
        calls,
        typeIds[key],
        definition.properties,
        existing.properties,
      );
      const changes = [
        ...(missing.length > 0 ? [`added ${missing.map((p) => p.name).join(', ')}`] : []),
        ...(optionUpdates.length > 0 ? [`new options on ${optionUpdates.join(', ')}`] : []),
      ];
      steps.push({
        what: [`${definition.labels.singular} object`, ...changes].join(': '),
        outcome: changes.length === 0 && missingGroups.length === 0 ? 'unchanged' : 'updated',
      });
    }
  }

  const resolve = (key: BatonObject) => typeIds[key];
  for (const { objectType, body } of customObjectAssociationPayloads(resolve)) {
    const what = `association ${body.name}`;
    if (existingAssociations.has(`${body.fromObjectTypeId}>${body.toObjectTypeId}`)) {
      steps.push({ what, outcome: 'unchanged' });
      continue;
    }
    await calls.run('provision:create-association', () =>
      client.crm.schemas.coreApi.createAssociation(objectType, body),
    );
    steps.push({ what, outcome: 'created' });
  }

  for (const request of associationLabelRequests(resolve)) {
    const what = `association label "${request.body.label}"`;
    const labels = await calls.run('provision:labels', () =>
      client.crm.associations.v4.schema.definitionsApi.getAll(
        request.fromObjectType,
        request.toObjectType,
      ),
    );
    if (labelTypeId(labels.results, request.body.name) !== null) {
      steps.push({ what, outcome: 'unchanged' });
      continue;
    }
    await calls.run('provision:create-label', () =>
      client.crm.associations.v4.schema.definitionsApi.create(
        request.fromObjectType,
        request.toObjectType,
        request.body,
      ),
    );
    steps.push({ what, outcome: 'created' });
  }

  const deal = dealPropertyPayloads();
  const dealGroups = await calls.run('provision:groups', () =>
    client.crm.properties.groupsApi.getAll('deals'),
  );
  const groupMissing = !dealGroups.results.some((group) => group.name === deal.group.name);
  if (groupMissing)
    await calls.run('provision:create-group', () =>
      client.crm.properties.groupsApi.create('deals', deal.group),
    );
  const dealProperties = await calls.run('provision:properties', () =>
    client.crm.properties.coreApi.getAll('deals'),
  );
  const have = new Set(dealProperties.results.map((p) => p.name));
  const missingDeal = deal.properties.filter((p) => !have.has(p.name));
  await createProperties(client, calls, 'deals', missingDeal);
  const dealOptionUpdates = await updateOptions(
    client,
    calls,
    'deals',
    dataModel.deal.properties,
    dealProperties.results,
  );
  steps.push({
    what:
      missingDeal.length === 0
        ? `deal properties (${dataModel.deal.properties.length})`
        : `deal properties: added ${missingDeal.map((p) => p.name).join(', ')}`,
    outcome:
      missingDeal.length === 0 && !groupMissing && dealOptionUpdates.length === 0
        ? 'unchanged'
        : missingDeal.length === deal.properties.length
          ? 'created'
          : 'updated',
  });

  return { steps, changed: steps.some((step) => step.outcome !== 'unchanged') };
}

export class ProvisionError extends Error {}

async function createProperties(
  client: Client,
  calls: HubSpotCalls,
  objectType: string,
  properties: PropertyCreatePayload[],
) {
  if (properties.length === 0) return;
  // A property deleted in HubSpot stays archived under its name and blocks a new one; say what
  // to do rather than fail on the batch's 207.
  const archived = await calls.run('provision:archived-properties', () =>
    client.crm.properties.coreApi.getAll(objectType, true),
  );
  const blocked = properties
    .filter((p) => archived.results.some((a) => a.name === p.name))
    .map((p) => p.name);
  if (blocked.length > 0) {
    const one = blocked.length === 1;
    throw new ProvisionError(
      `${blocked.join(', ')} on ${objectType} ${one ? 'was' : 'were'} deleted in HubSpot and ` +
        `${one ? 'still holds its' : 'still hold their'} name: restore ${one ? 'it' : 'them'} under ` +
        'Settings › Properties › Archived properties, then run provision again',
    );
  }
  for (const batch of chunks(properties, PROPERTY_BATCH_LIMIT)) {
    const response = await calls.run('provision:create-properties', () =>
      client.crm.properties.batchApi.create(
        objectType,
        asBody<Parameters<typeof client.crm.properties.batchApi.create>[1]>({ inputs: batch }),
      ),
    );
    throwOnBatchErrors('provision:create-properties', response);
  }
}

/** Adds the options existing enumerations lack; returns the names of the properties changed. */
async function updateOptions(
  client: Client,
  calls: HubSpotCalls,
  objectType: string,
  definitions: readonly PropertyDefinition[],
  existing: Parameters<typeof missingOptionUpdates>[1],
): Promise<string[]> {
  const updates = missingOptionUpdates(definitions, existing);
  for (const update of updates) {
    await calls.run('provision:update-options', () =>
      client.crm.properties.coreApi.update(
        objectType,
        update.name,
        asBody<Parameters<typeof client.crm.properties.coreApi.update>[2]>(update.body),
      ),
    );
  }
  return updates.map((update) => update.name);
}
