// The card before and around a handoff: loading, no handoff yet (start it on a closed-won deal,
// or request a pre-close one on an open deal), failed, and a save conflict.
import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import { PRE_CLOSE_TEXT, formatInstant } from '../card-text';

export function LoadingCard() {
  return <LoadingSpinner label="Loading the handoff" layout="centered" />;
}

export interface NoHandoffProps {
  canStart: boolean;
  /** The deal is open and this user may ask CS to engage before the close. */
  canRequestPreClose: boolean;
  /** The CRM's close date of the open deal: when it is expected to close. */
  expectedClose: string | null;
  busy: boolean;
  onStart: () => void;
  onRequestPreClose: () => void;
}

export function NoHandoff(props: NoHandoffProps) {
  const { canStart, canRequestPreClose, expectedClose, busy } = props;
  return (
    <EmptyState title="No handoff yet" imageName="deals" layout="vertical">
      {canStart ? (
        <Flex direction="column" gap="small" align="center">
          <Text>This deal is closed-won: start the handoff to CS.</Text>
          <Button testId="start-handoff" variant="primary" disabled={busy} onClick={props.onStart}>
            Start the handoff
          </Button>
        </Flex>
      ) : (
        <Flex direction="column" gap="small" align="center">
          <Text>The handoff starts by itself when the deal moves to a closed-won stage.</Text>
          {canRequestPreClose ? (
            <>
              <Text variant="microcopy" testId="pre-close-hint">
                {PRE_CLOSE_TEXT.whenToUse}
              </Text>
              {expectedClose ? (
                <Text variant="microcopy">Expected close: {formatInstant(expectedClose)}</Text>
              ) : null}
              <Button
                testId="request-pre-close"
                variant="secondary"
                disabled={busy}
                onClick={props.onRequestPreClose}
              >
                {PRE_CLOSE_TEXT.request}
              </Button>
            </>
          ) : null}
        </Flex>
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
