// Plain-text tables for people: aligned columns, numbers to the right.

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((row) => row[i]!.length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, i) =>
        columns[i]!.align === 'right' ? value.padStart(widths[i]!) : value.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return (
    [
      line(columns.map((c) => c.header)),
      line(widths.map((w) => '-'.repeat(w))),
      ...cells.map(line),
    ].join('\n') + '\n'
  );
}

export function formatNumber(value: number | null, digits = 1, suffix = ''): string {
  return value === null
    ? '-'
    : `${Number.isInteger(value) ? value : value.toFixed(digits)}${suffix}`;
}
