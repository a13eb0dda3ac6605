// The settings page's entry: HubSpot renders it in the app's settings; everything else is
// SettingsPage's. The backend knows the account and the user from the signed request.
import { useMemo } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { BATON_PUBLIC_URL } from '../handoff-card/public-url';
import { createSettingsClient } from './settings-client';
import { SettingsPage } from './SettingsPage';

export interface SettingsPageEntryProps {
  baseUrl?: string;
}

/** One client: a new one on every render would load the settings again and again. */
export function SettingsPageEntry({ baseUrl = BATON_PUBLIC_URL }: SettingsPageEntryProps) {
  const client = useMemo(() => createSettingsClient({ baseUrl }), [baseUrl]);
  return <SettingsPage client={client} />;
}

hubspot.extend<'settings'>(() => <SettingsPageEntry />);
