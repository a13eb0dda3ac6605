// The card's entry: HubSpot hands over the deal and the host actions; everything else is
// HandoffCard's.
import { useMemo } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { createCardClient } from './card-client';
import { HandoffCard } from './HandoffCard';
import { BATON_PUBLIC_URL } from './public-url';

export interface HandoffCardEntryProps {
  dealId: string;
  copy: (text: string) => Promise<void>;
  baseUrl?: string;
}

/** One client per deal: a new one on every render would load the card again and again. */
export function HandoffCardEntry({
  dealId,
  copy,
  baseUrl = BATON_PUBLIC_URL,
}: HandoffCardEntryProps) {
  const client = useMemo(() => createCardClient({ baseUrl, dealId }), [baseUrl, dealId]);
  return <HandoffCard client={client} copy={copy} />;
}

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <HandoffCardEntry
    dealId={String(context.crm.objectId)}
    copy={(text) => actions.copyTextToClipboard(text)}
  />
));
