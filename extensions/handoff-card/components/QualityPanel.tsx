// The quality score, its band, and what it is made of.
import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import { BAND, QUALITY_PART_LABELS, formatPoints } from '../card-text';
import type { HandoffView } from '../card-types';

type PartName = keyof HandoffView['quality']['parts'];

export function QualityPanel({ quality }: { quality: HandoffView['quality'] }) {
  const band = BAND[quality.band];
  return (
    <Flex direction="column" gap="small">
      <Flex direction="row" gap="small" align="center">
        <Text format={{ fontWeight: 'bold' }} testId="quality-total">
          Quality {quality.total} / 100
        </Text>
        <StatusTag variant={band.variant}>{band.label}</StatusTag>
      </Flex>
      <DescriptionList direction="row">
        {(Object.keys(quality.parts) as PartName[]).map((name) => (
          <DescriptionListItem key={name} label={QUALITY_PART_LABELS[name]}>
            <Text>
              {formatPoints(quality.parts[name].points, quality.parts[name].max)} (
              {quality.parts[name].detail})
            </Text>
          </DescriptionListItem>
        ))}
      </DescriptionList>
    </Flex>
  );
}
