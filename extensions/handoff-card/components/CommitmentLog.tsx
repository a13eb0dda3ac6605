// The commitment log, edited in place as a table (type, description, owner, due date, source,
// status): each row says as you type what the backend would refuse or not count, the gaps are
// the core's missing commitment items, and the save carries the version it started from like
// every other section. New rows go without an id: the backend assigns one on save.
import {
  Alert,
  Flex,
  Heading,
  List,
  Table,
  TableBody,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { ChoiceCell, RemoveCell, TextCell } from './table-cells';
import type { HandoffView, SectionPatch } from '../card-types';
import { SectionButtons } from './SectionButtons';
import { useEditableRows } from './use-editable-rows';
import {
  type CommitmentType,
  SOURCE_OPTIONS,
  STATUS_OPTIONS,
  type Source,
  TYPE_OPTIONS,
  blocksSave,
  commitmentGaps,
  newRow,
  rowProblems,
  rowsOf,
  toCommitments,
} from './commitment-rows';
import type { CommitmentStatus } from '../../../src/core/document/vocabulary';

export interface CommitmentLogProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function CommitmentLog({ handoff, busy, onSave }: CommitmentLogProps) {
  const { rows, saved, add, update, remove, discard } = useEditableRows(
    () => rowsOf(handoff),
    newRow,
  );
  const gaps = commitmentGaps(handoff);
  const editable = handoff.canEdit;
  const changed = JSON.stringify(toCommitments(rows)) !== JSON.stringify(toCommitments(saved));
  const blocked = rows.some(blocksSave);

  return (
    <Flex direction="column" gap="small" testId="commitment-log">
      <Heading>Commitment log</Heading>
      {gaps.length > 0 ? (
        <Alert title="Commitments missing" variant="warning">
          <List testId="commitment-gaps">
            {gaps.map((gap) => (
              <Text key={gap.path}>{gap.text}</Text>
            ))}
          </List>
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <Text>No commitments logged yet.</Text>
      ) : (
        <Table bordered>
          <TableHead>
            <TableRow>
              <TableHeader>Type</TableHeader>
              <TableHeader>Description</TableHeader>
              <TableHeader>Owner</TableHeader>
              <TableHeader>Due date</TableHeader>
              <TableHeader>Source</TableHeader>
              <TableHeader>Status</TableHeader>
              {editable ? <TableHeader> </TableHeader> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const problems = rowProblems(row);
              const field = (name: string) => `commitments.${row.id}.${name}`;
              return (
                <TableRow key={row.id}>
                  <ChoiceCell
                    name={field('type')}
                    label="Type"
                    value={row.type}
                    editable={editable}
                    options={TYPE_OPTIONS}
                    onChange={(value) => update(row.id, { type: value as CommitmentType | '' })}
                  />
                  <TextCell
                    name={field('description')}
                    label="Description"
                    value={row.description}
                    editable={editable}
                    problem={problems.description}
                    onInput={(value) => update(row.id, { description: value })}
                  />
                  <TextCell
                    name={field('owner')}
                    label="Owner"
                    value={row.owner}
                    editable={editable}
                    problem={problems.owner}
                    onInput={(value) => update(row.id, { owner: value })}
                  />
                  <TextCell
                    name={field('dueDate')}
                    label="Due date"
                    placeholder="YYYY-MM-DD"
                    value={row.dueDate}
                    editable={editable}
                    problem={problems.dueDate}
                    onInput={(value) => update(row.id, { dueDate: value })}
                  />
                  <ChoiceCell
                    name={field('source')}
                    label="Source"
                    value={row.source}
                    editable={editable}
                    options={SOURCE_OPTIONS}
                    onChange={(value) => update(row.id, { source: value as Source })}
                  />
                  <ChoiceCell
                    name={field('status')}
                    label="Status"
                    value={row.status}
                    editable={editable}
                    options={STATUS_OPTIONS}
                    onChange={(value) => update(row.id, { status: value as CommitmentStatus | '' })}
                  />
                  <RemoveCell
                    testId={`remove-commitment-${row.id}`}
                    editable={editable}
                    busy={busy}
                    onRemove={() => remove(row.id)}
                  />
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <SectionButtons
        id="commitments"
        saveLabel="Save commitment log"
        editable={editable}
        busy={busy}
        changed={changed}
        blocked={blocked}
        onSave={() => void onSave({ commitments: toCommitments(rows) })}
        onDiscard={discard}
        add={{ testId: 'add-commitment', label: 'Add a commitment', onAdd: add }}
      />
    </Flex>
  );
}
