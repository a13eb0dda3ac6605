// `POST /crm/v3/objects/{type}/search` (`CollectionResponseWithTotalSimplePublicObjectForwardPaging`).
import { searchRequestSchema } from '../requests/objects.requests';
import { runSearch } from '../search/search-engine';
import { readBody } from '../validation';
import { recordJson } from '../views/record-view';
import { type RouteDeps, type SandboxApp, pathParam } from './route-kit';

export function registerSearchRoutes(app: SandboxApp, { store }: RouteDeps): void {
  app.post('/crm/v3/objects/:type/search', async (c) => {
    const type = store.type(pathParam(c, 'type'));
    const request = await readBody(c, searchRequestSchema);
    const page = runSearch(store, type, request);
    const view = { properties: request.properties ?? [] };
    return c.json({
      total: page.total,
      results: page.records.map((record) => recordJson(type, record, view)),
      ...(page.nextAfter !== undefined ? { paging: { next: { after: page.nextAfter } } } : {}),
    });
  });
}
