// The customer context section, edited in place: each field says as you type whether it
// counts (the core's own "filled" rule), and the save carries the version it started from.
import { useState } from 'react';
import { Button, ButtonRow, Flex, Heading, Text, TextArea } from '@hubspot/ui-extensions';
import { HANDOFF_ITEMS } from '../../../src/core/items/handoff-items';
import type { HandoffDocument, HandoffView, SectionPatch } from '../card-types';
import { fieldProblem, isTooLong } from '../field-problem';

type CustomerContext = NonNullable<HandoffDocument['customerContext']>;
type Field = keyof CustomerContext;

export const CUSTOMER_CONTEXT_FIELDS: readonly Field[] = [
  'companyOverview',
  'industry',
  'size',
  'businessChallenge',
  'purchaseContext',
  'whyUs',
  'whyNow',
  'alternativesEvaluated',
];

function labelOf(field: Field): string {
  return HANDOFF_ITEMS.get(`customerContext.${field}`)?.label ?? field;
}

function valuesOf(handoff: HandoffView): Record<Field, string> {
  const context = handoff.document.customerContext ?? {};
  return Object.fromEntries(
    CUSTOMER_CONTEXT_FIELDS.map((field) => [field, context[field] ?? '']),
  ) as Record<Field, string>;
}

export interface CustomerContextFormProps {
  handoff: HandoffView;
  busy: boolean;
  onSave: (sections: SectionPatch) => Promise<boolean>;
}

export function CustomerContextForm({ handoff, busy, onSave }: CustomerContextFormProps) {
  const saved = valuesOf(handoff);
  const [values, setValues] = useState(saved);
  const missingPaths = new Set(handoff.completeness.missing.map((item) => item.path));
  const problems = CUSTOMER_CONTEXT_FIELDS.map((field) => fieldProblem(values[field]));
  const changed = CUSTOMER_CONTEXT_FIELDS.some((field) => values[field] !== saved[field]);
  const tooLong = problems.some(isTooLong);

  const save = async () => {
    const customerContext = Object.fromEntries(
      CUSTOMER_CONTEXT_FIELDS.map((field) => [field, values[field].trim() || null]),
    ) as CustomerContext;
    await onSave({ customerContext });
  };

  return (
    <Flex direction="column" gap="small" testId="customer-context">
      <Heading>Customer context</Heading>
      {CUSTOMER_CONTEXT_FIELDS.map((field, index) => (
        <TextArea
          key={field}
          name={`customerContext.${field}`}
          label={labelOf(field)}
          value={values[field]}
          readOnly={!handoff.canEdit}
          required={missingPaths.has(`customerContext.${field}`)}
          rows={2}
          onInput={(value) => setValues((current) => ({ ...current, [field]: value }))}
          error={problems[index] !== null}
          validationMessage={problems[index] ?? undefined}
        />
      ))}
      {handoff.canEdit ? (
        <ButtonRow>
          <Button
            testId="save-customer-context"
            variant="primary"
            disabled={busy || !changed || tooLong}
            onClick={() => void save()}
          >
            Save customer context
          </Button>
          <Button variant="secondary" disabled={busy || !changed} onClick={() => setValues(saved)}>
            Discard changes
          </Button>
        </ButtonRow>
      ) : (
        <Text variant="microcopy">Only the sender edits the handoff.</Text>
      )}
    </Flex>
  );
}
