// How complete the handoff is against the template, and exactly what is still missing.
import { Flex, Heading, List, ProgressBar, Text } from '@hubspot/ui-extensions';
import { CATEGORY_LABELS } from '../../../src/core/items/handoff-items';
import type { HandoffView } from '../card-types';

export function CompletenessPanel({ handoff }: { handoff: HandoffView }) {
  const { score, filled, required, missing } = handoff.completeness;
  const enough = score >= handoff.minimumCompleteness;
  return (
    <Flex direction="column" gap="small">
      <ProgressBar
        title="Completeness"
        value={score}
        maxValue={100}
        showPercentage
        valueDescription={`${filled} of ${required} items filled; submitting needs ${handoff.minimumCompleteness}%`}
        variant={score === 100 ? 'success' : enough ? 'warning' : 'danger'}
      />
      {missing.length > 0 ? (
        <>
          <Heading>Still missing ({missing.length})</Heading>
          <List testId="missing-items">
            {missing.map((item) => (
              <Text key={item.path}>
                {CATEGORY_LABELS[item.category]}: {item.label}
              </Text>
            ))}
          </List>
        </>
      ) : (
        <Text>Every required item is filled.</Text>
      )}
    </Flex>
  );
}
