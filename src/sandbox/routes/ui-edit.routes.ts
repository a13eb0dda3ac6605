// `PATCH /__sandbox/objects/{type}/{id}`: an edit as a user makes it in HubSpot's record page,
// so its webhook events say `changeSource: "CRM_UI"` (and `sourceId: "userId:<n>"` with a
// `userId`). The body and the answer are those of the API's PATCH; no token, not counted.
import { z } from 'zod';
import { propertyValuesSchema } from '../requests/common';
import type { ChangeOrigin } from '../store/record-store';
import { readBody } from '../validation';
import { recordJson } from '../views/record-view';
import { type RouteDeps, type SandboxApp, pathParam } from './route-kit';

const uiEditSchema = z.strictObject({
  properties: propertyValuesSchema,
  userId: z.number().int().positive().optional(),
});

export function registerUiEditRoutes(app: SandboxApp, { store }: RouteDeps): void {
  app.patch('/__sandbox/objects/:type/:id', async (c) => {
    const type = store.type(pathParam(c, 'type'));
    const body = await readBody(c, uiEditSchema);
    const record = store.records.getOrThrow(type, pathParam(c, 'id'));
    const origin: ChangeOrigin = {
      source: 'CRM_UI',
      ...(body.userId !== undefined ? { sourceId: `userId:${body.userId}` } : {}),
    };
    const updated = store.records.update(type, record, body.properties, origin);
    return c.json(recordJson(type, updated, { allStored: true }));
  });
}
