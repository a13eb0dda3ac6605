// A section's free-text fields, each labelled with the core's words for its item, marked
// required while the score counts it missing, and flagged as typed by the core's "filled" rule.
import { TextArea } from '@hubspot/ui-extensions';
import { fieldProblem, isTooLong } from '../field-problem';
import { itemLabel } from './section-gaps';

export interface TextFieldsProps<F extends string> {
  /** The document's key: fields are named `${section}.${field}`, like the core's item paths. */
  section: string;
  fields: readonly F[];
  values: Record<F, string>;
  missing: ReadonlySet<string>;
  editable: boolean;
  onInput: (field: F, value: string) => void;
}

export function TextFields<F extends string>(props: TextFieldsProps<F>) {
  const { section, fields, values, missing, editable, onInput } = props;
  return (
    <>
      {fields.map((field) => {
        const problem = fieldProblem(values[field]);
        return (
          <TextArea
            key={field}
            name={`${section}.${field}`}
            label={itemLabel(section, field)}
            value={values[field]}
            readOnly={!editable}
            required={missing.has(`${section}.${field}`)}
            rows={2}
            onInput={(value) => onInput(field, value)}
            error={problem !== null}
            validationMessage={problem ?? undefined}
          />
        );
      })}
    </>
  );
}

/** Whether any of the fields is too long to save. */
export function anyTooLong<F extends string>(fields: readonly F[], values: Record<F, string>) {
  return fields.some((field) => isTooLong(fieldProblem(values[field])));
}
