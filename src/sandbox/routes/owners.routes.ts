// Owners: `GET /crm/v3/owners` (paging, `email` filter) and `GET /crm/v3/owners/{ownerId}`
// (`idProperty=id|userId`), each with its `teams`.
import { z } from 'zod';
import { notFoundError } from '../errors';
import type { OwnerDef } from '../store/state.schema';
import { readQuery } from '../validation';
import {
  type RouteDeps,
  type SandboxApp,
  booleanParam,
  intParam,
  nextPageLink,
  pathParam,
} from './route-kit';

const ownerJson = (owner: OwnerDef) => ({
  id: owner.id,
  email: owner.email,
  type: 'PERSON' as const,
  firstName: owner.firstName,
  lastName: owner.lastName,
  userId: owner.userId,
  userIdIncludingInactive: owner.userId,
  createdAt: owner.createdAt,
  updatedAt: owner.updatedAt,
  archived: owner.archived,
  teams: owner.teams.map((team) => ({ ...team })),
});

const pageQuery = z.object({
  email: z.string().optional(),
  after: z.string().regex(/^\d+$/, { message: 'expected a paging cursor' }).optional(),
  limit: intParam(1, 500).default(100),
  archived: booleanParam.default(false),
});

const oneQuery = z.object({
  idProperty: z.enum(['id', 'userId']).default('id'),
  archived: booleanParam.default(false),
});

export function registerOwnerRoutes(app: SandboxApp, { store }: RouteDeps): void {
  app.get('/crm/v3/owners', (c) => {
    const query = readQuery(c, pageQuery);
    const owners = store.owners.filter(
      (o) =>
        o.archived === query.archived &&
        (!query.email || o.email.toLowerCase() === query.email.toLowerCase()),
    );
    const offset = Number(query.after ?? 0);
    const page = owners.slice(offset, offset + query.limit);
    const next = offset + query.limit;
    return c.json({
      results: page.map(ownerJson),
      ...(next < owners.length
        ? { paging: { next: { after: String(next), link: nextPageLink(c, String(next)) } } }
        : {}),
    });
  });

  app.get('/crm/v3/owners/:ownerId', (c) => {
    const { idProperty, archived } = readQuery(c, oneQuery);
    const id = pathParam(c, 'ownerId');
    const owner = store.owners.find(
      (o) =>
        o.archived === archived && (idProperty === 'id' ? o.id === id : String(o.userId) === id),
    );
    if (!owner)
      throw notFoundError(`Unable to find owner with ${idProperty} ${id}`, {
        context: { ownerId: [id] },
      });
    return c.json(ownerJson(owner));
  });
}
