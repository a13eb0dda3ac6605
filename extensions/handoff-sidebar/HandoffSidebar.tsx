// The deal record's sidebar card: the handoff at a glance, nothing to edit. Same client and
// state as the tab (one card API load); the tab is where the sections and actions are, the
// sidebar only points there (to start a handoff, or to request a pre-close one).
import { EmptyState, Flex, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import type { CardClient } from '../handoff-card/card-client';
import { BAND, CLOCK_STATUS, formatInstant } from '../handoff-card/card-text';
import type { HandoffView } from '../handoff-card/card-types';
import { useHandoffCard } from '../handoff-card/use-handoff-card';
import { LoadFailed, LoadingCard } from '../handoff-card/components/CardStates';
import { OwnershipLine } from '../handoff-card/components/OwnershipLine';
import { nextDueClock, nextStepText } from './sidebar-text';

export const TAB_HINT = 'Open the Handoff tab of this deal for the sections and actions.';

/** To the AE of an open deal that may ask CS to engage before the close. */
export const SIDEBAR_PRE_CLOSE_HINT =
  'Closing a strategic or complex deal soon? Request a pre-close handoff from the Handoff tab, so CS engages before the contract is signed.';

export function HandoffSidebar({ client }: { client: CardClient }) {
  const { state, reload } = useHandoffCard(client);
  if (state.status === 'loading') return <LoadingCard />;
  if (state.status === 'failed') return <LoadFailed message={state.message} onRetry={reload} />;
  const { handoff, canStart, canRequestPreClose } = state.view;
  if (!handoff) {
    return (
      <EmptyState title="No handoff yet" imageName="deals" layout="vertical">
        <Text>
          {canStart
            ? 'This deal is closed-won: start the handoff from the Handoff tab.'
            : 'The handoff starts by itself when the deal moves to a closed-won stage.'}
        </Text>
        {canRequestPreClose ? (
          <Text variant="microcopy" testId="pre-close-hint">
            {SIDEBAR_PRE_CLOSE_HINT}
          </Text>
        ) : null}
      </EmptyState>
    );
  }
  return <Glance handoff={handoff} />;
}

function Glance({ handoff }: { handoff: HandoffView }) {
  const { score, filled, required } = handoff.completeness;
  const band = BAND[handoff.quality.band];
  const clock = nextDueClock(handoff.clocks);
  return (
    <Flex direction="column" gap="small">
      <OwnershipLine handoff={handoff} />
      <ProgressBar
        title="Completeness"
        value={score}
        maxValue={100}
        showPercentage
        valueDescription={`${filled} of ${required} items filled`}
        variant={
          score === 100 ? 'success' : score >= handoff.minimumCompleteness ? 'warning' : 'danger'
        }
      />
      <Flex direction="row" gap="small" align="center">
        <Text format={{ fontWeight: 'bold' }} testId="quality-total">
          Quality {handoff.quality.total} / 100
        </Text>
        <StatusTag variant={band.variant}>{band.label}</StatusTag>
      </Flex>
      {clock ? (
        <Flex direction="row" gap="small" align="center" wrap>
          <StatusTag variant={CLOCK_STATUS[clock.status].variant}>
            {CLOCK_STATUS[clock.status].label}
          </StatusTag>
          <Text testId="next-clock">
            {clock.label}: due {formatInstant(clock.dueAt)}
          </Text>
        </Flex>
      ) : null}
      <Text format={{ fontWeight: 'demibold' }} testId="next-step">
        {nextStepText(handoff)}
      </Text>
      <Text variant="microcopy">{TAB_HINT}</Text>
    </Flex>
  );
}
