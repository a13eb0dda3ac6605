// Associations v4 between two records: `PUT` with labels, `PUT .../default/...`, `GET` the
// associated records of a type with their labels, `DELETE` all types between two records.
import { z } from 'zod';
import { objectNotFound, validationError } from '../errors';
import { associationSpecsSchema } from '../requests/associations.requests';
import type { SandboxStore } from '../store/sandbox-store';
import type { ObjectTypeDef } from '../store/state.schema';
import { readBody, readQuery } from '../validation';
import {
  associationTypesJson,
  defaultAssociationJson,
  labelsBetweenJson,
  numericId,
} from '../views/association-view';
import {
  type RouteDeps,
  type SandboxApp,
  type SandboxContext,
  intParam,
  nextPageLink,
  nowIso,
  pathParam,
} from './route-kit';

const pageQuerySchema = z.object({
  limit: intParam(1, 500).default(500),
  after: z.string().optional(),
});

interface Pair {
  fromType: ObjectTypeDef;
  toType: ObjectTypeDef;
  from: { objectTypeId: string; id: string };
  to: { objectTypeId: string; id: string };
}

function pairOf(store: SandboxStore, c: SandboxContext): Pair {
  const fromType = store.type(pathParam(c, 'type'));
  const toType = store.type(pathParam(c, 'toType'));
  return {
    fromType,
    toType,
    from: { objectTypeId: fromType.objectTypeId, id: pathParam(c, 'id') },
    to: { objectTypeId: toType.objectTypeId, id: pathParam(c, 'toId') },
  };
}

function assertRecordsExist(store: SandboxStore, pair: Pair): void {
  if (!store.records.get(pair.fromType, pair.from.id)) throw objectNotFound(pair.from.id);
  if (!store.records.get(pair.toType, pair.to.id)) throw objectNotFound(pair.to.id);
}

/** The unlabeled type of a pair, or HubSpot's refusal when the two objects cannot associate. */
export function defaultTypeOf(store: SandboxStore, fromType: ObjectTypeDef, toType: ObjectTypeDef) {
  const typeId = store.associations.defaultTypeId(fromType.objectTypeId, toType.objectTypeId);
  const type = typeId === undefined ? undefined : store.associations.typeOf(typeId);
  if (!type)
    throw validationError(`${fromType.name} and ${toType.name} have no default association type`);
  return type;
}

export function registerAssociationRoutes(app: SandboxApp, deps: RouteDeps): void {
  const { store } = deps;

  app.put('/crm/v4/objects/:type/:id/associations/default/:toType/:toId', (c) => {
    const startedAt = nowIso(deps);
    const pair = pairOf(store, c);
    assertRecordsExist(store, pair);
    const type = defaultTypeOf(store, pair.fromType, pair.toType);
    const inverse = store.associations.typeOf(type.inverseTypeId);
    store.associations.add(pair.from, pair.to, [type.typeId]);
    const results = [defaultAssociationJson(pair.from.id, pair.to.id, type)];
    if (inverse) results.push(defaultAssociationJson(pair.to.id, pair.from.id, inverse));
    return c.json({ status: 'COMPLETE', results, startedAt, completedAt: nowIso(deps) }, 200);
  });

  app.put('/crm/v4/objects/:type/:id/associations/:toType/:toId', async (c) => {
    const pair = pairOf(store, c);
    const specs = await readBody(c, associationSpecsSchema);
    const typeIds = store.associations.resolveSpecs(
      pair.from.objectTypeId,
      pair.to.objectTypeId,
      specs,
    );
    assertRecordsExist(store, pair);
    store.associations.add(pair.from, pair.to, typeIds);
    return c.json(labelsBetweenJson(store, pair.from, pair.to), 201);
  });

  app.get('/crm/v4/objects/:type/:id/associations/:toType', (c) => {
    const fromType = store.type(pathParam(c, 'type'));
    const toType = store.type(pathParam(c, 'toType'));
    const { limit, after } = readQuery(c, pageQuerySchema);
    const offset = after === undefined ? 0 : Number(after);
    if (!Number.isInteger(offset) || offset < 0)
      throw validationError(`after must be a paging cursor, not ${JSON.stringify(after)}`);
    const all = store.associations.targets(
      { objectTypeId: fromType.objectTypeId, id: pathParam(c, 'id') },
      toType.objectTypeId,
    );
    const page = all.slice(offset, offset + limit);
    const next = offset + limit;
    return c.json({
      results: page.map(({ toId, typeIds }) => ({
        toObjectId: numericId(toId),
        associationTypes: associationTypesJson(store, typeIds),
      })),
      ...(next < all.length
        ? { paging: { next: { after: String(next), link: nextPageLink(c, String(next)) } } }
        : {}),
    });
  });

  app.delete('/crm/v4/objects/:type/:id/associations/:toType/:toId', (c) => {
    const pair = pairOf(store, c);
    store.associations.remove(pair.from, pair.to);
    return c.body(null, 204);
  });
}
