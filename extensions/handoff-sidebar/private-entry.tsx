// The sidebar card's entry in the private, single-portal install: the same HandoffSidebar, its
// client the card's app function (`hubspot.serverless`) instead of the backend's card API.
import { useMemo } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { createServerlessCardClient } from '../handoff-card/serverless-card-client';
import { HandoffSidebar } from './HandoffSidebar';

export interface PrivateHandoffSidebarEntryProps {
  dealId: string;
}

/** One client per deal: a new one on every render would load the card again and again. */
export function PrivateHandoffSidebarEntry({ dealId }: PrivateHandoffSidebarEntryProps) {
  const client = useMemo(() => createServerlessCardClient({ dealId }), [dealId]);
  return <HandoffSidebar client={client} />;
}

hubspot.extend<'crm.record.sidebar'>(({ context }) => (
  <PrivateHandoffSidebarEntry dealId={String(context.crm.objectId)} />
));
