// A section's missing items as a list the AE can act on, or nothing when it is complete.
import { Alert, List, Text } from '@hubspot/ui-extensions';
import { CATEGORY_LABELS, type ItemCategory } from '../../../src/core/items/handoff-items';
import type { HandoffView } from '../card-types';
import { sectionGaps } from './section-gaps';

export interface SectionGapsProps {
  handoff: HandoffView;
  category: ItemCategory;
}

export function SectionGaps({ handoff, category }: SectionGapsProps) {
  const gaps = sectionGaps(handoff, category);
  if (gaps.length === 0) return null;
  return (
    <Alert title={`${CATEGORY_LABELS[category]}: missing items`} variant="warning">
      <List testId={`${category}-gaps`}>
        {gaps.map((gap) => (
          <Text key={gap.path}>{gap.text}</Text>
        ))}
      </List>
    </Alert>
  );
}
