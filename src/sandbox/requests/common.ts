// Pieces shared by the request schemas.
import { z } from 'zod';
import { ASSOCIATION_CATEGORIES } from '../store/state.schema';

/** Record ids are strings in the models; JSON numbers are accepted as HubSpot does. */
export const idSchema = z.union([z.string().min(1), z.number().int()]).transform(String);

/**
 * A property value. The models say string; HubSpot also takes JSON numbers and booleans (and
 * `null`, which clears the value like ""), so clients that send them work here as there.
 */
export const propertyValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .transform((value) => (value === null ? '' : String(value)));

export const propertyValuesSchema = z.record(z.string(), propertyValueSchema);

/** `AssociationSpec` (objects and associations v4). */
export const associationSpecSchema = z.strictObject({
  associationCategory: z.enum(ASSOCIATION_CATEGORIES),
  associationTypeId: z.number().int(),
});

/** `PublicObjectId`. */
export const publicObjectIdSchema = z.strictObject({ id: idSchema });

/** HubSpot's object batch endpoints take at most 100 inputs. */
export const OBJECT_BATCH_LIMIT = 100;

export const batchOf = <T extends z.ZodType>(item: T, limit = OBJECT_BATCH_LIMIT) =>
  z.array(item).max(limit, { message: `Too many inputs: a batch takes at most ${limit}` });
