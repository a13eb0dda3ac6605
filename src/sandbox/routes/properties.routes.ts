// Properties and property groups of any object: `/crm/v3/properties/{type}` (list, create),
// `/batch/{create,read,archive}`, `/groups[/{name}]` and `/{name}` (read, update, archive).
// Group and batch routes are registered before `/{name}` so that `groups` is no property name.
import { z } from 'zod';
import { type BatchItemError, HubSpotError, notFoundError } from '../errors';
import {
  batchPropertyArchiveSchema,
  batchPropertyCreateSchema,
  batchPropertyReadSchema,
  propertyCreateSchema,
  propertyGroupCreateSchema,
  propertyGroupUpdateSchema,
  propertyUpdateSchema,
} from '../requests/definitions.requests';
import { readBody, readQuery } from '../validation';
import { batchJson, batchStatus } from '../views/batch-view';
import { groupJson, propertyJson } from '../views/definition-view';
import { type RouteDeps, type SandboxApp, booleanParam, nowIso, pathParam } from './route-kit';

const BASE = '/crm/v3/properties/:type';
const archivedQuery = z.object({
  archived: booleanParam.default(false),
  properties: z.string().optional(),
});

export function registerPropertyRoutes(app: SandboxApp, deps: RouteDeps): void {
  const { store } = deps;
  const typeOf = (ref: string) => store.type(ref);

  app.get(BASE, (c) => {
    const type = typeOf(pathParam(c, 'type'));
    const { archived, properties } = readQuery(c, archivedQuery);
    const wanted = properties?.split(',').map((p) => p.trim());
    const results = type.properties
      .filter((p) => p.archived === archived && (!wanted || wanted.includes(p.name)))
      .map((p) => propertyJson(store, p));
    return c.json({ results });
  });

  app.post(BASE, async (c) => {
    const type = typeOf(pathParam(c, 'type'));
    const body = await readBody(c, propertyCreateSchema);
    return c.json(propertyJson(store, store.schemas.createProperty(type, body)), 201);
  });

  app.post(`${BASE}/batch/create`, async (c) => {
    const startedAt = nowIso(deps);
    const type = typeOf(pathParam(c, 'type'));
    const { inputs } = await readBody(c, batchPropertyCreateSchema);
    const results = [];
    const errors: BatchItemError[] = [];
    for (const input of inputs) {
      try {
        results.push(propertyJson(store, store.schemas.createProperty(type, input)));
      } catch (error) {
        if (!(error instanceof HubSpotError)) throw error;
        errors.push(error.asBatchItem({ propertyName: [input.name] }));
      }
    }
    return c.json(batchJson(results, errors, startedAt, nowIso(deps)), batchStatus(errors, 201));
  });

  app.post(`${BASE}/batch/read`, async (c) => {
    const startedAt = nowIso(deps);
    const type = typeOf(pathParam(c, 'type'));
    const { inputs, archived = false } = await readBody(c, batchPropertyReadSchema);
    const found = inputs.flatMap(({ name }) =>
      type.properties.filter((p) => p.name === name && p.archived === archived),
    );
    const missing = inputs
      .map(({ name }) => name)
      .filter((name) => !found.some((p) => p.name === name));
    const errors =
      missing.length > 0
        ? [
            notFoundError(`Unable to find some properties of ${type.name}`).asBatchItem({
              properties: missing,
            }),
          ]
        : [];
    return c.json(
      batchJson(
        found.map((p) => propertyJson(store, p)),
        errors,
        startedAt,
        nowIso(deps),
      ),
      batchStatus(errors, 200),
    );
  });

  app.post(`${BASE}/batch/archive`, async (c) => {
    const type = typeOf(pathParam(c, 'type'));
    const { inputs } = await readBody(c, batchPropertyArchiveSchema);
    for (const { name } of inputs) {
      if (type.properties.some((p) => p.name === name && !p.archived))
        store.schemas.archiveProperty(type, name);
    }
    return c.body(null, 204);
  });

  app.get(`${BASE}/groups`, (c) => {
    const type = typeOf(pathParam(c, 'type'));
    return c.json({ results: type.groups.filter((g) => !g.archived).map(groupJson) });
  });

  app.post(`${BASE}/groups`, async (c) => {
    const type = typeOf(pathParam(c, 'type'));
    const body = await readBody(c, propertyGroupCreateSchema);
    return c.json(groupJson(store.schemas.createGroup(type, body)), 201);
  });

  app.get(`${BASE}/groups/:groupName`, (c) => {
    const type = typeOf(pathParam(c, 'type'));
    return c.json(groupJson(store.schemas.group(type, pathParam(c, 'groupName'))));
  });

  app.patch(`${BASE}/groups/:groupName`, async (c) => {
    const type = typeOf(pathParam(c, 'type'));
    const body = await readBody(c, propertyGroupUpdateSchema);
    return c.json(groupJson(store.schemas.updateGroup(type, pathParam(c, 'groupName'), body)));
  });

  app.delete(`${BASE}/groups/:groupName`, (c) => {
    const type = typeOf(pathParam(c, 'type'));
    store.schemas.archiveGroup(type, pathParam(c, 'groupName'));
    return c.body(null, 204);
  });

  app.get(`${BASE}/:name`, (c) => {
    const type = typeOf(pathParam(c, 'type'));
    const { archived } = readQuery(c, archivedQuery);
    return c.json(
      propertyJson(store, store.schemas.property(type, pathParam(c, 'name'), archived)),
    );
  });

  app.patch(`${BASE}/:name`, async (c) => {
    const type = typeOf(pathParam(c, 'type'));
    const body = await readBody(c, propertyUpdateSchema);
    return c.json(
      propertyJson(store, store.schemas.updateProperty(type, pathParam(c, 'name'), body)),
    );
  });

  app.delete(`${BASE}/:name`, (c) => {
    const type = typeOf(pathParam(c, 'type'));
    store.schemas.archiveProperty(type, pathParam(c, 'name'));
    return c.body(null, 204);
  });
}
