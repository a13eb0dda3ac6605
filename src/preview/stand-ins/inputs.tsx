// HTML stand-ins for @hubspot/ui-extensions' buttons and inputs. Like HubSpot's, an input keeps
// what is typed even when the card only listens: `onInput` on every keystroke, `onChange` when
// the value is committed (leaving the field, or Enter), and a new `value` from the card wins.
import { type ReactNode, useEffect, useId, useState } from 'react';
import { FieldFrame } from './field';

type ButtonVariant = 'primary' | 'secondary' | 'destructive' | 'transparent';

export function Button(props: {
  children?: ReactNode;
  onClick?: () => void;
  variant?: ButtonVariant;
  disabled?: boolean;
  type?: 'button' | 'submit' | 'reset';
  size?: string;
  href?: string | { url: string };
  tooltip?: string;
  testId?: string;
}) {
  return (
    <button
      type={props.type ?? 'button'}
      className={`bt-button bt-button--${props.variant ?? 'secondary'}${props.size === 'xs' || props.size === 'sm' || props.size === 'extra-small' || props.size === 'small' ? ' bt-button--small' : ''}`}
      disabled={props.disabled}
      title={props.tooltip}
      data-testid={props.testId}
      onClick={() => {
        const href = typeof props.href === 'string' ? props.href : props.href?.url;
        if (href) window.open(href, '_blank', 'noopener');
        props.onClick?.();
      }}
    >
      {props.children}
    </button>
  );
}

export function ButtonRow(props: {
  children?: ReactNode;
  disableDropdown?: boolean;
  testId?: string;
}) {
  return (
    <div className="bt-button-row" data-testid={props.testId}>
      {props.children}
    </div>
  );
}

interface FieldProps<V> {
  label?: string;
  name?: string;
  value?: V;
  defaultValue?: V;
  required?: boolean;
  readOnly?: boolean;
  description?: string;
  tooltip?: string;
  placeholder?: string;
  error?: boolean;
  validationMessage?: string;
  onChange?: (value: V) => void;
  onInput?: (value: V) => void;
  onBlur?: (value: V) => void;
  onFocus?: (value: V) => void;
  testId?: string;
}

/** What the field shows: what was typed, until the card hands down a different value. */
function useTyped(value: string | undefined, defaultValue: string | undefined) {
  const [typed, setTyped] = useState(value ?? defaultValue ?? '');
  useEffect(() => {
    if (value !== undefined) setTyped(value);
  }, [value]);
  return [typed, setTyped] as const;
}

type FrameSource = Pick<
  FieldProps<unknown>,
  'label' | 'required' | 'description' | 'error' | 'validationMessage' | 'testId'
>;

function frame(props: FrameSource) {
  return {
    label: props.label,
    required: props.required,
    description: props.description,
    error: props.error,
    validationMessage: props.validationMessage,
    testId: props.testId,
  };
}

/**
 * A text control's shared wiring: what is shown, `onInput` per keystroke, `onChange` when the
 * text is committed, and the accessibility attributes every control carries.
 */
function useTextControl(props: FieldProps<string>, ids: { control: string; describedBy?: string }) {
  const [typed, setTyped] = useTyped(props.value, props.defaultValue);
  const [committed, setCommitted] = useState(typed);
  const commit = () => {
    if (typed !== committed) {
      setCommitted(typed);
      props.onChange?.(typed);
    }
  };
  return {
    commit,
    attributes: {
      id: ids.control,
      name: props.name,
      value: typed,
      placeholder: props.placeholder,
      readOnly: props.readOnly,
      'aria-required': props.required,
      'aria-invalid': props.error,
      'aria-describedby': ids.describedBy,
      onChange: (event: { target: { value: string } }) => {
        setTyped(event.target.value);
        props.onInput?.(event.target.value);
      },
      onFocus: () => props.onFocus?.(typed),
      onBlur: () => {
        commit();
        props.onBlur?.(typed);
      },
    },
  };
}

function TextInput(props: FieldProps<string> & { type?: 'text' | 'password' } & Ids) {
  const { attributes, commit } = useTextControl(props, props);
  return (
    <input
      {...attributes}
      className="bt-input"
      type={props.type ?? 'text'}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

function TextAreaInput(props: FieldProps<string> & { rows?: number; maxLength?: number } & Ids) {
  const { attributes } = useTextControl(props, props);
  return (
    <textarea
      {...attributes}
      className="bt-input bt-textarea"
      rows={props.rows ?? 3}
      maxLength={props.maxLength}
    />
  );
}

interface Ids {
  control: string;
  describedBy?: string | undefined;
}

export function Input(props: FieldProps<string> & { type?: 'text' | 'password' }) {
  return <FieldFrame {...frame(props)}>{(ids) => <TextInput {...props} {...ids} />}</FieldFrame>;
}

export function TextArea(
  props: FieldProps<string> & { rows?: number; cols?: number; maxLength?: number; resize?: string },
) {
  return (
    <FieldFrame {...frame(props)}>{(ids) => <TextAreaInput {...props} {...ids} />}</FieldFrame>
  );
}

export function NumberInput(
  props: FieldProps<number> & {
    min?: number;
    max?: number;
    precision?: number;
    formatStyle?: string;
  },
) {
  const [typed, setTyped] = useTyped(
    props.value === undefined ? undefined : String(props.value),
    props.defaultValue === undefined ? undefined : String(props.defaultValue),
  );
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  return (
    <FieldFrame {...frame(props)}>
      {({ control, describedBy }) => (
        <input
          id={control}
          className="bt-input bt-input--number"
          name={props.name}
          type="number"
          min={props.min}
          max={props.max}
          step={props.precision ? 1 / 10 ** props.precision : 1}
          value={typed}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          aria-required={props.required}
          aria-invalid={props.error}
          aria-describedby={describedBy}
          onChange={(event) => {
            setTyped(event.target.value);
            props.onInput?.(number(event.target.value));
          }}
          onBlur={() => {
            props.onChange?.(number(typed));
            props.onBlur?.(number(typed));
          }}
        />
      )}
    </FieldFrame>
  );
}

type OptionValue = string | number | boolean;

interface Option {
  label: string;
  value: OptionValue;
  description?: string;
}

export function Select(
  props: Omit<FieldProps<OptionValue>, 'onInput'> & {
    options: Option[];
    variant?: 'transparent' | 'input';
    onInput?: (value: string) => void;
  },
) {
  const index = props.options.findIndex((option) => option.value === props.value);
  return (
    <FieldFrame {...frame(props)}>
      {({ control, describedBy }) => (
        <select
          id={control}
          className="bt-input bt-select"
          name={props.name}
          value={index === -1 ? '' : String(index)}
          disabled={props.readOnly}
          aria-required={props.required}
          aria-invalid={props.error}
          aria-describedby={describedBy}
          onChange={(event) => {
            const option = props.options[Number(event.target.value)];
            if (option) props.onChange?.(option.value);
          }}
        >
          {index === -1 ? (
            <option value="" disabled>
              {props.placeholder ?? 'Select…'}
            </option>
          ) : null}
          {props.options.map((option, i) => (
            <option key={String(option.value)} value={String(i)}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A checkbox per option: the same choice as HubSpot's multi-select, easier to read at a glance. */
export function MultiSelect(
  props: Omit<FieldProps<OptionValue[]>, 'onInput' | 'onChange'> & {
    options: Option[];
    onChange?: (value: OptionValue[]) => void;
  },
) {
  const value = props.value ?? props.defaultValue ?? [];
  return (
    <ToggleGroup
      {...props}
      toggleType="checkboxList"
      value={value}
      onChange={props.onChange as ((value: never) => void) | undefined}
    />
  );
}

/** A box's state: what was clicked, until the extension hands down a different `checked`. */
function useChecked(checked: boolean | undefined, initial: boolean | undefined) {
  const [shown, setShown] = useState(checked ?? initial ?? false);
  useEffect(() => {
    if (checked !== undefined) setShown(checked);
  }, [checked]);
  return [shown, setShown] as const;
}

export function Checkbox(props: {
  children?: ReactNode;
  name?: string;
  value?: string;
  checked?: boolean;
  initialIsChecked?: boolean;
  readOnly?: boolean;
  description?: string;
  onChange?: (checked: boolean, value: string) => void;
  testId?: string;
}) {
  const [checked, setChecked] = useChecked(props.checked, props.initialIsChecked);
  return (
    <label className="bt-check" data-testid={props.testId}>
      <input
        type="checkbox"
        name={props.name}
        value={props.value}
        checked={checked}
        disabled={props.readOnly}
        onChange={(event) => {
          setChecked(event.target.checked);
          props.onChange?.(event.target.checked, props.value ?? '');
        }}
      />
      <span>{props.children}</span>
      {props.description ? (
        <span className="bt-field__description">{props.description}</span>
      ) : null}
    </label>
  );
}

export function Toggle(props: {
  label?: string;
  name?: string;
  checked?: boolean;
  initialIsChecked?: boolean;
  /** HubSpot's prop; `readonly` is its deprecated spelling. */
  readOnly?: boolean;
  readonly?: boolean;
  size?: string;
  onChange?: (checked: boolean) => void;
  testId?: string;
}) {
  const [checked, setChecked] = useChecked(props.checked, props.initialIsChecked);
  return (
    <label className="bt-toggle" data-testid={props.testId}>
      <input
        type="checkbox"
        role="switch"
        name={props.name}
        checked={checked}
        disabled={props.readOnly ?? props.readonly}
        onChange={(event) => {
          setChecked(event.target.checked);
          props.onChange?.(event.target.checked);
        }}
      />
      <span className="bt-toggle__track" aria-hidden="true" />
      <span>{props.label}</span>
    </label>
  );
}

export function ToggleGroup(props: {
  label?: string;
  name?: string;
  description?: string;
  toggleType?: 'checkboxList' | 'radioButtonList';
  options: Option[];
  value?: OptionValue | OptionValue[];
  inline?: boolean;
  required?: boolean;
  readOnly?: boolean;
  error?: boolean;
  validationMessage?: string;
  onChange?: (value: never) => void;
  testId?: string;
}) {
  const groupId = useId();
  const multiple = props.toggleType !== 'radioButtonList';
  const values = Array.isArray(props.value)
    ? props.value
    : props.value === undefined
      ? []
      : [props.value];
  const emit = props.onChange as ((value: OptionValue | OptionValue[]) => void) | undefined;
  return (
    <div
      className={`bt-field bt-choice-group${props.inline ? ' bt-choice-group--inline' : ''}${props.error ? ' bt-field--error' : ''}`}
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={`${groupId}-label`}
      data-testid={props.testId}
    >
      <div id={`${groupId}-label`} className="bt-field__label">
        {props.label}
        {props.required ? <span className="bt-field__required"> *</span> : null}
      </div>
      {props.description ? <div className="bt-field__description">{props.description}</div> : null}
      {props.options.map((option) => (
        <label key={String(option.value)} className="bt-check">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={props.name ?? groupId}
            checked={values.includes(option.value)}
            disabled={props.readOnly}
            onChange={(event) => {
              if (!multiple) return emit?.(option.value);
              const next = event.target.checked
                ? [...values, option.value]
                : values.filter((v) => v !== option.value);
              emit?.(props.options.map((o) => o.value).filter((v) => next.includes(v)));
            }}
          />
          <span>{option.label}</span>
        </label>
      ))}
      {props.validationMessage ? (
        <div className={props.error ? 'bt-field__error' : 'bt-field__hint'}>
          {props.validationMessage}
        </div>
      ) : null}
    </div>
  );
}

interface DateValue {
  year: number;
  month: number;
  date: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function DateInput(
  props: Omit<FieldProps<DateValue | null>, 'value' | 'defaultValue'> & {
    value?: DateValue | null;
    defaultValue?: DateValue | null;
    format?: string;
    min?: DateValue;
    max?: DateValue;
  },
) {
  const text = (value: DateValue | null | undefined) =>
    value ? `${value.year}-${pad(value.month + 1)}-${pad(value.date)}` : '';
  const parse = (text: string): DateValue | null => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    return match
      ? { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) }
      : null;
  };
  const [typed, setTyped] = useTyped(
    props.value === undefined ? undefined : text(props.value),
    text(props.defaultValue),
  );
  return (
    <FieldFrame {...frame(props)}>
      {({ control, describedBy }) => (
        <input
          id={control}
          className="bt-input"
          type="date"
          name={props.name}
          value={typed}
          min={text(props.min) || undefined}
          max={text(props.max) || undefined}
          readOnly={props.readOnly}
          aria-required={props.required}
          aria-invalid={props.error}
          aria-describedby={describedBy}
          onChange={(event) => {
            setTyped(event.target.value);
            props.onChange?.(parse(event.target.value));
          }}
        />
      )}
    </FieldFrame>
  );
}

export function Form(props: {
  children?: ReactNode;
  onSubmit?: () => void;
  preventDefault?: boolean;
}) {
  return (
    <form
      className="bt-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit?.();
      }}
    >
      {props.children}
    </form>
  );
}
