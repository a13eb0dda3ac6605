// The app's settings page, where HubSpot shows it (Settings › Connected apps › Baton): the real
// settings extension, for whomever the preview acts as. CS ops and CS managers may change it;
// everyone else sees it read-only, as the backend decides.
import { ExtensionSlot } from './extension-slot';
import type { PreviewPerson } from './preview-api';

export interface SettingsViewProps {
  portalId: number;
  person: PreviewPerson | null;
  onToast: (message: string) => void;
}

export function SettingsView(props: SettingsViewProps) {
  return (
    <main className="pv-settings">
      <p className="pv-muted">Settings › Integrations › Connected apps › Baton</p>
      <h1 className="pv-title">Baton settings</h1>
      <p className="pv-muted">
        Templates, required items, SLA windows and the CS team for this portal. Act as CS ops or a
        CS manager to change them.
      </p>
      <div className="pv-card-frame" data-testid="settings-frame">
        {props.person ? (
          <ExtensionSlot
            key={props.person.id}
            point="settings"
            portalId={props.portalId}
            person={props.person}
            onAlert={props.onToast}
            onRefresh={() => undefined}
          />
        ) : (
          <p className="pv-muted">Nobody in the sandbox has this role.</p>
        )}
      </div>
    </main>
  );
}
