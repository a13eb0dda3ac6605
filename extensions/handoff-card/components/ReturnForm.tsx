// Sending a handoff back needs named gaps: picked from the missing items, or typed (one a line).
import { useState } from 'react';
import { Button, ButtonRow, Flex, MultiSelect, Text, TextArea } from '@hubspot/ui-extensions';
import { namedGaps } from '../../../src/core/lifecycle/action-buttons';
import type { CardAction, HandoffView } from '../card-types';
import type { ReturnDecision } from './ActionBar';

export interface ReturnFormProps {
  decision: ReturnDecision;
  missing: HandoffView['completeness']['missing'];
  busy: boolean;
  onSend: (action: CardAction) => void;
  onCancel: () => void;
}

/** Gaps picked and typed, each once: the core's `namedGaps`, as the Salesforce card uses it too. */
export const gapsFrom = namedGaps;

export function ReturnForm({ decision, missing, busy, onSend, onCancel }: ReturnFormProps) {
  const [picked, setPicked] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [touched, setTouched] = useState(false);
  const gaps = gapsFrom(picked, typed);
  const tooLong = gaps.find((gap) => gap.length > 500);
  const problem =
    gaps.length === 0
      ? 'Name at least one gap: pick a missing item or type one.'
      : tooLong
        ? 'Keep each gap under 500 characters.'
        : null;
  const verb = decision === 'rejected' ? 'Reject' : 'Ask for revision';
  return (
    <Flex direction="column" gap="small" testId="return-form">
      <Text format={{ fontWeight: 'demibold' }}>{verb}: what is missing or wrong?</Text>
      {/* Nothing left to pick once every item is filled: the gaps are typed. */}
      {missing.length > 0 ? (
        <MultiSelect
          label="Missing items"
          name="pickedGaps"
          value={picked}
          options={missing.map((item) => ({ label: item.label, value: item.label }))}
          onChange={(values) => {
            setPicked(values.map(String));
            setTouched(true);
          }}
        />
      ) : null}
      <TextArea
        label="Other gaps (one a line)"
        name="typedGaps"
        value={typed}
        onInput={(value) => {
          setTyped(value);
          setTouched(true);
        }}
        error={touched && problem !== null}
        validationMessage={touched && problem ? problem : undefined}
      />
      <ButtonRow>
        <Button
          variant={decision === 'rejected' ? 'destructive' : 'primary'}
          disabled={busy || problem !== null}
          onClick={() => onSend({ type: 'return', decision, gaps })}
        >
          {verb}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </ButtonRow>
    </Flex>
  );
}
