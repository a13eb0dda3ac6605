// The preview's frame: the top bar (the portal, whom the preview acts as), and either the deals
// board or a deal's record page. The address follows what is open (/preview/deals/<id>), so a
// reload or a shared link lands on the same deal.
import { useCallback, useEffect, useState } from 'react';
import { PipelineBoard } from './PipelineBoard';
import { SettingsView } from './SettingsView';
import { DealRecord } from './DealRecord';
import { actingPerson, PREVIEW_ROLES, type PreviewRole } from './identity';
import { type Board, type DealDetails, previewApi } from './preview-api';
import { onPending } from '../stand-ins/hubspot-host';

type View = { page: 'board' } | { page: 'deal'; dealId: string } | { page: 'settings' };

function viewInPath(): View {
  const path = window.location.pathname;
  const deal = /^\/preview\/deals\/(\d+)/.exec(path)?.[1];
  if (deal) return { page: 'deal', dealId: deal };
  return path.startsWith('/preview/settings') ? { page: 'settings' } : { page: 'board' };
}

const pathOf = (view: View) =>
  view.page === 'deal'
    ? `/preview/deals/${view.dealId}`
    : view.page === 'settings'
      ? '/preview/settings'
      : '/preview';

export function PreviewApp() {
  const [board, setBoard] = useState<Board | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [role, setRole] = useState<PreviewRole>('ae');
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [view, setView] = useState<View>(viewInPath);
  const dealId = view.page === 'deal' ? view.dealId : null;
  const [details, setDetails] = useState<DealDetails | null>(null);
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<string | null>(null);
  const [calls, setCalls] = useState(0);

  useEffect(() => onPending(setCalls), []);

  const loadBoard = useCallback(async () => {
    try {
      setBoard(await previewApi.board());
      setFailure(null);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }, []);

  useEffect(() => {
    void loadBoard();
    const back = () => setView(viewInPath());
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, [loadBoard]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 3_000);
    return () => clearTimeout(timer);
  }, [toast]);

  const go = (next: View) => {
    window.history.pushState(null, '', pathOf(next));
    setView(next);
    setDetails(null);
    if (next.page === 'board') void loadBoard();
  };
  const open = (id: string | null) => go(id ? { page: 'deal', dealId: id } : { page: 'board' });

  const deal = dealId ? (details?.deal ?? board?.deals.find((d) => d.id === dealId) ?? null) : null;
  const person = board ? actingPerson(role, board.people, deal) : null;

  const move = async (id: string, stageId: string) => {
    setMoving((now) => new Set(now).add(id));
    try {
      await previewApi.moveDeal(id, stageId, person?.userId ?? null);
      const stage = board?.pipelines.flatMap((p) => p.stages).find((s) => s.id === stageId);
      setToast(
        stage?.isWon
          ? 'Closed won: HubSpot (the sandbox) sends the webhook, Baton starts the handoff'
          : `Moved to ${stage?.label ?? stageId}`,
      );
      await loadBoard();
    } catch (error) {
      setToast(error instanceof Error ? error.message : String(error));
    } finally {
      setMoving((now) => {
        const next = new Set(now);
        next.delete(id);
        return next;
      });
    }
  };

  const onDeal = useCallback((next: DealDetails) => setDetails(next), []);

  return (
    <div className="pv-app">
      <header className="pv-topbar">
        <div className="pv-brand">
          <span className="pv-logo" aria-hidden="true" />
          <span>
            <strong>Baton</strong> local preview
          </span>
        </div>
        <nav className="pv-nav" aria-label="Portal">
          <button
            type="button"
            className={view.page === 'settings' ? '' : 'pv-nav--on'}
            onClick={() => go({ page: 'board' })}
          >
            Deals
          </button>
          <button
            type="button"
            className={view.page === 'settings' ? 'pv-nav--on' : ''}
            onClick={() => go({ page: 'settings' })}
          >
            Settings
          </button>
        </nav>
        <span className="pv-portal">
          Sandbox portal {board?.portalId ?? '…'} · no HubSpot account needed
        </span>
        <span
          className="pv-calls"
          data-testid="baton-calls"
          data-pending={calls}
          aria-live="polite"
        >
          {calls > 0 ? 'Calling Baton…' : ''}
        </span>
        <div className="pv-role" role="radiogroup" aria-label="Act as">
          <span className="pv-role__label">Act as</span>
          {PREVIEW_ROLES.map((option) => (
            <label
              key={option.role}
              className={`pv-role__option${role === option.role ? ' pv-role__option--on' : ''}`}
            >
              <input
                type="radio"
                name="role"
                value={option.role}
                checked={role === option.role}
                onChange={() => setRole(option.role)}
              />
              {option.label}
            </label>
          ))}
          <span className="pv-role__person" data-testid="acting-person">
            {person ? `${person.name}` : 'nobody'}
          </span>
        </div>
      </header>
      {failure ? (
        <p className="bt-slot-error" role="alert">
          {failure}
        </p>
      ) : null}
      {!board ? (
        <p className="bt-boot">Loading the sandbox portal…</p>
      ) : view.page === 'settings' ? (
        <SettingsView portalId={board.portalId} person={person} onToast={setToast} />
      ) : dealId ? (
        <DealRecord
          dealId={dealId}
          portalId={board.portalId}
          pipelines={board.pipelines}
          people={board.people}
          person={person}
          onDeal={onDeal}
          onBack={() => open(null)}
          onMove={move}
          onToast={setToast}
        />
      ) : (
        <PipelineBoard
          board={board}
          pipelineId={pipelineId ?? board.pipelines[0]?.id ?? ''}
          onPipeline={setPipelineId}
          onOpen={open}
          onMove={(id, stageId) => void move(id, stageId)}
          moving={moving}
        />
      )}
      {toast ? (
        <div className="pv-toast" role="status">
          {toast}
        </div>
      ) : null}
    </div>
  );
}
