// `/crm/v3/objects/{type}` and `/{type}/{id}`: list, create, read, update, archive one record.
// Standard objects answer to names and ids (`deals`, `0-3`), custom ones to `2-<n>` and
// `p{portalId}_{name}`; `idProperty` reads and writes by a unique value.
import { z } from 'zod';
import { objectNotFound } from '../errors';
import { objectCreateSchema, objectUpdateSchema } from '../requests/objects.requests';
import { readBody, readQuery } from '../validation';
import { recordJson } from '../views/record-view';
import {
  applyInlineAssociations,
  readRecordJson,
  resolveInlineAssociations,
} from './record-helpers';
import {
  type RouteDeps,
  type SandboxApp,
  booleanParam,
  intParam,
  listParam,
  nextPageLink,
  pathParam,
} from './route-kit';

const LIST_KEYS = ['properties', 'propertiesWithHistory', 'associations'];

const listQuerySchema = z.object({
  limit: intParam(1, 100).default(10),
  after: z.string().optional(),
  properties: listParam,
  propertiesWithHistory: listParam,
  associations: listParam,
  archived: booleanParam.default(false),
});

const readQuerySchema = z.object({
  properties: listParam,
  propertiesWithHistory: listParam,
  associations: listParam,
  archived: booleanParam.default(false),
  idProperty: z.string().optional(),
});

const writeQuerySchema = z.object({ idProperty: z.string().optional() });

export function registerObjectRoutes(app: SandboxApp, { store }: RouteDeps): void {
  app.get('/crm/v3/objects/:type', (c) => {
    const type = store.type(pathParam(c, 'type'));
    const query = readQuery(c, listQuerySchema, LIST_KEYS);
    const toTypes = query.associations.map((ref) => store.type(ref));
    const all = store.records.list(type, query.archived);
    // `after` is the last id of the previous page: ids grow, so the next page starts past it.
    const start =
      query.after === undefined ? 0 : all.findIndex((r) => Number(r.id) > Number(query.after));
    const page = start < 0 ? [] : all.slice(start, start + query.limit);
    const last = page[page.length - 1];
    const more = start >= 0 && start + query.limit < all.length && last !== undefined;
    const view = {
      properties: query.properties,
      propertiesWithHistory: query.propertiesWithHistory,
    };
    return c.json({
      results: page.map((record) => readRecordJson(store, type, record, view, toTypes)),
      ...(more ? { paging: { next: { after: last.id, link: nextPageLink(c, last.id) } } } : {}),
    });
  });

  app.post('/crm/v3/objects/:type', async (c) => {
    const type = store.type(pathParam(c, 'type'));
    const body = await readBody(c, objectCreateSchema);
    const associations = resolveInlineAssociations(store, type, body.associations);
    const record = store.records.create(type, body.properties);
    applyInlineAssociations(store, type, record, associations);
    return c.json(recordJson(type, record, { allStored: true }), 201);
  });

  app.get('/crm/v3/objects/:type/:id', (c) => {
    const type = store.type(pathParam(c, 'type'));
    const id = pathParam(c, 'id');
    const query = readQuery(c, readQuerySchema, LIST_KEYS);
    const toTypes = query.associations.map((ref) => store.type(ref));
    const record = query.archived
      ? store.records.get(type, id, true)
      : store.records.lookup(type, id, query.idProperty);
    if (!record) throw objectNotFound(id);
    const view = {
      properties: query.properties,
      propertiesWithHistory: query.propertiesWithHistory,
    };
    return c.json(readRecordJson(store, type, record, view, toTypes));
  });

  app.patch('/crm/v3/objects/:type/:id', async (c) => {
    const type = store.type(pathParam(c, 'type'));
    const id = pathParam(c, 'id');
    const { idProperty } = readQuery(c, writeQuerySchema);
    const body = await readBody(c, objectUpdateSchema);
    const record = store.records.lookup(type, id, idProperty, 'update');
    if (!record) throw objectNotFound(id);
    return c.json(
      recordJson(type, store.records.update(type, record, body.properties), { allStored: true }),
    );
  });

  // Archiving what is not there succeeds too: HubSpot's DELETE is idempotent.
  app.delete('/crm/v3/objects/:type/:id', (c) => {
    const type = store.type(pathParam(c, 'type'));
    const id = pathParam(c, 'id');
    if (store.records.archive(type, id))
      store.associations.removeAllFor({ objectTypeId: type.objectTypeId, id });
    return c.body(null, 204);
  });
}
