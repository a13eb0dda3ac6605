// The technical section, edited in place by the AE: free text, each field flagged as typed by the
// core's "filled" rule, the section's missing items from the completeness score, and the save
// carries the version it started from like every other section.
import { Flex, Heading } from '@hubspot/ui-extensions';
import type { HandoffDocument, HandoffView, SectionPatch } from '../card-types';
import { SectionButtons } from './SectionButtons';
import { SectionGaps } from './SectionGaps';
import { TextFields, anyTooLong } from './TextFields';
import { missingPaths } from './section-gaps';
import { blanksToNull, textValues, useSectionDraft } from './use-section-draft';

type Field = keyof NonNullable<HandoffDocument['technical']>;

export const TECHNICAL_FIELDS: readonly Field[] = [
  'environment',
  'integrations',
  'dataMigration',
  'securityCompliance',
  'validationStatus',
];

export interface TechnicalFormProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function TechnicalForm({ handoff, busy, onSave }: TechnicalFormProps) {
  const draft = useSectionDraft(textValues(TECHNICAL_FIELDS, handoff.document.technical));
  return (
    <Flex direction="column" gap="small" testId="technical">
      <Heading>Technical</Heading>
      <SectionGaps handoff={handoff} category="technical" />
      <TextFields
        section="technical"
        fields={TECHNICAL_FIELDS}
        values={draft.values}
        missing={missingPaths(handoff)}
        editable={handoff.canEdit}
        onInput={draft.set}
      />
      <SectionButtons
        id="technical"
        saveLabel="Save technical details"
        editable={handoff.canEdit}
        busy={busy}
        changed={draft.changed}
        blocked={anyTooLong(TECHNICAL_FIELDS, draft.values)}
        onSave={() => void onSave({ technical: blanksToNull(draft.values) })}
        onDiscard={draft.discard}
      />
    </Flex>
  );
}
