// The implementation plan's milestones as a table: name and date per row, added and removed in
// place, each row saying as it is typed what the backend would refuse or not count.
import { Table, TableBody, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { RemoveCell, TextCell } from './table-cells';
import { type MilestoneRow, milestoneProblems } from './milestone-rows';

export interface MilestoneTableProps {
  rows: readonly MilestoneRow[];
  editable: boolean;
  busy: boolean;
  onChange: (id: number, change: Partial<Omit<MilestoneRow, 'id'>>) => void;
  onRemove: (id: number) => void;
}

export function MilestoneTable({ rows, editable, busy, onChange, onRemove }: MilestoneTableProps) {
  if (rows.length === 0) return <Text>No milestones planned yet.</Text>;
  return (
    <Table bordered>
      <TableHead>
        <TableRow>
          <TableHeader>Milestone</TableHeader>
          <TableHeader>Date</TableHeader>
          {editable ? <TableHeader> </TableHeader> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const problems = milestoneProblems(row);
          return (
            <TableRow key={row.id}>
              <TextCell
                name={`implementation.milestones.${row.id}.name`}
                label="Milestone"
                value={row.name}
                editable={editable}
                problem={problems.name}
                onInput={(value) => onChange(row.id, { name: value })}
              />
              <TextCell
                name={`implementation.milestones.${row.id}.date`}
                label="Date"
                placeholder="YYYY-MM-DD"
                value={row.date}
                editable={editable}
                problem={problems.date}
                onInput={(value) => onChange(row.id, { date: value })}
              />
              <RemoveCell
                testId={`remove-milestone-${row.id}`}
                editable={editable}
                busy={busy}
                onRemove={() => onRemove(row.id)}
              />
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
