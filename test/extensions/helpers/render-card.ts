// The card rendered for a test: `hubspot.fetch` answered by the fake backend, and the first
// load awaited. Tests restore the spy with `afterEach(() => jest.restoreAllMocks())`.
import { createElement } from 'react';
import { ProgressBar, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffCardEntry } from '../../../extensions/handoff-card';
import { BASE_URL, DEAL_ID, type FakeCardBackend } from './card-backend';

export async function renderCard(backend: FakeCardBackend) {
  jest.spyOn(hubspot, 'fetch').mockImplementation(backend.fetch);
  const renderer = createRenderer('crm.record.tab');
  renderer.render(
    createElement(HandoffCardEntry, {
      dealId: DEAL_ID,
      baseUrl: BASE_URL,
      copy: async () => undefined,
    }),
  );
  await renderer.waitFor(() => expect(renderer.maybeFind(ProgressBar)).not.toBeNull());
  return renderer;
}

export type RenderedCard = Awaited<ReturnType<typeof renderCard>>;

/** The PUT bodies the card sent, in order. */
export function puts(backend: FakeCardBackend): unknown[] {
  return backend.requests.filter((request) => request.method === 'PUT').map((r) => r.body);
}
