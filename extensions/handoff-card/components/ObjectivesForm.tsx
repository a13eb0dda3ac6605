// The objectives section, edited in place by the AE: free text, each field flagged as typed by the
// core's "filled" rule, the section's missing items from the completeness score, and the save
// carries the version it started from like every other section.
import { Flex, Heading } from '@hubspot/ui-extensions';
import type { HandoffDocument, HandoffView, SectionPatch } from '../card-types';
import { SectionButtons } from './SectionButtons';
import { SectionGaps } from './SectionGaps';
import { TextFields, anyTooLong } from './TextFields';
import { missingPaths } from './section-gaps';
import { blanksToNull, textValues, useSectionDraft } from './use-section-draft';

type Field = keyof NonNullable<HandoffDocument['objectives']>;

export const OBJECTIVE_FIELDS: readonly Field[] = [
  'primaryObjective',
  'successCriteria',
  'roiExpectation',
  'personalWins',
];

export interface ObjectivesFormProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function ObjectivesForm({ handoff, busy, onSave }: ObjectivesFormProps) {
  const draft = useSectionDraft(textValues(OBJECTIVE_FIELDS, handoff.document.objectives));
  return (
    <Flex direction="column" gap="small" testId="objectives">
      <Heading>Objectives</Heading>
      <SectionGaps handoff={handoff} category="objectives" />
      <TextFields
        section="objectives"
        fields={OBJECTIVE_FIELDS}
        values={draft.values}
        missing={missingPaths(handoff)}
        editable={handoff.canEdit}
        onInput={draft.set}
      />
      <SectionButtons
        id="objectives"
        saveLabel="Save objectives"
        editable={handoff.canEdit}
        busy={busy}
        changed={draft.changed}
        blocked={anyTooLong(OBJECTIVE_FIELDS, draft.values)}
        onSave={() => void onSave({ objectives: blanksToNull(draft.values) })}
        onDiscard={draft.discard}
      />
    </Flex>
  );
}
