// The page speaks the backend's types: imported (types only, erased from the bundle) from the
// settings API and its rules, so a change of shape there fails the page's typecheck.
import type { FieldError } from '../../src/core/document/field-errors';
import type { SettingsView } from '../../src/functions/settings-api';
import type { PortalSettings, SettingsPerson } from '../../src/functions/settings-rules';

export type { FieldError, PortalSettings, SettingsPerson, SettingsView };

export type HandoffTemplate = PortalSettings['templates'][keyof PortalSettings['templates']];
export type HandoffType = SettingsView['catalogue']['handoffTypes'][number];
export type Catalogue = SettingsView['catalogue'];

/** What PUT /api/settings answers: the view again, and whether anything was written. */
export type SavedSettings = SettingsView & { outcome: 'saved' | 'unchanged' };
