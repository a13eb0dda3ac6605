// The card before and around a handoff: loading, no handoff yet, failed, and a save conflict.
import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';

export function LoadingCard() {
  return <LoadingSpinner label="Loading the handoff" layout="centered" />;
}

export interface NoHandoffProps {
  canStart: boolean;
  busy: boolean;
  onStart: () => void;
}

export function NoHandoff({ canStart, busy, onStart }: NoHandoffProps) {
  return (
    <EmptyState title="No handoff yet" imageName="deals" layout="vertical">
      {canStart ? (
        <Flex direction="column" gap="small" align="center">
          <Text>This deal is closed-won: start the handoff to CS.</Text>
          <Button testId="start-handoff" variant="primary" disabled={busy} onClick={onStart}>
            Start the handoff
          </Button>
        </Flex>
      ) : (
        <Text>The handoff starts by itself when the deal moves to a closed-won stage.</Text>
      )}
    </EmptyState>
  );
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <ErrorState title="The handoff could not be loaded">
      <Text>{message}</Text>
      <Button testId="retry" onClick={onRetry}>
        Try again
      </Button>
    </ErrorState>
  );
}

export function ConflictNotice({ message, onReload }: { message: string; onReload: () => void }) {
  return (
    <Alert title="Someone else saved this handoff" variant="warning">
      <Flex direction="column" gap="small">
        <Text>{message}</Text>
        <Button testId="reload" variant="primary" onClick={onReload}>
          Reload the handoff
        </Button>
      </Flex>
    </Alert>
  );
}

export function Refusal({ message }: { message: string }) {
  return (
    <Alert title="That did not go through" variant="error">
      {message}
    </Alert>
  );
}
