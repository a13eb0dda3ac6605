// The app's settings page for CS ops: each handoff type's template (labels, required items,
// clocks, meeting, task plan, approvers and arbiters), the SLA calendar and holidays, and the CS
// team and escalation targets, checked as they are typed by the same rules the backend applies
// before it saves. Read only for anyone but CS ops and CS managers.
import { useMemo } from 'react';
import { Divider, Flex } from '@hubspot/ui-extensions';
import { validateSettings } from '../../src/functions/settings-rules';
import { CalendarSettings } from './components/CalendarSettings';
import { SaveBar } from './components/SaveBar';
import {
  ConflictNotice,
  LoadFailed,
  LoadingPage,
  ReadOnlyNotice,
  Refusal,
  SavedNotice,
  StoredProblem,
  VersionLine,
} from './components/SettingsStates';
import { TeamSettings } from './components/TeamSettings';
import { TemplateSettings } from './components/TemplateSettings';
import { changedFields, fieldName } from './settings-draft';
import type { SettingsClient } from './settings-client';
import type { FieldError } from './settings-types';
import { type SettingsModel, type SettingsState, useSettings } from './use-settings';

export interface SettingsPageProps {
  client: SettingsClient;
}

export function SettingsPage({ client }: SettingsPageProps) {
  const model = useSettings(client);
  const { state } = model;
  if (state.status === 'loading') return <LoadingPage />;
  if (state.status === 'failed')
    return <LoadFailed message={state.message} onRetry={model.reload} />;
  return <SettingsForm state={state} model={model} />;
}

type Ready = Extract<SettingsState, { status: 'ready' }>;

function SettingsForm({ state, model }: { state: Ready; model: SettingsModel }) {
  const { view, draft, busy, conflict, refusal, saved } = state;
  const errors = useMemo(() => {
    const checked = validateSettings(draft, view.people);
    const local = checked.success ? [] : checked.errors;
    // The backend's refusal may know more (the account's people changed since the load).
    const known = new Set(local.map((e) => `${e.path}\n${e.message}`));
    const remote = (refusal?.errors ?? []).filter((e) => !known.has(`${e.path}\n${e.message}`));
    return [...local, ...remote] satisfies FieldError[];
  }, [draft, view.people, refusal]);
  const names = { catalogue: view.catalogue, people: view.people, draft, saved: view.settings };
  const section = { names, errors, editable: view.canEdit, edit: model.edit };
  const changes = changedFields(view.settings, draft);

  return (
    <Flex direction="column" gap="medium">
      <VersionLine view={view} />
      {view.readOnlyReason ? <ReadOnlyNotice reason={view.readOnlyReason} /> : null}
      {view.problem ? <StoredProblem problem={view.problem} /> : null}
      {conflict ? <ConflictNotice message={conflict} onReload={model.reload} /> : null}
      {refusal ? <Refusal message={refusal.message} /> : null}
      {saved ? <SavedNotice outcome={saved} version={view.version} /> : null}
      <TemplateSettings {...section} />
      <Divider />
      <CalendarSettings {...section} />
      <Divider />
      <TeamSettings {...section} />
      {view.canEdit ? (
        <SaveBar
          changes={changes}
          problems={errors.map((e) => `${fieldName(e.path, names)}: ${e.message}`)}
          busy={busy}
          blocked={conflict !== null}
          onSave={() => void model.save()}
          onDiscard={model.discard}
        />
      ) : null}
    </Flex>
  );
}
