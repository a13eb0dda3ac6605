// `/crm/v3/objects/{type}/batch/{read,create,update,upsert,archive}`: 100 inputs at most.
// Values are checked for the whole batch before anything is written (one bad value fails the
// batch with a 400, as HubSpot's batch writes do); inputs whose record is missing fail on
// their own, and the answer is then a 207 with `errors`. Batch create reports per input only
// when every input carries an `objectWriteTraceId`: HubSpot's documented way to ask for
// multi-status (https://developers.hubspot.com/docs/api-reference/error-handling); without
// them the batch is all or nothing.
import { type BatchItemError, HubSpotError, notFoundError, validationError } from '../errors';
import {
  batchArchiveSchema,
  batchCreateSchema,
  batchReadSchema,
  batchUpdateSchema,
  batchUpsertSchema,
} from '../requests/objects.requests';
import { type PreparedWrite, UniqueClaims } from '../store/record-store';
import type { ObjectRecord, ObjectTypeDef } from '../store/state.schema';
import { readBody } from '../validation';
import { batchJson, batchStatus } from '../views/batch-view';
import { recordJson } from '../views/record-view';
import {
  type ResolvedAssociation,
  applyInlineAssociations,
  resolveInlineAssociations,
} from './record-helpers';
import { type RouteDeps, type SandboxApp, nowIso, pathParam } from './route-kit';

/**
 * Missing ids of a batch, one error listing them all in `context.ids`. The text is HubSpot's
 * for batch reads as we remember real 207s (not documented); the other verbs follow it.
 */
const missingIds = (type: ObjectTypeDef, ids: readonly string[], verb: string): BatchItemError =>
  notFoundError(
    `Could not ${verb} some ${type.singularName.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
  ).asBatchItem({ ids: [...ids] });

/** HubSpot refuses a batch naming one record twice; its exact wording is not documented. */
function assertDistinctIds(ids: readonly string[]): void {
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length > 0) {
    throw validationError(
      `Duplicate IDs found in batch input: [${repeated.join(', ')}]. IDs must be unique`,
    );
  }
}

export function registerBatchRoutes(app: SandboxApp, deps: RouteDeps): void {
  const { store } = deps;

  app.post('/crm/v3/objects/:type/batch/read', async (c) => {
    const startedAt = nowIso(deps);
    const type = store.type(pathParam(c, 'type'));
    const body = await readBody(c, batchReadSchema);
    if (body.idProperty) store.records.assertIdProperty(type, body.idProperty, 'read');
    const found = new Map<string, ObjectRecord>();
    const missing: string[] = [];
    for (const { id } of body.inputs) {
      const record = store.records.lookup(type, id, body.idProperty);
      if (record) found.set(record.id, record);
      else if (!missing.includes(id)) missing.push(id);
    }
    const view = {
      properties: body.properties ?? [],
      propertiesWithHistory: body.propertiesWithHistory ?? [],
    };
    const errors = missing.length > 0 ? [missingIds(type, missing, 'get')] : [];
    const results = [...found.values()].map((record) => recordJson(type, record, view));
    return c.json(batchJson(results, errors, startedAt, nowIso(deps)), batchStatus(errors, 200));
  });

  app.post('/crm/v3/objects/:type/batch/create', async (c) => {
    const startedAt = nowIso(deps);
    const type = store.type(pathParam(c, 'type'));
    const { inputs } = await readBody(c, batchCreateSchema);
    const claims = new UniqueClaims();
    const perInput =
      inputs.length > 0 && inputs.every((input) => input.objectWriteTraceId !== undefined);
    const results: ObjectRecord[] = [];
    const errors: BatchItemError[] = [];

    if (perInput) {
      inputs.forEach((input, index) => {
        try {
          const associations = resolveInlineAssociations(store, type, input.associations);
          const write = store.records.prepare(type, input.properties);
          store.records.checkUnique(write, claims, `inputs[${index}]`);
          const record = store.records.commit(write);
          applyInlineAssociations(store, type, record, associations);
          results.push(record);
        } catch (error) {
          if (!(error instanceof HubSpotError)) throw error;
          errors.push(
            error.asBatchItem({ objectWriteTraceId: [input.objectWriteTraceId ?? String(index)] }),
          );
        }
      });
    } else {
      const planned: { write: PreparedWrite; associations: ResolvedAssociation[] }[] = inputs.map(
        (input) => ({
          associations: resolveInlineAssociations(store, type, input.associations),
          write: store.records.prepare(type, input.properties),
        }),
      );
      planned.forEach(({ write }, index) =>
        store.records.checkUnique(write, claims, `inputs[${index}]`),
      );
      for (const { write, associations } of planned) {
        const record = store.records.commit(write);
        applyInlineAssociations(store, type, record, associations);
        results.push(record);
      }
    }
    const json = results.map((record) => recordJson(type, record, { allStored: true }));
    return c.json(batchJson(json, errors, startedAt, nowIso(deps)), batchStatus(errors, 201));
  });

  app.post('/crm/v3/objects/:type/batch/update', async (c) => {
    const startedAt = nowIso(deps);
    const type = store.type(pathParam(c, 'type'));
    const { inputs } = await readBody(c, batchUpdateSchema);
    assertDistinctIds(inputs.map((input) => input.id));
    const claims = new UniqueClaims();
    const missing: string[] = [];
    const writes: PreparedWrite[] = [];
    inputs.forEach((input, index) => {
      const record = store.records.lookup(type, input.id, input.idProperty, 'update');
      if (!record) return void missing.push(input.id);
      const write = store.records.prepare(type, input.properties, record);
      store.records.checkUnique(write, claims, `inputs[${index}]`);
      writes.push(write);
    });
    const results = writes.map((write) =>
      recordJson(type, store.records.commit(write), { allStored: true }),
    );
    const errors = missing.length > 0 ? [missingIds(type, missing, 'update')] : [];
    return c.json(batchJson(results, errors, startedAt, nowIso(deps)), batchStatus(errors, 200));
  });

  app.post('/crm/v3/objects/:type/batch/upsert', async (c) => {
    const startedAt = nowIso(deps);
    const type = store.type(pathParam(c, 'type'));
    const { inputs } = await readBody(c, batchUpsertSchema);
    assertDistinctIds(inputs.map((input) => input.id));
    const claims = new UniqueClaims();
    const errors: BatchItemError[] = [];
    const writes: PreparedWrite[] = [];
    inputs.forEach((input, index) => {
      if (!input.idProperty || input.idProperty === 'hs_object_id') {
        // Without a unique property there is nothing to create by: update or fail this input.
        const record = store.records.get(type, input.id);
        if (!record) return void errors.push(missingIds(type, [input.id], 'upsert'));
        writes.push(store.records.prepare(type, input.properties, record));
        return;
      }
      store.records.assertIdProperty(type, input.idProperty, 'update/upsert');
      const existing = store.records.findBy(type, input.idProperty, input.id);
      const properties = existing
        ? input.properties
        : { ...input.properties, [input.idProperty]: input.id };
      const write = store.records.prepare(type, properties, existing);
      store.records.checkUnique(write, claims, `inputs[${index}]`);
      writes.push(write);
    });
    const results = writes.map((write) => ({
      ...recordJson(type, store.records.commit(write), { allStored: true }),
      new: write.existing === undefined,
    }));
    return c.json(batchJson(results, errors, startedAt, nowIso(deps)), batchStatus(errors, 200));
  });

  app.post('/crm/v3/objects/:type/batch/archive', async (c) => {
    const type = store.type(pathParam(c, 'type'));
    const { inputs } = await readBody(c, batchArchiveSchema);
    for (const { id } of inputs) {
      if (store.records.archive(type, id))
        store.associations.removeAllFor({ objectTypeId: type.objectTypeId, id });
    }
    return c.body(null, 204);
  });
}
