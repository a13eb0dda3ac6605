// One search filter against one record, by the property's type: numbers compare as numbers,
// dates as instants, strings and options without regard to case (HubSpot asks for lowercase
// values in IN filters on strings, and matches case-insensitively). A filter on a value the
// record lacks matches only the negative operators (NEQ, NOT_IN, NOT_HAS_PROPERTY,
// NOT_CONTAINS_TOKEN), as a "must not" query does.
import type { SearchFilter } from '../requests/objects.requests';
import type { PropertyDef } from '../store/state.schema';

type Comparable = number | string;

function comparable(def: PropertyDef | undefined, raw: string): Comparable | undefined {
  switch (def?.type) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() === '' || Number.isNaN(n) ? undefined : n;
    }
    case 'date':
    case 'datetime': {
      const ms = /^-?\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
      return Number.isNaN(ms) ? undefined : ms;
    }
    default:
      return raw.toLowerCase();
  }
}

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s,.;:@\-_/()]+/)
    .filter((t) => t !== '');

function containsToken(value: string, wanted: string): boolean {
  const lower = wanted.toLowerCase();
  if (lower.includes('*')) {
    const pattern = lower
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return (
      new RegExp(`^${pattern}$`).test(value.toLowerCase()) ||
      tokens(value).some((t) => new RegExp(`^${pattern}$`).test(t))
    );
  }
  return value.toLowerCase() === lower || tokens(value).includes(lower);
}

/** Whether `value` (the record's raw value, or `undefined`) passes `filter`. */
export function matchesFilter(
  def: PropertyDef | undefined,
  value: string | undefined,
  filter: SearchFilter,
): boolean {
  const present = value !== undefined && value !== '';
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return present;
    case 'NOT_HAS_PROPERTY':
      return !present;
    case 'CONTAINS_TOKEN':
      return present && containsToken(value, filter.value ?? '');
    case 'NOT_CONTAINS_TOKEN':
      return !present || !containsToken(value, filter.value ?? '');
    case 'IN':
    case 'NOT_IN': {
      const mine = present ? comparable(def, value) : undefined;
      const hit =
        mine !== undefined &&
        (filter.values ?? []).some((v) => {
          const other = comparable(def, v);
          return other !== undefined && compare(mine, other) === 0;
        });
      return filter.operator === 'IN' ? hit : !hit;
    }
    default: {
      const mine = present ? comparable(def, value) : undefined;
      const other = comparable(def, filter.value ?? '');
      if (mine === undefined || other === undefined) return filter.operator === 'NEQ';
      const order = compare(mine, other);
      switch (filter.operator) {
        case 'EQ':
          return order === 0;
        case 'NEQ':
          return order !== 0;
        case 'LT':
          return order < 0;
        case 'LTE':
          return order <= 0;
        case 'GT':
          return order > 0;
        case 'GTE':
          return order >= 0;
        case 'BETWEEN': {
          const high = comparable(def, filter.highValue ?? '');
          return high !== undefined && order >= 0 && compare(mine, high) <= 0;
        }
      }
    }
  }
}

/** Orders two raw values of a property for sorting; missing values go last. */
export function compareValues(
  def: PropertyDef | undefined,
  a: string | undefined,
  b: string | undefined,
): number {
  const x = a === undefined || a === '' ? undefined : comparable(def, a);
  const y = b === undefined || b === '' ? undefined : comparable(def, b);
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  return compare(x, y);
}
