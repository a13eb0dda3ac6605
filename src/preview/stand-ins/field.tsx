// The frame every stand-in input shares: label (with the required mark), description, the
// control, and the validation message, wired together with ids so a screen reader (and a
// browser test's `getByLabel`) finds the control by its label.
import { type ReactNode, useId } from 'react';

export interface FieldFrameProps {
  label?: string | undefined;
  required?: boolean | undefined;
  description?: string | undefined;
  error?: boolean | undefined;
  validationMessage?: string | undefined;
  testId?: string | undefined;
  children: (ids: { control: string; describedBy: string | undefined }) => ReactNode;
}

export function FieldFrame(props: FieldFrameProps) {
  const id = useId();
  const control = `${id}-control`;
  const message = props.validationMessage ? `${id}-message` : undefined;
  const description = props.description ? `${id}-description` : undefined;
  const describedBy = [description, message].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`bt-field${props.error ? ' bt-field--error' : ''}`} data-testid={props.testId}>
      {props.label ? (
        <label className="bt-field__label" htmlFor={control}>
          {props.label}
          {props.required ? (
            <span className="bt-field__required" aria-hidden="true">
              {' '}
              *
            </span>
          ) : null}
        </label>
      ) : null}
      {props.description ? (
        <div id={description} className="bt-field__description">
          {props.description}
        </div>
      ) : null}
      {props.children({ control, describedBy })}
      {props.validationMessage ? (
        <div
          id={message}
          className={props.error ? 'bt-field__error' : 'bt-field__hint'}
          role={props.error ? 'alert' : undefined}
        >
          {props.validationMessage}
        </div>
      ) : null}
    </div>
  );
}
