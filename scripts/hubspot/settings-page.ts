// The app's settings page as a HubSpot 2026.03 project component: `app/settings/settings-hsmeta.json`
// (`type: settings`, one per app), its entry file (extensions/settings bundled by esbuild, like
// the cards: Baton's code inlined, React and @hubspot/ui-extensions left as imports) and the
// folder's package.json, from which HubSpot installs those two when it bundles on upload.
//
// The format follows HubSpot's "Create a settings page" guide for 2025.2 and 2026.03
// (developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensions/
// extension-points/create-a-settings-page): the folder is `settings/` under `app/` (the name
// @hubspot/project-parsing-lib enforces, and it allows one settings component per app), and
// `config.entrypoint` is the page's React file relative to the project's srcDir, with a leading
// slash, as for cards.
import { CARD_PACKAGE } from '../../src/crm/hubspot/card-meta';
import { type GeneratedFile, toJson } from '../../src/crm/hubspot/generated-files';
import type { EsbuildBuild } from './bundle-app-functions';
import { bundleExtension } from './bundle-handoff-card';

export const SETTINGS_DIR = 'app/settings';
export const SETTINGS_ENTRY = `${SETTINGS_DIR}/settings-page.jsx`;
export const SETTINGS_META = `${SETTINGS_DIR}/settings-hsmeta.json`;
/** Never changes once uploaded: HubSpot would remove the page and make a new one. */
export const SETTINGS_UID = 'baton_settings';

const SETTINGS_SOURCE = 'extensions/settings/index.tsx';

export interface SettingsMeta {
  uid: string;
  type: 'settings';
  config: { name: string; entrypoint: string };
}

export function settingsMeta(): SettingsMeta {
  return {
    uid: SETTINGS_UID,
    type: 'settings',
    config: { name: 'Baton settings', entrypoint: `/${SETTINGS_ENTRY}` },
  };
}

/** What HubSpot installs to bundle the page: the versions the cards use (and are tested with). */
export const SETTINGS_PACKAGE = { ...CARD_PACKAGE, name: 'baton-settings' } as const;

/** The meta and the package.json; the entry file is `bundleSettingsPage`'s. */
export function settingsFiles(): GeneratedFile[] {
  return [
    { path: SETTINGS_META, content: toJson(settingsMeta()) },
    { path: `${SETTINGS_DIR}/package.json`, content: toJson(SETTINGS_PACKAGE) },
  ];
}

/** The page bundled, calling the backend at `publicUrl` (see bundle-handoff-card.ts). */
export function bundleSettingsPage(
  publicUrl: string,
  build?: EsbuildBuild,
): Promise<GeneratedFile> {
  return bundleExtension(SETTINGS_SOURCE, SETTINGS_ENTRY, publicUrl, build);
}
