// HTML stand-ins for @hubspot/ui-extensions' table parts. Inputs inside a table keep their
// labels for screen readers (and tests) but show them only in the header, as HubSpot does.
import type { ReactNode } from 'react';

export function Table(props: {
  children?: ReactNode;
  bordered?: boolean;
  flush?: boolean;
  density?: 'default' | 'compact' | 'extra-compact';
  testId?: string;
}) {
  return (
    <div className="bt-table-wrap">
      <table
        className={`bt-table bt-table--${props.density ?? 'default'}${props.bordered === false ? '' : ' bt-table--bordered'}`}
        data-testid={props.testId}
      >
        {props.children}
      </table>
    </div>
  );
}

export const TableHead = (props: { children?: ReactNode }) => <thead>{props.children}</thead>;
export const TableBody = (props: { children?: ReactNode }) => <tbody>{props.children}</tbody>;
export const TableFooter = (props: { children?: ReactNode }) => <tfoot>{props.children}</tfoot>;
export const TableRow = (props: { children?: ReactNode; testId?: string }) => (
  <tr data-testid={props.testId}>{props.children}</tr>
);

export function TableHeader(props: {
  children?: ReactNode;
  align?: 'left' | 'center' | 'right';
  width?: 'min' | 'max' | 'auto' | number;
}) {
  return (
    <th
      style={{
        textAlign: props.align ?? 'left',
        width: typeof props.width === 'number' ? `${props.width}px` : undefined,
      }}
    >
      {props.children}
    </th>
  );
}

export function TableCell(props: {
  children?: ReactNode;
  align?: 'left' | 'center' | 'right';
  colSpan?: number;
}) {
  return (
    <td style={{ textAlign: props.align ?? 'left' }} colSpan={props.colSpan}>
      {props.children}
    </td>
  );
}
