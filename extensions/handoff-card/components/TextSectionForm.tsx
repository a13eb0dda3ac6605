// A section of free-text fields the AE edits in place (customer context, objectives,
// technical): each field flagged as typed by the core's "filled" rule, the section's missing
// items from the completeness score, and a save that carries the version it started from like
// every other section. One form, described per section.
import { Flex, Heading } from '@hubspot/ui-extensions';
import type { ItemCategory } from '../../../src/core/items/handoff-items';
import type { HandoffDocument, HandoffView, SectionPatch } from '../card-types';
import { SectionButtons } from './SectionButtons';
import { SectionGaps } from './SectionGaps';
import { TextFields, anyTooLong } from './TextFields';
import { missingPaths } from './section-gaps';
import { blanksToNull, textValues, useSectionDraft } from './use-section-draft';

type TextSectionKey = 'customerContext' | 'objectives' | 'technical';

export interface TextSection<K extends TextSectionKey> {
  /** The document's key, and the prefix of the fields' names (`objectives.roiExpectation`). */
  key: K;
  category: ItemCategory;
  title: string;
  /** The section's test id; its buttons are `save-${testId}` and `discard-${testId}`. */
  testId: string;
  saveLabel: string;
  fields: readonly (keyof NonNullable<HandoffDocument[K]> & string)[];
}

export interface SectionFormProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function textSectionForm<K extends TextSectionKey>(section: TextSection<K>) {
  type Field = (typeof section.fields)[number];
  function TextSectionForm({ handoff, busy, onSave }: SectionFormProps) {
    const saved = handoff.document[section.key] as Partial<Record<Field, string | null>> | null;
    const draft = useSectionDraft(textValues(section.fields, saved));
    return (
      <Flex direction="column" gap="small" testId={section.testId}>
        <Heading>{section.title}</Heading>
        <SectionGaps handoff={handoff} category={section.category} />
        <TextFields
          section={section.key}
          fields={section.fields}
          values={draft.values}
          missing={missingPaths(handoff)}
          editable={handoff.canEdit}
          onInput={draft.set}
        />
        <SectionButtons
          id={section.testId}
          saveLabel={section.saveLabel}
          editable={handoff.canEdit}
          busy={busy}
          changed={draft.changed}
          blocked={anyTooLong(section.fields, draft.values)}
          onSave={() => void onSave({ [section.key]: blanksToNull(draft.values) } as SectionPatch)}
          onDiscard={draft.discard}
        />
      </Flex>
    );
  }
  TextSectionForm.displayName = `TextSectionForm(${section.key})`;
  return TextSectionForm;
}
