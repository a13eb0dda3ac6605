// A deal's record page, laid out as HubSpot's: the deal's properties on the left (with the
// handoff summary Baton writes on the deal), the Baton tab card in the middle, the sidebar card
// and the deal's tasks on the right. What is around the cards refreshes after every call a card
// makes, and while a just-closed deal waits for its handoff.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardPipeline } from '../sandbox-reads';
import { ExtensionSlot } from './extension-slot';
import { dateTime, day, money, words } from './format';
import { type DealDetails, type PreviewPerson, previewApi } from './preview-api';
import { onFetch } from '../stand-ins/hubspot-host';

export interface DealRecordProps {
  dealId: string;
  portalId: number;
  pipelines: BoardPipeline[];
  people: PreviewPerson[];
  person: PreviewPerson | null;
  onDeal: (details: DealDetails) => void;
  onBack: () => void;
  onMove: (dealId: string, stageId: string) => Promise<void>;
  onToast: (message: string) => void;
}

const POLL_MS = 2_000;

export function DealRecord(props: DealRecordProps) {
  const { dealId, onDeal } = props;
  const [details, setDetails] = useState<DealDetails | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const next = await previewApi.deal(dealId);
      if (!live.current) return;
      setDetails(next);
      setFailure(null);
      onDeal(next);
    } catch (error) {
      if (live.current) setFailure(error instanceof Error ? error.message : String(error));
    }
  }, [dealId, onDeal]);

  useEffect(() => {
    live.current = true;
    void refresh();
    const stop = onFetch((seen) => {
      if (seen.method !== 'GET') void refresh();
    });
    return () => {
      live.current = false;
      stop();
    };
  }, [refresh]);

  // A deal just closed won waits for Baton's automation: look again until its handoff is there.
  const stageId = details?.deal.properties.dealstage;
  const waiting =
    details !== null &&
    !details.deal.properties.baton_handoff_key &&
    props.pipelines.some((p) => p.stages.some((s) => s.id === stageId && s.isWon));
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  if (failure && !details) return <p className="bt-slot-error">{failure}</p>;
  if (!details) return <p className="bt-boot">Loading the deal…</p>;

  const p = details.deal.properties;
  const pipeline = props.pipelines.find((x) => x.id === p.pipeline);
  const stage = pipeline?.stages.find((s) => s.id === p.dealstage);
  const name = (id: string | null | undefined) =>
    props.people.find((person) => person.id === id)?.name ?? '—';
  // A new handoff (or none any more) mounts the cards afresh, as a page reload would.
  const cardKey = `${dealId}:${props.person?.id ?? 'nobody'}:${p.baton_handoff_key ?? 'none'}`;
  // The sidebar card loads once, as in HubSpot; here it follows what the tab card changes.
  const sidebarKey = `${cardKey}:${p.baton_status}:${p.baton_completeness}:${p.baton_quality}:${p.baton_sla_state}`;

  // What both cards on this record get from the page.
  const slot = {
    dealId,
    portalId: props.portalId,
    onAlert: props.onToast,
    onRefresh: () => void refresh(),
  };

  return (
    <main className="pv-record">
      <aside className="pv-record__left">
        <button type="button" className="pv-back" onClick={props.onBack}>
          ← Deals
        </button>
        <div className="pv-record__identity">
          <div className="pv-record__icon" aria-hidden="true">
            $
          </div>
          <h1 className="pv-title" data-testid="deal-name">
            {p.dealname}
          </h1>
          <p className="pv-muted">
            {money(p.amount)} · {details.company?.properties.name ?? 'No company'}
          </p>
        </div>
        <label className="pv-stage-field">
          <span>Deal stage</span>
          <select
            value={p.dealstage ?? ''}
            onChange={(event) => void props.onMove(dealId, event.target.value)}
          >
            {(pipeline?.stages ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {stage?.isWon && !p.baton_handoff_key ? (
          <p className="pv-waiting" role="status">
            Closed won: Baton is starting the handoff…
          </p>
        ) : null}
        <section className="pv-props">
          <h2>About this deal</h2>
          <Property label="Pipeline" value={pipeline?.label} />
          <Property label="Close date" value={day(p.closedate)} />
          <Property label="Deal owner" value={name(p.hubspot_owner_id)} />
        </section>
        <section className="pv-props" data-testid="baton-properties">
          <h2>Baton handoff</h2>
          <Property label="Handoff state" value={words(p.baton_status)} />
          <Property
            label="Completeness"
            value={p.baton_completeness ? `${p.baton_completeness}%` : '—'}
          />
          <Property
            label="Quality"
            value={p.baton_quality ? `${p.baton_quality} (${words(p.baton_quality_band)})` : '—'}
          />
          <Property label="SLA" value={words(p.baton_sla_state)} />
          <Property label="Owns the customer" value={ownerSide(p.baton_owner_side)} />
          <Property label="CSM" value={name(p.baton_csm_owner_id)} />
        </section>
      </aside>
      <section className="pv-record__middle">
        <nav className="pv-tabs" aria-label="Record tabs">
          <span className="pv-tab">Overview</span>
          <span className="pv-tab pv-tab--active" aria-current="page">
            Baton handoff
          </span>
        </nav>
        <div className="pv-card-frame" data-testid="handoff-card-frame">
          {props.person ? (
            <ExtensionSlot key={cardKey} point="crm.record.tab" person={props.person} {...slot} />
          ) : (
            <p className="pv-muted">Nobody in the sandbox has this role.</p>
          )}
        </div>
      </section>
      <aside className="pv-record__right">
        <section className="pv-side-card" data-testid="sidebar-card-frame">
          <h2>Baton</h2>
          {props.person ? (
            <ExtensionSlot
              key={sidebarKey}
              point="crm.record.sidebar"
              person={props.person}
              {...slot}
            />
          ) : null}
        </section>
        <section className="pv-side-card" data-testid="deal-tasks">
          <h2>Tasks ({details.tasks.length})</h2>
          {details.tasks.length === 0 ? (
            <p className="pv-muted">No tasks on this deal.</p>
          ) : (
            <ul className="pv-tasks">
              {details.tasks.map((task) => (
                <li key={task.id} className={task.status === 'COMPLETED' ? 'pv-task--done' : ''}>
                  <span className="pv-task__subject">{task.subject}</span>
                  <span className="pv-muted">
                    {name(task.ownerId)} · due {dateTime(task.dueAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </main>
  );
}

function ownerSide(side: string | null | undefined): string {
  if (side === 'receiver') return 'Customer Success';
  if (side === 'sender') return 'Sales (until CS accepts)';
  return words(side);
}

function Property({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="pv-prop">
      <span className="pv-prop__label">{label}</span>
      <span className="pv-prop__value">{value || '—'}</span>
    </div>
  );
}
