// The sidebar card's entry: HubSpot hands over the deal; the client is the tab card's.
import { useMemo } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { createCardClient } from '../handoff-card/card-client';
import { BATON_PUBLIC_URL } from '../handoff-card/public-url';
import { HandoffSidebar } from './HandoffSidebar';

export interface HandoffSidebarEntryProps {
  dealId: string;
  baseUrl?: string;
}

/** One client per deal: a new one on every render would load the card again and again. */
export function HandoffSidebarEntry({
  dealId,
  baseUrl = BATON_PUBLIC_URL,
}: HandoffSidebarEntryProps) {
  const client = useMemo(() => createCardClient({ baseUrl, dealId }), [baseUrl, dealId]);
  return <HandoffSidebar client={client} />;
}

hubspot.extend<'crm.record.sidebar'>(({ context }) => (
  <HandoffSidebarEntry dealId={String(context.crm.objectId)} />
));
