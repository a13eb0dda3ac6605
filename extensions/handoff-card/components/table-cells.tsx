// The cells of the card's editable tables (stakeholders, commitments, milestones): a text field
// that says what is wrong as it is typed, a choice from the core's own options, and the row's
// remove button. Read-only for whoever may not edit the handoff.
import { Button, Input, Select, TableCell } from '@hubspot/ui-extensions';

interface CellProps {
  name: string;
  label: string;
  value: string;
  editable: boolean;
}

export function TextCell(
  props: CellProps & {
    problem: string | null;
    placeholder?: string;
    onInput: (value: string) => void;
  },
) {
  return (
    <TableCell>
      <Input
        name={props.name}
        label={props.label}
        {...(props.placeholder ? { placeholder: props.placeholder } : {})}
        value={props.value}
        readOnly={!props.editable}
        onInput={props.onInput}
        error={props.problem !== null}
        validationMessage={props.problem ?? undefined}
      />
    </TableCell>
  );
}

export function ChoiceCell(
  props: CellProps & {
    options: { label: string; value: string }[];
    onChange: (value: string) => void;
  },
) {
  return (
    <TableCell>
      <Select
        name={props.name}
        label={props.label}
        value={props.value}
        readOnly={!props.editable}
        options={props.options}
        onChange={(value) => props.onChange(String(value))}
      />
    </TableCell>
  );
}

/** The remove button of a row, only for someone who may edit. */
export function RemoveCell(props: {
  testId: string;
  editable: boolean;
  busy: boolean;
  onRemove: () => void;
}) {
  if (!props.editable) return null;
  return (
    <TableCell>
      <Button
        testId={props.testId}
        variant="transparent"
        disabled={props.busy}
        onClick={props.onRemove}
      >
        Remove
      </Button>
    </TableCell>
  );
}
