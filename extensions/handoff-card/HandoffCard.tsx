// The deal record's handoff card: the state of the handoff at a glance, the actions this user
// may take, and the sections edited in place. Everything comes from one card API load.
import { useMemo, useState } from 'react';
import { Divider, Flex, Heading, Tile } from '@hubspot/ui-extensions';
import type { CardClient } from './card-client';
import type { CardView, HandoffView } from './card-types';
import { type HandoffCardModel, useHandoffCard } from './use-handoff-card';
import { ActionBar, type ReturnDecision } from './components/ActionBar';
import {
  ConflictNotice,
  LoadFailed,
  LoadingCard,
  NoHandoff,
  Refusal,
} from './components/CardStates';
import { CompletenessPanel } from './components/CompletenessPanel';
import { HandoffSections } from './components/HandoffSections';
import { IntroEmailButton } from './components/IntroEmailButton';
import { LifecycleSteps } from './components/LifecycleSteps';
import { MeetingChecklist } from './components/MeetingChecklist';
import { OwnershipLine } from './components/OwnershipLine';
import { PreCloseStatus } from './components/PreCloseStatus';
import { QualityPanel } from './components/QualityPanel';
import { ReturnForm } from './components/ReturnForm';
import { ReturnedGaps } from './components/ReturnedGaps';
import { SlaClocks } from './components/SlaClocks';

export interface HandoffCardProps {
  client: CardClient;
  /** Copies text for the user (the host's `copyTextToClipboard`). */
  copy: (text: string) => Promise<void>;
}

export function HandoffCard({ client, copy }: HandoffCardProps) {
  const model = useHandoffCard(client);
  const { state } = model;
  if (state.status === 'loading') return <LoadingCard />;
  if (state.status === 'failed')
    return <LoadFailed message={state.message} onRetry={model.reload} />;
  const { view, busy, conflict, refusal } = state;
  return (
    <Flex direction="column" gap="medium">
      {conflict ? <ConflictNotice message={conflict} onReload={model.reload} /> : null}
      {refusal ? <Refusal message={refusal} /> : null}
      {view.handoff ? (
        <HandoffDetails
          handoff={view.handoff}
          deal={view.deal}
          busy={busy || conflict !== null}
          model={model}
          client={client}
          copy={copy}
        />
      ) : (
        <NoHandoff
          canStart={view.canStart}
          canRequestPreClose={view.canRequestPreClose}
          expectedClose={view.deal.closedAt}
          busy={busy}
          onStart={() => void model.start()}
          onRequestPreClose={() => void model.requestPreClose()}
        />
      )}
    </Flex>
  );
}

interface DetailsProps {
  handoff: HandoffView;
  deal: CardView['deal'];
  busy: boolean;
  model: HandoffCardModel;
  client: CardClient;
  copy: (text: string) => Promise<void>;
}

function HandoffDetails({ handoff, deal, busy, model, client, copy }: DetailsProps) {
  const [returning, setReturning] = useState<ReturnDecision | null>(null);
  const emailClient = useMemo(() => ({ introEmail: () => client.introEmail() }), [client]);
  return (
    <>
      <LifecycleSteps state={handoff.state} />
      <OwnershipLine handoff={handoff} />
      <PreCloseStatus handoff={handoff} deal={deal} />
      <ReturnedGaps handoff={handoff} />
      <Tile>
        {returning ? (
          <ReturnForm
            decision={returning}
            missing={handoff.completeness.missing}
            busy={busy}
            onCancel={() => setReturning(null)}
            onSend={(action) =>
              void model.act(action).then((done) => {
                if (done) setReturning(null);
              })
            }
          />
        ) : (
          <ActionBar
            handoff={handoff}
            busy={busy}
            onAct={(action) => void model.act(action)}
            onReturn={setReturning}
          />
        )}
      </Tile>
      <Heading>At a glance</Heading>
      <CompletenessPanel handoff={handoff} />
      <QualityPanel quality={handoff.quality} />
      <SlaClocks handoff={handoff} />
      {handoff.canEdit ? <IntroEmailButton client={emailClient} copy={copy} /> : null}
      <HandoffSections handoff={handoff} busy={busy} onSave={model.save} />
      <Divider />
      {/* Keyed by version: a recorded meeting starts the form again from what was saved. */}
      <MeetingChecklist
        key={`meeting-${handoff.version}`}
        handoff={handoff}
        busy={busy}
        onAct={model.act}
      />
    </>
  );
}
