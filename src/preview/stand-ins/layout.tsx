// HTML stand-ins for @hubspot/ui-extensions' layout and display components, with the props the
// real ones take (the subset Baton's cards use, and their near neighbours), styled after
// HubSpot's record page by preview.css. `testId` becomes `data-testid`, as HubSpot's own
// testing renderer finds components by it.
import { Children, type ReactNode } from 'react';

type Size =
  | 'flush'
  | 'extra-small'
  | 'xs'
  | 'small'
  | 'sm'
  | 'medium'
  | 'md'
  | 'large'
  | 'lg'
  | 'extra-large'
  | 'xl';

const GAP: Record<Size, string> = {
  flush: '0',
  'extra-small': '4px',
  xs: '4px',
  small: '8px',
  sm: '8px',
  medium: '16px',
  md: '16px',
  large: '24px',
  lg: '24px',
  'extra-large': '32px',
  xl: '32px',
};

const JUSTIFY: Record<string, string> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  around: 'space-around',
  between: 'space-between',
};

const ALIGN: Record<string, string> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  baseline: 'baseline',
  stretch: 'stretch',
};

export interface FlexProps {
  children?: ReactNode;
  direction?: 'row' | 'column';
  justify?: keyof typeof JUSTIFY;
  align?: keyof typeof ALIGN;
  alignSelf?: keyof typeof ALIGN;
  wrap?: boolean | 'wrap' | 'nowrap';
  gap?: Size;
  testId?: string;
}

export function Flex(props: FlexProps) {
  return (
    <div
      className="bt-flex"
      data-testid={props.testId}
      style={{
        flexDirection: props.direction ?? 'row',
        justifyContent: JUSTIFY[props.justify ?? 'start'],
        alignItems: ALIGN[props.align ?? (props.direction === 'column' ? 'stretch' : 'start')],
        ...(props.alignSelf ? { alignSelf: ALIGN[props.alignSelf] } : {}),
        flexWrap: props.wrap === true || props.wrap === 'wrap' ? 'wrap' : 'nowrap',
        gap: GAP[props.gap ?? 'flush'],
      }}
    >
      {props.children}
    </div>
  );
}

export function Box(props: {
  children?: ReactNode;
  flex?: number | 'initial' | 'auto' | 'none';
  alignSelf?: keyof typeof ALIGN;
  testId?: string;
}) {
  return (
    <div
      data-testid={props.testId}
      style={{
        ...(props.flex !== undefined ? { flex: String(props.flex) } : {}),
        ...(props.alignSelf ? { alignSelf: ALIGN[props.alignSelf] } : {}),
      }}
    >
      {props.children}
    </div>
  );
}

export function Tile(props: {
  children?: ReactNode;
  compact?: boolean;
  flush?: boolean;
  testId?: string;
}) {
  const modifier = props.flush ? ' bt-tile--flush' : props.compact ? ' bt-tile--compact' : '';
  return (
    <section className={`bt-tile${modifier}`} data-testid={props.testId}>
      {props.children}
    </section>
  );
}

export function Divider(props: { distance?: Size; testId?: string }) {
  return (
    <hr
      className="bt-divider"
      data-testid={props.testId}
      style={{ margin: `${GAP[props.distance ?? 'small']} 0` }}
    />
  );
}

export function Heading(props: { children?: ReactNode; inline?: boolean; testId?: string }) {
  return (
    <h3 className={`bt-heading${props.inline ? ' bt-inline' : ''}`} data-testid={props.testId}>
      {props.children}
    </h3>
  );
}

interface TextFormat {
  fontWeight?: 'regular' | 'bold' | 'demibold';
  italic?: boolean;
  lineDecoration?: 'none' | 'underline' | 'strikethrough';
  textTransform?: 'none' | 'uppercase' | 'lowercase' | 'capitalize' | 'sentenceCase';
}

export function Text(props: {
  children?: ReactNode;
  format?: TextFormat;
  variant?: 'bodytext' | 'microcopy';
  inline?: boolean;
  truncate?: boolean | { maxWidth?: number };
  testId?: string;
}) {
  const format = props.format ?? {};
  const Tag = props.inline ? 'span' : 'p';
  return (
    <Tag
      className={`bt-text${props.variant === 'microcopy' ? ' bt-text--micro' : ''}${props.truncate ? ' bt-text--truncate' : ''}`}
      data-testid={props.testId}
      style={{
        fontWeight:
          format.fontWeight === 'bold' ? 700 : format.fontWeight === 'demibold' ? 600 : undefined,
        fontStyle: format.italic ? 'italic' : undefined,
        textDecoration:
          format.lineDecoration === 'strikethrough'
            ? 'line-through'
            : format.lineDecoration === 'underline'
              ? 'underline'
              : undefined,
        textTransform:
          format.textTransform &&
          format.textTransform !== 'sentenceCase' &&
          format.textTransform !== 'none'
            ? format.textTransform
            : undefined,
      }}
    >
      {props.children}
    </Tag>
  );
}

export function Link(props: {
  children?: ReactNode;
  href?: string | { url: string; external?: boolean };
  onClick?: () => void;
  variant?: 'primary' | 'light' | 'dark' | 'destructive';
  testId?: string;
}) {
  const href = typeof props.href === 'string' ? props.href : props.href?.url;
  return (
    <a
      className="bt-link"
      data-testid={props.testId}
      href={href ?? '#'}
      target={href ? '_blank' : undefined}
      rel="noreferrer"
      onClick={(event) => {
        if (!href) event.preventDefault();
        props.onClick?.();
      }}
    >
      {props.children}
    </a>
  );
}

export function List(props: {
  children?: ReactNode;
  variant?:
    'unordered' | 'unordered-styled' | 'ordered' | 'ordered-styled' | 'inline' | 'inline-divided';
  testId?: string;
}) {
  const variant = props.variant ?? 'unordered';
  const items = Children.toArray(props.children).map((child, index) => (
    <li key={index}>{child}</li>
  ));
  const className = `bt-list bt-list--${variant}`;
  return variant.startsWith('ordered') ? (
    <ol className={className} data-testid={props.testId}>
      {items}
    </ol>
  ) : (
    <ul className={className} data-testid={props.testId}>
      {items}
    </ul>
  );
}

type TagVariant = 'default' | 'info' | 'success' | 'warning' | 'danger' | 'error';

export function StatusTag(props: {
  children?: ReactNode;
  variant?: TagVariant;
  hollow?: boolean;
  testId?: string;
}) {
  return (
    <span
      className={`bt-status bt-status--${props.variant ?? 'default'}${props.hollow ? ' bt-status--hollow' : ''}`}
      data-testid={props.testId}
    >
      <span className="bt-status__dot" aria-hidden="true" />
      {props.children}
    </span>
  );
}

export function Tag(props: {
  children?: ReactNode;
  variant?: 'default' | 'warning' | 'success' | 'error' | 'info';
  onClick?: () => void;
  testId?: string;
}) {
  return (
    <span
      className={`bt-tag bt-tag--${props.variant ?? 'default'}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </span>
  );
}

export function Alert(props: {
  title: string;
  children?: ReactNode;
  variant?: 'info' | 'warning' | 'success' | 'error' | 'danger' | 'tip';
  testId?: string;
}) {
  const variant = props.variant ?? 'info';
  return (
    <div
      className={`bt-alert bt-alert--${variant}`}
      role={variant === 'error' || variant === 'danger' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      <div className="bt-alert__title">{props.title}</div>
      {props.children ? <div className="bt-alert__body">{props.children}</div> : null}
    </div>
  );
}

/** The frame an empty or error state shares: a picture, a title, what to do. */
function StateFrame(props: {
  className: string;
  role?: string;
  testId?: string | undefined;
  title?: string | undefined;
  image: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={props.className} role={props.role} data-testid={props.testId}>
      <div className="bt-empty__image" aria-hidden="true">
        {props.image}
      </div>
      <div className="bt-empty__content">
        {props.title ? <h3 className="bt-heading">{props.title}</h3> : null}
        {props.children}
      </div>
    </div>
  );
}

export function EmptyState(props: {
  title?: string;
  children?: ReactNode;
  layout?: 'horizontal' | 'vertical';
  imageName?: string;
  flush?: boolean;
  reverseOrder?: boolean;
  testId?: string;
}) {
  return (
    <StateFrame
      className={`bt-empty bt-empty--${props.layout ?? 'horizontal'}`}
      testId={props.testId}
      title={props.title}
      image={
        <svg viewBox="0 0 64 64" width="72" height="72">
          <rect x="8" y="14" width="48" height="38" rx="6" fill="#eaf0f6" stroke="#cbd6e2" />
          <path d="M18 28h28M18 36h20" stroke="#7c98b6" strokeWidth="3" strokeLinecap="round" />
          <circle cx="48" cy="46" r="9" fill="#ff7a59" />
          <path d="M44 46h8M48 42v8" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
      }
    >
      {props.children}
    </StateFrame>
  );
}

export function LoadingSpinner(props: {
  label?: string;
  showLabel?: boolean;
  size?: string;
  layout?: 'inline' | 'centered';
  testId?: string;
}) {
  return (
    <div
      className={`bt-spinner bt-spinner--${props.layout ?? 'inline'}`}
      role="status"
      data-testid={props.testId}
    >
      <span className="bt-spinner__wheel" aria-hidden="true" />
      <span className={props.showLabel ? '' : 'bt-visually-hidden'}>
        {props.label ?? 'Loading'}
      </span>
    </div>
  );
}

export function ProgressBar(props: {
  title?: string;
  value?: number;
  maxValue?: number;
  valueMax?: number;
  showPercentage?: boolean;
  valueDescription?: string;
  variant?: 'success' | 'danger' | 'warning';
  testId?: string;
}) {
  const max = props.maxValue ?? props.valueMax ?? 100;
  const value = Math.max(0, Math.min(props.value ?? 0, max));
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="bt-progress" data-testid={props.testId}>
      {props.title || props.showPercentage ? (
        <div className="bt-progress__head">
          <span className="bt-progress__title">{props.title}</span>
          {props.showPercentage ? <span>{percent}%</span> : null}
        </div>
      ) : null}
      <div
        className={`bt-progress__track bt-progress--${props.variant ?? 'success'}`}
        role="progressbar"
        aria-label={props.title}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={props.valueDescription}
      >
        <div className="bt-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {props.valueDescription ? (
        <div className="bt-progress__description">{props.valueDescription}</div>
      ) : null}
    </div>
  );
}

export function StepIndicator(props: {
  stepNames: string[];
  currentStep?: number;
  direction?: 'horizontal' | 'vertical';
  variant?: 'default' | 'compact' | 'flush';
  onClick?: (stepIndex: number) => void;
  testId?: string;
}) {
  const current = props.currentStep ?? 0;
  return (
    <ol
      className={`bt-steps bt-steps--${props.direction ?? 'horizontal'}`}
      data-testid={props.testId}
    >
      {props.stepNames.map((name, index) => {
        const status = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={name}
            className={`bt-steps__step bt-steps__step--${status}`}
            aria-current={status === 'current' ? 'step' : undefined}
          >
            <span className="bt-steps__circle">{status === 'done' ? '✓' : index + 1}</span>
            <span className="bt-steps__name">{name}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function DescriptionList(props: {
  children?: ReactNode;
  direction?: 'row' | 'column';
  testId?: string;
}) {
  return (
    <dl className={`bt-dl bt-dl--${props.direction ?? 'column'}`} data-testid={props.testId}>
      {props.children}
    </dl>
  );
}

export function DescriptionListItem(props: { label: string; children?: ReactNode }) {
  return (
    <div className="bt-dl__item">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

export function ErrorState(props: {
  title?: string;
  children?: ReactNode;
  type?: 'error' | 'support' | 'lock' | 'empty';
  layout?: 'horizontal' | 'vertical';
  testId?: string;
}) {
  return (
    <StateFrame
      className="bt-empty bt-empty--vertical bt-error-state"
      role="alert"
      testId={props.testId}
      title={props.title}
      image={
        <svg viewBox="0 0 64 64" width="64" height="64">
          <circle cx="32" cy="32" r="26" fill="#fde8e9" stroke="#f2545b" strokeWidth="2" />
          <path d="M32 18v18" stroke="#f2545b" strokeWidth="4" strokeLinecap="round" />
          <circle cx="32" cy="45" r="3" fill="#f2545b" />
        </svg>
      }
    >
      {props.children}
    </StateFrame>
  );
}
