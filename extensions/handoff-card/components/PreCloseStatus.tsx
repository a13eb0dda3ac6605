// A pre-close handoff on the card. While it waits for a CS manager, the approver sees what was
// requested above their Approve action (the action bar's), the AE sees that it awaits approval,
// and until the deal closes won it is marked "pending contract".
import {
  Alert,
  DescriptionList,
  DescriptionListItem,
  Flex,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import { STATE_LABELS } from '../../../src/core/lifecycle/lifecycle-state';
import { PRE_CLOSE_TEXT, formatAmount, formatInstant } from '../card-text';
import type { CardView, HandoffView } from '../card-types';

export interface PreCloseStatusProps {
  handoff: HandoffView;
  /** The deal as the CRM has it now: its close date is the expected one while it is open. */
  deal: CardView['deal'];
}

export function PreCloseStatus({ handoff, deal }: PreCloseStatusProps) {
  const doc = handoff.document;
  if (doc.handoffType !== 'pre_close') return null;
  const approver = handoff.actions.some((a) => a.action === 'approve' && a.allowed);
  return (
    <Flex direction="column" gap="small">
      {handoff.state !== 'pending_approval' ? null : approver ? (
        <ApprovalRequest handoff={handoff} deal={deal} />
      ) : (
        <Alert title={STATE_LABELS.pending_approval} variant="info" testId="pre-close-awaiting">
          {handoff.canEdit ? PRE_CLOSE_TEXT.awaitingDetail : PRE_CLOSE_TEXT.awaitingOthers}
        </Alert>
      )}
      {doc.deal.closedWonAt ? null : (
        <Flex direction="row" gap="small" align="center" wrap>
          <StatusTag variant="warning" testId="pending-contract">
            {PRE_CLOSE_TEXT.pendingContract}
          </StatusTag>
          <Text variant="microcopy">{PRE_CLOSE_TEXT.pendingContractDetail}</Text>
        </Flex>
      )}
    </Flex>
  );
}

function ApprovalRequest({ handoff, deal }: PreCloseStatusProps) {
  const { deal: requested } = handoff.document;
  const { score, filled, required } = handoff.completeness;
  return (
    <Alert title={PRE_CLOSE_TEXT.approveTitle} variant="info" testId="pre-close-request">
      <Flex direction="column" gap="small">
        <Text>{PRE_CLOSE_TEXT.approveDetail}</Text>
        <DescriptionList direction="row">
          <DescriptionListItem label="Deal">
            <Text>{requested.name ?? deal.name ?? `Deal ${deal.id}`}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Amount">
            <Text>
              {formatAmount(requested.amount ?? deal.amount, requested.currency ?? deal.currency)}
            </Text>
          </DescriptionListItem>
          <DescriptionListItem label={deal.isClosedWon ? 'Closed' : 'Expected close'}>
            <Text>{formatInstant(deal.closedAt)}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Strategic deal">
            <Text>{requested.strategic ? 'Yes' : 'No'}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Filled in so far">
            <Text>
              {score}% ({filled} of {required} items)
            </Text>
          </DescriptionListItem>
        </DescriptionList>
      </Flex>
    </Alert>
  );
}
