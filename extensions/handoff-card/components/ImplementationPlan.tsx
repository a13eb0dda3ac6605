// The implementation plan, edited in place by the AE: start and go-live dates checked by the
// schema's date rule as they are typed, the milestones as a table, the resources, dependencies
// and timeline risks flagged by the core's "filled" rule, the section's missing items from the
// completeness score, and one save that carries the version it started from.
import { useState } from 'react';
import { Button, Flex, Heading, Input } from '@hubspot/ui-extensions';
import type { HandoffDocument, HandoffView, SectionPatch } from '../card-types';
import { dateProblem, isUnparsableDate } from '../field-problem';
import { MilestoneTable } from './MilestoneTable';
import { SectionButtons } from './SectionButtons';
import { SectionGaps } from './SectionGaps';
import { TextFields, anyTooLong } from './TextFields';
import {
  type MilestoneRow,
  milestoneBlocksSave,
  milestoneRowsOf,
  toMilestones,
} from './milestone-rows';
import { itemLabel, missingPaths } from './section-gaps';
import { blanksToNull, textValues, useSectionDraft } from './use-section-draft';

type Implementation = NonNullable<HandoffDocument['implementation']>;
type DateField = 'startDate' | 'goLiveDate';
type TextField = Exclude<keyof Implementation, DateField | 'milestones'>;

const DATE_FIELDS: readonly DateField[] = ['startDate', 'goLiveDate'];
export const IMPLEMENTATION_TEXT_FIELDS: readonly TextField[] = [
  'customerResources',
  'dependencies',
  'timelineRisks',
];

export interface ImplementationPlanProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function ImplementationPlan({ handoff, busy, onSave }: ImplementationPlanProps) {
  const saved = handoff.document.implementation;
  const draft = useSectionDraft(textValues([...DATE_FIELDS, ...IMPLEMENTATION_TEXT_FIELDS], saved));
  const [savedRows] = useState(() => milestoneRowsOf(saved?.milestones));
  const [rows, setRows] = useState(savedRows);
  const [nextId, setNextId] = useState(savedRows.length);
  const missing = missingPaths(handoff);
  const editable = handoff.canEdit;
  const dateProblems = DATE_FIELDS.map((field) =>
    dateProblem(draft.values[field], itemLabel('implementation', field).toLowerCase()),
  );
  const rowsChanged =
    JSON.stringify(toMilestones(rows)) !== JSON.stringify(toMilestones(savedRows));
  const blocked =
    dateProblems.some(isUnparsableDate) ||
    rows.some(milestoneBlocksSave) ||
    anyTooLong(IMPLEMENTATION_TEXT_FIELDS, draft.values);

  const change = (id: number, change: Partial<Omit<MilestoneRow, 'id'>>) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, ...change } : row)));
  const add = () => {
    setRows((current) => [...current, { id: nextId, name: '', date: '' }]);
    setNextId((id) => id + 1);
  };
  const discard = () => {
    draft.discard();
    setRows(savedRows);
  };

  return (
    <Flex direction="column" gap="small" testId="implementation">
      <Heading>Implementation plan</Heading>
      <SectionGaps handoff={handoff} category="implementation" />
      {DATE_FIELDS.map((field, index) => (
        <Input
          key={field}
          name={`implementation.${field}`}
          label={itemLabel('implementation', field)}
          placeholder="YYYY-MM-DD"
          value={draft.values[field]}
          readOnly={!editable}
          required={missing.has(`implementation.${field}`)}
          onInput={(value) => draft.set(field, value)}
          error={dateProblems[index] !== null}
          validationMessage={dateProblems[index] ?? undefined}
        />
      ))}
      <MilestoneTable
        rows={rows}
        editable={editable}
        busy={busy}
        onChange={change}
        onRemove={(id) => setRows((current) => current.filter((row) => row.id !== id))}
      />
      {editable ? (
        <Button testId="add-milestone" variant="secondary" disabled={busy} onClick={add}>
          Add a milestone
        </Button>
      ) : null}
      <TextFields
        section="implementation"
        fields={IMPLEMENTATION_TEXT_FIELDS}
        values={draft.values}
        missing={missing}
        editable={editable}
        onInput={draft.set}
      />
      <SectionButtons
        id="implementation"
        saveLabel="Save implementation plan"
        editable={editable}
        busy={busy}
        changed={draft.changed || rowsChanged}
        blocked={blocked}
        onSave={() =>
          void onSave({
            implementation: { ...blanksToNull(draft.values), milestones: toMilestones(rows) },
          })
        }
        onDiscard={discard}
      />
    </Flex>
  );
}
