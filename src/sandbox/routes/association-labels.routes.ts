// Association labels: `GET/POST/PUT /crm/v4/associations/{from}/{to}/labels` and `DELETE
// .../labels/{typeId}`, also under `/crm/associations/v4/...` where the api-client's
// `LabelsApi` sends them. A label is a USER_DEFINED type with its inverse (read from the other
// side, with `inverseLabel` when given); GET lists HubSpot's own types too (label `null` for
// unlabeled ones).
import { z } from 'zod';
import { labelCreateSchema, labelUpdateSchema } from '../requests/associations.requests';
import { parseWith, readBody } from '../validation';
import { associationSpecWithLabelJson } from '../views/association-view';
import { type RouteDeps, type SandboxApp, intParam, pathParam } from './route-kit';

const BASES = [
  '/crm/v4/associations/:fromType/:toType/labels',
  '/crm/associations/v4/:fromType/:toType/labels',
];

export function registerAssociationLabelRoutes(app: SandboxApp, { store }: RouteDeps): void {
  for (const base of BASES) {
    app.get(base, (c) => {
      const from = store.type(pathParam(c, 'fromType'));
      const to = store.type(pathParam(c, 'toType'));
      const results = store.associations
        .typesBetween(from.objectTypeId, to.objectTypeId)
        .map(associationSpecWithLabelJson);
      return c.json({ results });
    });

    app.post(base, async (c) => {
      const from = store.type(pathParam(c, 'fromType'));
      const to = store.type(pathParam(c, 'toType'));
      const body = await readBody(c, labelCreateSchema);
      const created = store.associations.createLabel(from.objectTypeId, to.objectTypeId, body);
      return c.json({ results: created.map(associationSpecWithLabelJson) }, 200);
    });

    app.put(base, async (c) => {
      const from = store.type(pathParam(c, 'fromType'));
      const to = store.type(pathParam(c, 'toType'));
      const body = await readBody(c, labelUpdateSchema);
      store.associations.updateLabel(
        from.objectTypeId,
        to.objectTypeId,
        body.associationTypeId,
        body.label,
        body.inverseLabel,
      );
      return c.body(null, 204);
    });

    app.delete(`${base}/:typeId`, (c) => {
      const from = store.type(pathParam(c, 'fromType'));
      const to = store.type(pathParam(c, 'toType'));
      const typeId = parseWith(z.object({ typeId: intParam(1, Number.MAX_SAFE_INTEGER) }), {
        typeId: pathParam(c, 'typeId'),
      }).typeId;
      store.associations.deleteLabel(from.objectTypeId, to.objectTypeId, typeId);
      return c.body(null, 204);
    });
  }
}
