// Which object type a path means. Standard objects answer to their id (`0-3`), plural and
// singular names (`deals`, `deal`) in any case; custom objects to their `objectTypeId`
// (`2-1234567`) and `fullyQualifiedName` (`p{portalId}_{name}`), which is what HubSpot's docs
// ask for. The schemas API also takes a custom object's plain name.
import { unknownObjectType } from '../errors';
import type { ObjectTypeDef } from './state.schema';
import type { StoreData } from './store-data';

export interface ResolveOptions {
  /** Accept a custom object's plain `name` (the schemas API does). */
  allowName?: boolean;
  /** Resolve archived custom objects too. */
  includeArchived?: boolean;
}

export function findType(
  data: StoreData,
  ref: string,
  options: ResolveOptions = {},
): ObjectTypeDef | undefined {
  const wanted = ref.toLowerCase();
  for (const type of data.types.values()) {
    if (type.archived && !options.includeArchived) continue;
    if (type.objectTypeId === ref) return type;
    if (type.kind === 'standard') {
      if (wanted === type.name || wanted === type.singularName) return type;
    } else if (
      wanted === type.fullyQualifiedName.toLowerCase() ||
      (options.allowName && wanted === type.name.toLowerCase())
    ) {
      return type;
    }
  }
  return undefined;
}

export function resolveType(data: StoreData, ref: string, options?: ResolveOptions): ObjectTypeDef {
  const type = findType(data, ref, options);
  if (!type) throw unknownObjectType(ref);
  return type;
}
