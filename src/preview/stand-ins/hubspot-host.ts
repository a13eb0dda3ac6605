// The stand-in for HubSpot itself, as a card sees it through `hubspot` from
// @hubspot/ui-extensions: `extend` hands over the card's render function, `fetch` reaches
// Baton's backend. HubSpot signs a card's fetch and names the account and user; here the
// preview server does (POST /preview/api/fetch), for whichever person the preview acts as.
import type { ReactNode } from 'react';

export type ExtensionPoint = 'crm.record.tab' | 'crm.record.sidebar' | 'settings';

export interface ExtensionContext {
  crm: { objectId: number; objectTypeId: string };
  user: { id: number; email: string; firstName: string; lastName: string; locale: string };
  portal: { id: number; timezone: string };
  location: ExtensionPoint;
}

export interface ExtensionActions {
  copyTextToClipboard(text: string): Promise<void>;
  addAlert(alert: { title?: string; message: string; type?: string }): void;
  refreshObjectProperties(): void;
  reloadPage(): void;
}

export type ExtensionRender = (api: {
  context: ExtensionContext;
  actions: ExtensionActions;
}) => ReactNode;

export interface FetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  timeout?: number;
}

/** What the preview learns of every call a card makes: the page refreshes what it shows. */
export interface FetchSeen {
  method: string;
  path: string;
  status: number;
}

const extensions = new Map<ExtensionPoint, ExtensionRender>();
const listeners = new Set<(seen: FetchSeen) => void>();
const pendingListeners = new Set<(pending: number) => void>();
let pending = 0;
let loading: ExtensionPoint | null = null;
let actingUserId: number | null = null;

/** Whom the next fetches are made as: a HubSpot user id of the sandbox portal. */
export function actAs(userId: number): void {
  actingUserId = userId;
}

export function onFetch(listener: (seen: FetchSeen) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many card calls are on their way now: the preview shows it, tests wait for 0. */
export function onPending(listener: (pending: number) => void): () => void {
  pendingListeners.add(listener);
  listener(pending);
  return () => pendingListeners.delete(listener);
}

function setPending(delta: number): void {
  pending += delta;
  for (const listener of pendingListeners) listener(pending);
}

/** Runs an extension's entry module and returns the render function it handed to `extend`. */
export async function loadExtension(
  point: ExtensionPoint,
  load: () => Promise<unknown>,
): Promise<ExtensionRender> {
  loading = point;
  try {
    await load();
  } finally {
    loading = null;
  }
  const render = extensions.get(point);
  if (!render) throw new Error(`the ${point} extension did not call hubspot.extend`);
  return render;
}

async function fetchThroughPreview(url: string, options: FetchOptions = {}): Promise<Response> {
  const target = new URL(url);
  const method = options.method ?? 'GET';
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeout ?? 15_000);
  setPending(+1);
  try {
    const answer = await window.fetch('/preview/api/fetch', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        path: target.pathname + target.search,
        method,
        ...(options.body === undefined ? {} : { body: options.body }),
        userId: actingUserId,
      }),
      signal: abort.signal,
    });
    if (!answer.ok) {
      // The proxy itself refused (not Baton): say why in the console, as a card would fail.
      const reason = await answer.text().catch(() => '');
      console.warn(
        `[baton preview] ${method} ${target.pathname}: proxy answered ${answer.status} ${reason}`,
      );
      throw new Error(`the preview could not reach Baton (${answer.status})`);
    }
    const { status, body } = (await answer.json()) as { status: number; body: string };
    for (const listener of listeners) listener({ method, path: target.pathname, status });
    return new Response(status === 204 ? null : body, {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  } finally {
    clearTimeout(timer);
    setPending(-1);
  }
}

export const hubspot = {
  extend(render: ExtensionRender): void {
    if (loading === null) throw new Error('hubspot.extend called outside an extension load');
    extensions.set(loading, render);
  },
  fetch: fetchThroughPreview,
};
