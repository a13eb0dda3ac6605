// The save bar under the settings: how many fields changed, what must be fixed first (each
// problem in words, from the same checks the backend runs), and save and discard.
import { Button, Flex, Text, Tile } from '@hubspot/ui-extensions';
import { SAVE_BAR } from '../settings-text';

export interface SaveBarProps {
  changes: number;
  /** Each problem as "where: what", in the order the checks found them. */
  problems: readonly string[];
  busy: boolean;
  /** A conflict: nothing can be saved until the page is reloaded. */
  blocked: boolean;
  onSave: () => void;
  onDiscard: () => void;
}

export function SaveBar({ changes, problems, busy, blocked, onSave, onDiscard }: SaveBarProps) {
  return (
    <Tile>
      <Flex direction="column" gap="small" testId="save-bar">
        {problems.length > 0 ? (
          <Flex direction="column" gap="extra-small" testId="problems">
            <Text format={{ fontWeight: 'demibold' }}>{SAVE_BAR.problems(problems.length)}</Text>
            {problems.map((problem, index) => (
              <Text key={index} variant="microcopy">
                {problem}
              </Text>
            ))}
          </Flex>
        ) : null}
        <Flex direction="row" gap="small" align="center">
          <Text testId="changes">
            {changes === 0 ? SAVE_BAR.noChanges : SAVE_BAR.changes(changes)}
          </Text>
          <Button
            testId="save-settings"
            variant="primary"
            disabled={changes === 0 || problems.length > 0 || busy || blocked}
            onClick={onSave}
          >
            {busy ? SAVE_BAR.saving : SAVE_BAR.save}
          </Button>
          <Button
            testId="discard-settings"
            variant="secondary"
            disabled={changes === 0 || busy}
            onClick={onDiscard}
          >
            {SAVE_BAR.discard}
          </Button>
        </Flex>
      </Flex>
    </Tile>
  );
}
