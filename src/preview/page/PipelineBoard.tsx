// The deals board, as HubSpot's: a column per stage of the chosen pipeline, each deal a card
// with its amount, owner and (once Baton has one) its handoff's state and completeness. A deal
// moves by dragging it to another column or with its "Move to" choice; closing it won starts
// its handoff through the real webhook path.
import { useMemo, useState } from 'react';
import type { DealRecord } from '../sandbox-reads';
import { initials, money, words } from './format';
import type { Board } from './preview-api';

export interface PipelineBoardProps {
  board: Board;
  pipelineId: string;
  onPipeline: (pipelineId: string) => void;
  onOpen: (dealId: string) => void;
  onMove: (dealId: string, stageId: string) => void;
  moving: ReadonlySet<string>;
}

const SHOWN_PER_STAGE = 40;

export function PipelineBoard(props: PipelineBoardProps) {
  const { board, pipelineId } = props;
  const [search, setSearch] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const pipeline = board.pipelines.find((p) => p.id === pipelineId) ?? board.pipelines[0];
  const ownerName = useMemo(
    () => new Map(board.people.map((person) => [person.id, person.name])),
    [board.people],
  );
  if (!pipeline) return <p className="bt-boot">The sandbox has no deal pipeline.</p>;

  const needle = search.trim().toLowerCase();
  const deals = board.deals.filter(
    (deal) =>
      deal.properties.pipeline === pipeline.id &&
      (needle === '' || (deal.properties.dealname ?? '').toLowerCase().includes(needle)),
  );
  const byStage = new Map<string, DealRecord[]>();
  for (const deal of deals) {
    const stage = deal.properties.dealstage ?? '';
    byStage.set(stage, [...(byStage.get(stage) ?? []), deal]);
  }

  return (
    <main className="pv-board">
      <div className="pv-board__bar">
        <h1 className="pv-title">Deals</h1>
        <label className="pv-inline-field">
          <span>Pipeline</span>
          <select value={pipeline.id} onChange={(event) => props.onPipeline(event.target.value)}>
            {board.pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="pv-inline-field pv-search">
          <span className="bt-visually-hidden">Find a deal</span>
          <input
            type="search"
            placeholder="Find a deal by name"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <p className="pv-hint">
          Drag a deal to{' '}
          <strong>{pipeline.stages.find((s) => s.isWon)?.label ?? 'Closed won'}</strong> to start
          its handoff.
        </p>
      </div>
      <div className="pv-columns">
        {pipeline.stages.map((stage) => {
          const column = (byStage.get(stage.id) ?? []).sort((a, b) =>
            (b.properties.closedate ?? '').localeCompare(a.properties.closedate ?? ''),
          );
          const total = column.reduce(
            (sum, deal) => sum + (Number(deal.properties.amount) || 0),
            0,
          );
          return (
            <section
              key={stage.id}
              className={`pv-column${stage.isWon ? ' pv-column--won' : ''}${dragging ? ' pv-column--target' : ''}`}
              aria-label={stage.label}
              data-testid={`stage-${stage.id}`}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                const dealId = event.dataTransfer.getData('text/plain');
                setDragging(null);
                if (dealId) props.onMove(dealId, stage.id);
              }}
            >
              <header className="pv-column__head">
                <span className="pv-column__name">{stage.label}</span>
                <span className="pv-column__count">{column.length}</span>
              </header>
              <div className="pv-column__total">{money(String(total))}</div>
              <div className="pv-column__deals">
                {column.slice(0, SHOWN_PER_STAGE).map((deal) => (
                  <article
                    key={deal.id}
                    className={`pv-deal${props.moving.has(deal.id) ? ' pv-deal--moving' : ''}`}
                    data-testid={`deal-${deal.id}`}
                    draggable
                    onDragStart={(event) => {
                      event.dataTransfer.setData('text/plain', deal.id);
                      setDragging(deal.id);
                    }}
                    onDragEnd={() => setDragging(null)}
                  >
                    <button
                      type="button"
                      className="pv-deal__name"
                      onClick={() => props.onOpen(deal.id)}
                    >
                      {deal.properties.dealname ?? `Deal ${deal.id}`}
                    </button>
                    <div className="pv-deal__meta">
                      <span>{money(deal.properties.amount)}</span>
                      <span
                        className="pv-avatar"
                        title={ownerName.get(deal.properties.hubspot_owner_id ?? '') ?? 'No owner'}
                      >
                        {initials(ownerName.get(deal.properties.hubspot_owner_id ?? '') ?? '?')}
                      </span>
                    </div>
                    {deal.properties.baton_status ? (
                      <div className="pv-deal__baton" data-testid={`deal-${deal.id}-baton`}>
                        <span
                          className={`pv-chip pv-chip--${deal.properties.baton_sla_state ?? 'ok'}`}
                        >
                          {words(deal.properties.baton_status)}
                        </span>
                        <span>{deal.properties.baton_completeness ?? 0}% complete</span>
                      </div>
                    ) : null}
                    <label className="pv-deal__move">
                      <span>Move to</span>
                      <select
                        aria-label={`Move ${deal.properties.dealname ?? deal.id} to`}
                        value={stage.id}
                        disabled={props.moving.has(deal.id)}
                        onChange={(event) => props.onMove(deal.id, event.target.value)}
                      >
                        {pipeline.stages.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </article>
                ))}
                {column.length > SHOWN_PER_STAGE ? (
                  <p className="pv-column__more">
                    {column.length - SHOWN_PER_STAGE} more: search to find them
                  </p>
                ) : null}
              </div>
            </section>
          );
        })}
      </div>
    </main>
  );
}
