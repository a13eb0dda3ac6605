// What CS sent back, so the AE fixes exactly that (within the revision clock).
import { Alert, List, Text } from '@hubspot/ui-extensions';
import type { HandoffView } from '../card-types';

export function ReturnedGaps({ handoff }: { handoff: HandoffView }) {
  if (handoff.state !== 'needs_revision' && handoff.state !== 'rejected') return null;
  const gaps = handoff.document.review?.gaps ?? [];
  return (
    <Alert
      title={handoff.state === 'rejected' ? 'Rejected by CS' : 'CS asked for a revision'}
      variant="warning"
    >
      <List testId="returned-gaps">
        {gaps.map((gap) => (
          <Text key={gap}>{gap}</Text>
        ))}
      </List>
    </Alert>
  );
}
