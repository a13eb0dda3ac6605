// The card's entry in the private, single-portal install: the same HandoffCard, its client the
// card's app function (`hubspot.serverless`) instead of the backend's card API.
import { useMemo } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { HandoffCard } from './HandoffCard';
import { createServerlessCardClient } from './serverless-card-client';

export interface PrivateHandoffCardEntryProps {
  dealId: string;
  copy: (text: string) => Promise<void>;
}

/** One client per deal: a new one on every render would load the card again and again. */
export function PrivateHandoffCardEntry({ dealId, copy }: PrivateHandoffCardEntryProps) {
  const client = useMemo(() => createServerlessCardClient({ dealId }), [dealId]);
  return <HandoffCard client={client} copy={copy} />;
}

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <PrivateHandoffCardEntry
    dealId={String(context.crm.objectId)}
    copy={(text) => actions.copyTextToClipboard(text)}
  />
));
