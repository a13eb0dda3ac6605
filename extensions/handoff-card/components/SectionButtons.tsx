// Save and discard (and add a row, for a table) for a section the AE edits, or the note that
// only the sender edits it.
import { Button, ButtonRow, Text } from '@hubspot/ui-extensions';

export interface SectionButtonsProps {
  /** Names the buttons' test ids: `save-${id}`, `discard-${id}`. */
  id: string;
  /** "Save objectives". */
  saveLabel: string;
  editable: boolean;
  busy: boolean;
  changed: boolean;
  /** A problem the backend would refuse: the save waits until it is fixed. */
  blocked: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** A table's "add a row" button, first in the row. */
  add?: { testId: string; label: string; onAdd: () => void };
}

export function SectionButtons(props: SectionButtonsProps) {
  const { id, saveLabel, editable, busy, changed, blocked, onSave, onDiscard, add } = props;
  if (!editable) return <Text variant="microcopy">Only the sender edits the handoff.</Text>;
  return (
    <ButtonRow>
      {add ? (
        <Button testId={add.testId} variant="secondary" disabled={busy} onClick={add.onAdd}>
          {add.label}
        </Button>
      ) : null}
      <Button
        testId={`save-${id}`}
        variant="primary"
        disabled={busy || !changed || blocked}
        onClick={onSave}
      >
        {saveLabel}
      </Button>
      <Button
        testId={`discard-${id}`}
        variant="secondary"
        disabled={busy || !changed}
        onClick={onDiscard}
      >
        Discard changes
      </Button>
    </ButtonRow>
  );
}
