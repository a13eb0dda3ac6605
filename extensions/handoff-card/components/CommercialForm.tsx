// The commercial terms, edited in place by the AE: the contract value checked as an amount as it
// is typed, the terms flagged by the core's "filled" rule, the section's missing items from the
// completeness score, and the save carries the version it started from.
import { Flex, Heading, Input } from '@hubspot/ui-extensions';
import type { HandoffView, SectionPatch } from '../card-types';
import { SectionButtons } from './SectionButtons';
import { SectionGaps } from './SectionGaps';
import { TextFields, anyTooLong } from './TextFields';
import {
  COMMERCIAL_TEXT_FIELDS,
  amountProblem,
  amountText,
  parseAmount,
} from './commercial-fields';
import { itemLabel, missingPaths } from './section-gaps';
import { blanksToNull, textValues, useSectionDraft } from './use-section-draft';

export interface CommercialFormProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function CommercialForm({ handoff, busy, onSave }: CommercialFormProps) {
  const saved = handoff.document.commercial;
  const draft = useSectionDraft({
    ...textValues(COMMERCIAL_TEXT_FIELDS, saved),
    contractValue: amountText(saved?.contractValue),
  });
  const missing = missingPaths(handoff);
  const currency = handoff.document.deal.currency;
  const problem = amountProblem(draft.values.contractValue);
  const { contractValue, ...terms } = draft.values;

  return (
    <Flex direction="column" gap="small" testId="commercial">
      <Heading>Commercial terms</Heading>
      <SectionGaps handoff={handoff} category="commercial" />
      <Input
        name="commercial.contractValue"
        label={itemLabel('commercial', 'contractValue')}
        description={currency ? `In ${currency}, as on the contract.` : undefined}
        placeholder="120000"
        value={contractValue}
        readOnly={!handoff.canEdit}
        required={missing.has('commercial.contractValue')}
        onInput={(value) => draft.set('contractValue', value)}
        error={problem !== null}
        validationMessage={problem ?? undefined}
      />
      <TextFields
        section="commercial"
        fields={COMMERCIAL_TEXT_FIELDS}
        values={terms}
        missing={missing}
        editable={handoff.canEdit}
        onInput={draft.set}
      />
      <SectionButtons
        id="commercial"
        saveLabel="Save commercial terms"
        editable={handoff.canEdit}
        busy={busy}
        changed={draft.changed}
        blocked={problem !== null || anyTooLong(COMMERCIAL_TEXT_FIELDS, terms)}
        onSave={() =>
          void onSave({
            commercial: { ...blanksToNull(terms), contractValue: parseAmount(contractValue) },
          })
        }
        onDiscard={draft.discard}
      />
    </Flex>
  );
}
