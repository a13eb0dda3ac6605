// The page's calls to the preview routes (src/preview/preview-routes.ts).
import type { ActorRole } from '../../core';
import type { BoardPerson, BoardPipeline, DealRecord, DealTask } from '../sandbox-reads';

export interface PreviewPerson extends BoardPerson {
  role: ActorRole;
}

export interface Board {
  portalId: number;
  pipelines: BoardPipeline[];
  deals: DealRecord[];
  people: PreviewPerson[];
}

export interface DealDetails {
  deal: DealRecord;
  company: DealRecord | null;
  tasks: DealTask[];
}

async function json<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body
        ? String((body as { message: unknown }).message)
        : `the preview answered ${response.status}`;
    throw new Error(message);
  }
  return body as T;
}

export const previewApi = {
  board: () => fetch('/preview/api/board').then((r) => json<Board>(r)),
  deal: (dealId: string) =>
    fetch(`/preview/api/deals/${encodeURIComponent(dealId)}`).then((r) => json<DealDetails>(r)),
  moveDeal: (dealId: string, stageId: string, userId: number | null) =>
    fetch(`/preview/api/deals/${encodeURIComponent(dealId)}/stage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ stageId, userId }),
    }).then((r) => json<{ moved: true }>(r)),
};
