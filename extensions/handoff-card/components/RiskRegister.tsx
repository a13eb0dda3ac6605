// The risk register, edited in place by the AE: objections, how they were handled, what still
// worries, churn indicators and the churn risk rating (the core's `CHURN_RISKS`). The document
// holds one register per handoff, not a list, so this is a form rather than a table of rows.
import { Flex, Heading, Select } from '@hubspot/ui-extensions';
import { CHURN_RISKS } from '../../../src/core/document/vocabulary';
import type { HandoffDocument, HandoffView, SectionPatch } from '../card-types';
import { SectionButtons } from './SectionButtons';
import { SectionGaps } from './SectionGaps';
import { TextFields, anyTooLong } from './TextFields';
import { itemLabel, missingPaths } from './section-gaps';
import { blanksToNull, textValues, useSectionDraft } from './use-section-draft';

type Risks = NonNullable<HandoffDocument['risks']>;
type ChurnRisk = (typeof CHURN_RISKS)[number];
type RiskTextField = Exclude<keyof Risks, 'churnRisk'>;

export const RISK_TEXT_FIELDS: readonly RiskTextField[] = [
  'objections',
  'howHandled',
  'remainingConcerns',
  'churnIndicators',
];

export const CHURN_RISK_OPTIONS = [
  { label: 'Not rated', value: '' },
  ...CHURN_RISKS.map((value) => ({
    label: value.charAt(0).toUpperCase() + value.slice(1),
    value,
  })),
];

export interface RiskRegisterProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function RiskRegister({ handoff, busy, onSave }: RiskRegisterProps) {
  const saved = handoff.document.risks;
  const draft = useSectionDraft({
    ...textValues(RISK_TEXT_FIELDS, saved),
    churnRisk: saved?.churnRisk ?? '',
  });
  const missing = missingPaths(handoff);
  const { churnRisk, ...notes } = draft.values;

  return (
    <Flex direction="column" gap="small" testId="risks">
      <Heading>Risk register</Heading>
      <SectionGaps handoff={handoff} category="risks" />
      <Select
        name="risks.churnRisk"
        label={itemLabel('risks', 'churnRisk')}
        value={churnRisk}
        readOnly={!handoff.canEdit}
        required={missing.has('risks.churnRisk')}
        options={CHURN_RISK_OPTIONS}
        onChange={(value) => draft.set('churnRisk', String(value ?? ''))}
      />
      <TextFields
        section="risks"
        fields={RISK_TEXT_FIELDS}
        values={notes}
        missing={missing}
        editable={handoff.canEdit}
        onInput={draft.set}
      />
      <SectionButtons
        id="risks"
        saveLabel="Save risk register"
        editable={handoff.canEdit}
        busy={busy}
        changed={draft.changed}
        blocked={anyTooLong(RISK_TEXT_FIELDS, notes)}
        onSave={() =>
          void onSave({
            risks: { ...blanksToNull(notes), churnRisk: (churnRisk as ChurnRisk | '') || null },
          })
        }
        onDiscard={draft.discard}
      />
    </Flex>
  );
}
