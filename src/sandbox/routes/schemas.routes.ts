// Object schemas: `GET/POST /crm/v3/schemas`, `GET/PATCH/DELETE /crm/v3/schemas/{objectType}`,
// `POST /crm/v3/schemas/{objectType}/associations`; also under `/crm-object-schemas/v3/schemas`,
// the path the api-client 14 sends them to.
import { z } from 'zod';
import { notFoundError, validationError } from '../errors';
import {
  associationDefinitionEggSchema,
  objectSchemaEggSchema,
  objectSchemaPatchSchema,
} from '../requests/definitions.requests';
import type { ObjectTypeDef } from '../store/state.schema';
import { readBody, readQuery } from '../validation';
import {
  associationDefinitionJson,
  objectSchemaJson,
  objectTypeDefinitionJson,
} from '../views/definition-view';
import {
  type RouteDeps,
  type SandboxApp,
  type SandboxContext,
  booleanParam,
  pathParam,
} from './route-kit';

const BASES = ['/crm/v3/schemas', '/crm-object-schemas/v3/schemas'];
const archivedQuery = z.object({ archived: booleanParam.default(false) });

export function registerSchemaRoutes(app: SandboxApp, { store }: RouteDeps): void {
  const schemaOf = (c: SandboxContext, includeArchived = false): ObjectTypeDef => {
    const ref = pathParam(c, 'objectType');
    const type = store.findType(ref, { allowName: true, includeArchived });
    if (!type)
      throw notFoundError(`Unable to find object type ${ref}`, { context: { objectType: [ref] } });
    return type;
  };
  const customOnly = (type: ObjectTypeDef): ObjectTypeDef => {
    if (type.kind !== 'custom')
      throw validationError(`${type.name} is a standard object: its schema cannot be changed here`);
    return type;
  };

  for (const base of BASES) {
    app.get(base, (c) => {
      const { archived } = readQuery(c, archivedQuery);
      return c.json({
        results: store.schemas.customTypes(archived).map((type) => objectSchemaJson(store, type)),
      });
    });

    app.post(base, async (c) => {
      const egg = await readBody(c, objectSchemaEggSchema);
      const type = store.schemas.createSchema(egg);
      return c.json(objectSchemaJson(store, type), 201);
    });

    app.get(`${base}/:objectType`, (c) => {
      const { archived } = readQuery(c, archivedQuery);
      return c.json(objectSchemaJson(store, schemaOf(c, archived)));
    });

    app.patch(`${base}/:objectType`, async (c) => {
      const type = customOnly(schemaOf(c));
      const patch = await readBody(c, objectSchemaPatchSchema);
      return c.json(objectTypeDefinitionJson(store, store.schemas.updateSchema(type, patch)));
    });

    app.delete(`${base}/:objectType`, (c) => {
      store.schemas.archiveSchema(customOnly(schemaOf(c)));
      return c.body(null, 204);
    });

    app.post(`${base}/:objectType/associations`, async (c) => {
      const type = schemaOf(c);
      const egg = await readBody(c, associationDefinitionEggSchema);
      const from = store.type(egg.fromObjectTypeId, { allowName: true });
      const to = store.type(egg.toObjectTypeId, { allowName: true });
      if (from.objectTypeId !== type.objectTypeId && to.objectTypeId !== type.objectTypeId) {
        throw validationError(
          `An association of ${type.name} must start or end at ${type.objectTypeId}`,
        );
      }
      return c.json(associationDefinitionJson(store.schemas.definePair(from, to, egg.name)), 201);
    });
  }
}
