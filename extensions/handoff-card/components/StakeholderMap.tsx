// The stakeholder map, edited in place as a table (role, name, title, sentiment, relationship):
// each row says as you type what the backend would not count, the roles the template still
// needs are flagged from the core's missing items, and the save carries the version it started
// from like every other section.
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
  RELATIONSHIP_OPTIONS,
  ROLE_OPTIONS,
  type Relationship,
  SENTIMENT_OPTIONS,
  type Sentiment,
  blocksSave,
  newRow,
  roleGaps,
  rowProblems,
  rowsOf,
  toStakeholders,
} from './stakeholder-rows';
import type { StakeholderRole } from '../../../src/core/document/vocabulary';

export interface StakeholderMapProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function StakeholderMap({ handoff, busy, onSave }: StakeholderMapProps) {
  const { rows, saved, add, update, remove, discard } = useEditableRows(
    () => rowsOf(handoff),
    newRow,
  );
  const gaps = roleGaps(handoff);
  const editable = handoff.canEdit;
  const changed = JSON.stringify(toStakeholders(rows)) !== JSON.stringify(toStakeholders(saved));
  const blocked = rows.some(blocksSave);

  return (
    <Flex direction="column" gap="small" testId="stakeholder-map">
      <Heading>Stakeholder map</Heading>
      {gaps.length > 0 ? (
        <Alert title="Roles not covered" variant="warning">
          <List testId="stakeholder-gaps">
            {gaps.map((gap) => (
              <Text key={gap.path}>{gap.text}</Text>
            ))}
          </List>
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <Text>No stakeholders mapped yet.</Text>
      ) : (
        <Table bordered>
          <TableHead>
            <TableRow>
              <TableHeader>Role</TableHeader>
              <TableHeader>Name</TableHeader>
              <TableHeader>Title</TableHeader>
              <TableHeader>Sentiment</TableHeader>
              <TableHeader>Relationship</TableHeader>
              {editable ? <TableHeader> </TableHeader> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const problems = rowProblems(row);
              const field = (name: string) => `stakeholders.${row.id}.${name}`;
              return (
                <TableRow key={row.id}>
                  <ChoiceCell
                    name={field('role')}
                    label="Role"
                    value={row.role}
                    editable={editable}
                    options={ROLE_OPTIONS}
                    onChange={(value) => update(row.id, { role: value as StakeholderRole })}
                  />
                  <TextCell
                    name={field('name')}
                    label="Name"
                    value={row.name}
                    editable={editable}
                    problem={problems.name}
                    onInput={(value) => update(row.id, { name: value })}
                  />
                  <TextCell
                    name={field('title')}
                    label="Title"
                    value={row.title}
                    editable={editable}
                    problem={problems.title}
                    onInput={(value) => update(row.id, { title: value })}
                  />
                  <ChoiceCell
                    name={field('sentiment')}
                    label="Sentiment"
                    value={row.sentiment}
                    editable={editable}
                    options={SENTIMENT_OPTIONS}
                    onChange={(value) => update(row.id, { sentiment: value as Sentiment | '' })}
                  />
                  <ChoiceCell
                    name={field('relationship')}
                    label="Relationship"
                    value={row.relationship}
                    editable={editable}
                    options={RELATIONSHIP_OPTIONS}
                    onChange={(value) =>
                      update(row.id, { relationship: value as Relationship | '' })
                    }
                  />
                  <RemoveCell
                    testId={`remove-stakeholder-${row.id}`}
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
        id="stakeholders"
        saveLabel="Save stakeholder map"
        editable={editable}
        busy={busy}
        changed={changed}
        blocked={blocked}
        onSave={() => void onSave({ stakeholders: toStakeholders(rows) })}
        onDiscard={discard}
        add={{ testId: 'add-stakeholder', label: 'Add a stakeholder', onAdd: add }}
      />
    </Flex>
  );
}
