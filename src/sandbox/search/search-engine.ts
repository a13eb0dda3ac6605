// CRM search over one object type: filter groups (OR of ANDs), `associations.{type}` filters,
// a free-text `query`, sorts, and offset paging with a total. HubSpot's limits hold: 5 groups,
// 6 filters a group, 18 in all, 200 results a page, and no paging past 10,000 results.
import { validationError } from '../errors';
import { behaviourOf } from '../model/object-behaviour';
import type { SearchFilter, SearchRequest } from '../requests/objects.requests';
import type { SandboxStore } from '../store/sandbox-store';
import type { ObjectRecord, ObjectTypeDef } from '../store/state.schema';
import { compareValues, matchesFilter } from './filters';

export const MAX_FILTERS = 18;
export const MAX_RESULTS = 10_000;

export interface SearchPage {
  total: number;
  records: ObjectRecord[];
  nextAfter?: string;
}

interface Sort {
  propertyName: string;
  descending: boolean;
}

function sortsOf(request: SearchRequest): Sort[] {
  return (request.sorts ?? []).map((sort) =>
    typeof sort === 'string'
      ? { propertyName: sort.replace(/^-/, ''), descending: sort.startsWith('-') }
      : { propertyName: sort.propertyName, descending: sort.direction === 'DESCENDING' },
  );
}

function associationFilter(store: SandboxStore, type: ObjectTypeDef, filter: SearchFilter) {
  const toType = store.type(filter.propertyName.slice('associations.'.length));
  if (
    !['EQ', 'NEQ', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'].includes(filter.operator)
  ) {
    throw validationError(
      `${filter.operator} cannot be used on ${filter.propertyName}; use EQ or IN`,
    );
  }
  return (record: ObjectRecord) => {
    const ids = store.associations
      .targets({ objectTypeId: type.objectTypeId, id: record.id }, toType.objectTypeId)
      .map((t) => t.toId);
    switch (filter.operator) {
      case 'HAS_PROPERTY':
        return ids.length > 0;
      case 'NOT_HAS_PROPERTY':
        return ids.length === 0;
      case 'EQ':
        return ids.includes(filter.value ?? '');
      case 'NEQ':
        return !ids.includes(filter.value ?? '');
      case 'IN':
        return (filter.values ?? []).some((v) => ids.includes(v));
      default:
        return !(filter.values ?? []).some((v) => ids.includes(v));
    }
  };
}

function compileFilter(
  store: SandboxStore,
  type: ObjectTypeDef,
  filter: SearchFilter,
): (record: ObjectRecord) => boolean {
  if (filter.propertyName.startsWith('associations.'))
    return associationFilter(store, type, filter);
  const def = type.properties.find((p) => p.name === filter.propertyName && !p.archived);
  // HubSpot answers a filter on an unknown property with a 400; naming it helps find the typo.
  if (!def)
    throw validationError(
      `Search filter names ${filter.propertyName}, which is not a property of ${type.name}`,
    );
  if (['IN', 'NOT_IN'].includes(filter.operator) && !filter.values)
    throw validationError(`${filter.operator} on ${filter.propertyName} needs \`values\``);
  if (filter.operator === 'BETWEEN' && filter.highValue === undefined)
    throw validationError(`BETWEEN on ${filter.propertyName} needs \`highValue\``);
  return (record) => matchesFilter(def, record.properties[def.name], filter);
}

function queryMatcher(
  type: ObjectTypeDef,
  query: string | undefined,
): (record: ObjectRecord) => boolean {
  const words = (query ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return () => true;
  const fields = [
    ...new Set([...type.searchableProperties, ...behaviourOf(type).defaultProperties]),
  ];
  return (record) => {
    const text = fields
      .map((f) => record.properties[f] ?? '')
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  };
}

export function runSearch(
  store: SandboxStore,
  type: ObjectTypeDef,
  request: SearchRequest,
): SearchPage {
  const groups = request.filterGroups ?? [];
  const filterCount = groups.reduce((n, g) => n + g.filters.length, 0);
  if (filterCount > MAX_FILTERS)
    throw validationError(
      `A search takes at most ${MAX_FILTERS} filters in all; this one has ${filterCount}`,
    );
  const compiled = groups.map((g) => g.filters.map((f) => compileFilter(store, type, f)));
  const matchesQuery = queryMatcher(type, request.query);
  const matches = store.records
    .list(type)
    .filter(
      (r) =>
        matchesQuery(r) &&
        (compiled.length === 0 || compiled.some((group) => group.every((test) => test(r)))),
    );

  const sorts = sortsOf(request);
  for (const sort of sorts) {
    if (!type.properties.some((p) => p.name === sort.propertyName))
      throw validationError(
        `Cannot sort by ${sort.propertyName}: it is not a property of ${type.name}`,
      );
  }
  matches.sort((a, b) => {
    for (const sort of sorts) {
      const def = type.properties.find((p) => p.name === sort.propertyName);
      const order = compareValues(
        def,
        a.properties[sort.propertyName],
        b.properties[sort.propertyName],
      );
      if (order !== 0) return sort.descending ? -order : order;
    }
    return Number(a.id) - Number(b.id);
  });

  const offset = request.after === undefined ? 0 : Number(request.after);
  if (!Number.isInteger(offset) || offset < 0)
    throw validationError(
      `after must be a paging cursor from an earlier answer, not ${JSON.stringify(request.after)}`,
    );
  if (offset >= MAX_RESULTS)
    throw validationError(
      `Search results cannot be paged past ${MAX_RESULTS}: narrow the filters instead`,
    );
  const limit = request.limit ?? 10;
  const records = matches.slice(offset, offset + limit);
  const next = offset + limit;
  return {
    total: matches.length,
    records,
    ...(next < matches.length && next < MAX_RESULTS && limit > 0
      ? { nextAfter: String(next) }
      : {}),
  };
}
