// The page around the settings: loading, failed, read only, a save conflict, a refused save, a
// save that went through, saved settings not in force, and which version is in force.
import { Alert, Button, ErrorState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { STATES, formatInstant } from '../settings-text';
import type { SettingsView } from '../settings-types';

export function LoadingPage() {
  return <LoadingSpinner label={STATES.loading} layout="centered" />;
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <ErrorState title={STATES.loadFailed}>
      <Text>{message}</Text>
      <Button testId="retry" onClick={onRetry}>
        {STATES.retry}
      </Button>
    </ErrorState>
  );
}

export function ReadOnlyNotice({ reason }: { reason: string }) {
  return (
    <Alert title={STATES.readOnly} variant="info">
      {reason}
    </Alert>
  );
}

export function ConflictNotice({ message, onReload }: { message: string; onReload: () => void }) {
  return (
    <Alert title={STATES.conflict} variant="warning">
      <Flex direction="column" gap="small">
        <Text>{message}</Text>
        <Button testId="reload" variant="primary" onClick={onReload}>
          {STATES.reload}
        </Button>
      </Flex>
    </Alert>
  );
}

export function Refusal({ message }: { message: string }) {
  return (
    <Alert title={STATES.refused} variant="error">
      {message}
    </Alert>
  );
}

export function SavedNotice({
  outcome,
  version,
}: {
  outcome: 'saved' | 'unchanged';
  version: number;
}) {
  return (
    <Alert title={STATES.saved} variant="success">
      {outcome === 'saved' ? STATES.savedNote(version) : STATES.unchanged}
    </Alert>
  );
}

export function StoredProblem({ problem }: { problem: string }) {
  return (
    <Alert title={STATES.storedProblem} variant="warning">
      {problem}
    </Alert>
  );
}

/** Which settings are in force: a saved version and who saved it, or the defaults. */
export function VersionLine({ view }: { view: SettingsView }) {
  const text =
    view.version === 0 || view.updatedAt === null
      ? STATES.defaults
      : STATES.lastSaved(
          view.version,
          view.updatedBy?.name ?? view.updatedBy?.id ?? 'someone',
          formatInstant(view.updatedAt),
        );
  return (
    <Text testId="version" variant="microcopy">
      {text}
    </Text>
  );
}
