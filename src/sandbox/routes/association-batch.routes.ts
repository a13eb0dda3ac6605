// Associations v4 in batches: `/crm/v4/associations/{from}/{to}/batch/{create,read,archive,
// labels/archive,associate/default}`. Inputs whose records are missing fail on their own
// (207); a read of a record with nothing associated reports NO_ASSOCIATIONS_FOUND for it.
import { type BatchItemError, HubSpotError, objectNotFound } from '../errors';
import {
  batchAssociationArchiveSchema,
  batchAssociationCreateSchema,
  batchAssociationDefaultSchema,
  batchAssociationReadSchema,
} from '../requests/associations.requests';
import type { SandboxStore } from '../store/sandbox-store';
import type { ObjectTypeDef } from '../store/state.schema';
import { readBody } from '../validation';
import {
  associationTypesJson,
  defaultAssociationJson,
  labelsBetweenJson,
  numericId,
} from '../views/association-view';
import { batchJson, batchStatus } from '../views/batch-view';
import { defaultTypeOf } from './associations.routes';
import { type RouteDeps, type SandboxApp, nowIso, pathParam } from './route-kit';

/** How many associated records one batch-read entry lists before paging. */
const READ_PAGE = 500;

function refs(fromType: ObjectTypeDef, toType: ObjectTypeDef, fromId: string, toId: string) {
  return {
    from: { objectTypeId: fromType.objectTypeId, id: fromId },
    to: { objectTypeId: toType.objectTypeId, id: toId },
  };
}

function assertExist(
  store: SandboxStore,
  fromType: ObjectTypeDef,
  toType: ObjectTypeDef,
  fromId: string,
  toId: string,
): void {
  if (!store.records.get(fromType, fromId)) throw objectNotFound(fromId);
  if (!store.records.get(toType, toId)) throw objectNotFound(toId);
}

export function registerAssociationBatchRoutes(app: SandboxApp, deps: RouteDeps): void {
  const { store } = deps;
  const typesOf = (from: string, to: string) => [store.type(from), store.type(to)] as const;

  app.post('/crm/v4/associations/:fromType/:toType/batch/create', async (c) => {
    const startedAt = nowIso(deps);
    const [fromType, toType] = typesOf(pathParam(c, 'fromType'), pathParam(c, 'toType'));
    const { inputs } = await readBody(c, batchAssociationCreateSchema);
    const typeIdsPerInput = inputs.map((input) =>
      store.associations.resolveSpecs(fromType.objectTypeId, toType.objectTypeId, input.types),
    );
    const results: ReturnType<typeof labelsBetweenJson>[] = [];
    const errors: BatchItemError[] = [];
    inputs.forEach((input, index) => {
      try {
        assertExist(store, fromType, toType, input.from.id, input.to.id);
        const { from, to } = refs(fromType, toType, input.from.id, input.to.id);
        store.associations.add(from, to, typeIdsPerInput[index] ?? []);
        results.push(labelsBetweenJson(store, from, to));
      } catch (error) {
        if (!(error instanceof HubSpotError)) throw error;
        errors.push(error.asBatchItem());
      }
    });
    return c.json(batchJson(results, errors, startedAt, nowIso(deps)), batchStatus(errors, 201));
  });

  app.post('/crm/v4/associations/:fromType/:toType/batch/read', async (c) => {
    const startedAt = nowIso(deps);
    const [fromType, toType] = typesOf(pathParam(c, 'fromType'), pathParam(c, 'toType'));
    const { inputs } = await readBody(c, batchAssociationReadSchema);
    const results = [];
    const errors: BatchItemError[] = [];
    for (const input of inputs) {
      const all = store.associations.targets(
        { objectTypeId: fromType.objectTypeId, id: input.id },
        toType.objectTypeId,
      );
      const offset = Number(input.after ?? 0) || 0;
      const page = all.slice(offset, offset + READ_PAGE);
      if (all.length === 0) {
        errors.push({
          status: 'error',
          category: 'NO_ASSOCIATIONS_FOUND',
          subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
          message: `No ${toType.singularName} is associated with ${fromType.singularName} ${input.id}.`,
          context: { fromObjectId: [input.id] },
        });
        continue;
      }
      const next = offset + READ_PAGE;
      results.push({
        from: { id: input.id },
        to: page.map(({ toId, typeIds }) => ({
          toObjectId: numericId(toId),
          associationTypes: associationTypesJson(store, typeIds),
        })),
        ...(next < all.length ? { paging: { next: { after: String(next) } } } : {}),
      });
    }
    return c.json(batchJson(results, errors, startedAt, nowIso(deps)), batchStatus(errors, 200));
  });

  app.post('/crm/v4/associations/:fromType/:toType/batch/archive', async (c) => {
    const [fromType, toType] = typesOf(pathParam(c, 'fromType'), pathParam(c, 'toType'));
    const { inputs } = await readBody(c, batchAssociationArchiveSchema);
    for (const input of inputs) {
      for (const to of input.to) {
        const pair = refs(fromType, toType, input.from.id, to.id);
        store.associations.remove(pair.from, pair.to);
      }
    }
    return c.body(null, 204);
  });

  app.post('/crm/v4/associations/:fromType/:toType/batch/labels/archive', async (c) => {
    const [fromType, toType] = typesOf(pathParam(c, 'fromType'), pathParam(c, 'toType'));
    const { inputs } = await readBody(c, batchAssociationCreateSchema);
    for (const input of inputs) {
      const typeIds = store.associations.resolveSpecs(
        fromType.objectTypeId,
        toType.objectTypeId,
        input.types,
      );
      const pair = refs(fromType, toType, input.from.id, input.to.id);
      store.associations.removeTypes(pair.from, pair.to, typeIds);
    }
    return c.body(null, 204);
  });

  // The api-client knows only a 200 for this one: failed inputs ride in `errors` without a 207.
  app.post('/crm/v4/associations/:fromType/:toType/batch/associate/default', async (c) => {
    const startedAt = nowIso(deps);
    const [fromType, toType] = typesOf(pathParam(c, 'fromType'), pathParam(c, 'toType'));
    const { inputs } = await readBody(c, batchAssociationDefaultSchema);
    const type = defaultTypeOf(store, fromType, toType);
    const inverse = store.associations.typeOf(type.inverseTypeId);
    const results = [];
    const errors: BatchItemError[] = [];
    for (const input of inputs) {
      try {
        assertExist(store, fromType, toType, input.from.id, input.to.id);
        const pair = refs(fromType, toType, input.from.id, input.to.id);
        store.associations.add(pair.from, pair.to, [type.typeId]);
        results.push(defaultAssociationJson(input.from.id, input.to.id, type));
        if (inverse) results.push(defaultAssociationJson(input.to.id, input.from.id, inverse));
      } catch (error) {
        if (!(error instanceof HubSpotError)) throw error;
        errors.push(error.asBatchItem());
      }
    }
    return c.json(batchJson(results, errors, startedAt, nowIso(deps)), 200);
  });
}
