// Who owns the customer now: the sender until the receiver explicitly accepts.
import { Flex, StatusTag, Text } from '@hubspot/ui-extensions';
import { STATE_LABELS } from '../../../src/core/lifecycle/lifecycle-state';
import { SLA_STATE } from '../card-text';
import type { HandoffView } from '../card-types';

export function OwnershipLine({ handoff }: { handoff: HandoffView }) {
  const sla = SLA_STATE[handoff.slaState];
  return (
    <Flex direction="row" gap="small" align="center" wrap>
      <StatusTag variant="info">{STATE_LABELS[handoff.state]}</StatusTag>
      <StatusTag variant={sla.variant}>{sla.label}</StatusTag>
      <Text format={{ fontWeight: 'demibold' }} testId="ownership">
        {handoff.ownership.statement}
      </Text>
    </Flex>
  );
}
