// The implementation plan's milestones as a table: name and date per row, added and removed in
// place, each row saying as it is typed what the backend would refuse or not count.
import {
  Button,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
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
              <TableCell>
                <Input
                  name={`implementation.milestones.${row.id}.name`}
                  label="Milestone"
                  value={row.name}
                  readOnly={!editable}
                  onInput={(value) => onChange(row.id, { name: value })}
                  error={problems.name !== null}
                  validationMessage={problems.name ?? undefined}
                />
              </TableCell>
              <TableCell>
                <Input
                  name={`implementation.milestones.${row.id}.date`}
                  label="Date"
                  placeholder="YYYY-MM-DD"
                  value={row.date}
                  readOnly={!editable}
                  onInput={(value) => onChange(row.id, { date: value })}
                  error={problems.date !== null}
                  validationMessage={problems.date ?? undefined}
                />
              </TableCell>
              {editable ? (
                <TableCell>
                  <Button
                    testId={`remove-milestone-${row.id}`}
                    variant="transparent"
                    disabled={busy}
                    onClick={() => onRemove(row.id)}
                  >
                    Remove
                  </Button>
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
