// The document's sections in PROTOCOL's order, each edited in place and saved on its own.
import { Divider, Flex } from '@hubspot/ui-extensions';
import type { HandoffView, SectionPatch } from '../card-types';
import { CommercialForm } from './CommercialForm';
import { CommitmentLog } from './CommitmentLog';
import { CustomerContextForm } from './CustomerContextForm';
import { ImplementationPlan } from './ImplementationPlan';
import { ObjectivesForm } from './ObjectivesForm';
import { RiskRegister } from './RiskRegister';
import { StakeholderMap } from './StakeholderMap';
import { TechnicalForm } from './TechnicalForm';

export interface HandoffSectionsProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

const SECTIONS = [
  ['customer-context', CustomerContextForm],
  ['stakeholders', StakeholderMap],
  ['objectives', ObjectivesForm],
  ['commitments', CommitmentLog],
  ['technical', TechnicalForm],
  ['implementation', ImplementationPlan],
  ['commercial', CommercialForm],
  ['risks', RiskRegister],
] as const;

export function HandoffSections({ handoff, busy, onSave }: HandoffSectionsProps) {
  return (
    <>
      {SECTIONS.map(([name, Section]) => (
        // Keyed by version: a save or reload starts each form again from what was saved.
        <Flex key={`${name}-${handoff.version}`} direction="column" gap="small">
          <Divider />
          <Section handoff={handoff} busy={busy} onSave={onSave} />
        </Flex>
      ))}
    </>
  );
}
