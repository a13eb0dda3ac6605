// Who is at the card. A card calls the backend with `hubspot.fetch`, which can send no header of
// ours but `Authorization`; HubSpot adds the account and user as query parameters (`portalId`,
// `userId`, `userEmail`, `appId`) and signs the request v3 over the full URL. So the query is as
// trustworthy as the signature: nothing in it can be changed without the signature failing.
// Only `portalId` and `userId` are required: HubSpot's docs do not pin the list down, and
// without `userEmail` the caller is still known, by user id alone (see resolveCardUser).
import { z } from 'zod';
import type { CrmAdapter } from '../crm/crm-adapter';
import type { CardUser } from '../functions/card-api';
import { type TeamDirectory, roleOf } from '../functions/team-directory';
import { parse } from './http-errors';

const numericId = (what: string) =>
  z.string({ error: 'required' }).regex(/^\d+$/, { error: `expected the numeric HubSpot ${what}` });

export const signedCardContextSchema = z.object({
  portalId: numericId('portal (account) id'),
  userId: numericId('user id'),
  userEmail: z.email({ error: 'expected an email address' }).optional(),
  appId: numericId('app id').optional(),
});

export type SignedCardContext = z.infer<typeof signedCardContextSchema>;

export function cardContextFrom(query: Record<string, string>): SignedCardContext {
  return parse(query, signedCardContextSchema);
}

/**
 * The person as Baton's rules know them: the team directory and the deal's owner speak in
 * HubSpot owner ids, while HubSpot names the caller by user id (and email). The owner with the
 * caller's user id, or failing that their email, is the caller; a user who owns nothing in the
 * CRM may still look (as `user:<id>`), and the core refuses them anything that needs ownership
 * or a role.
 */
export async function resolveCardUser(
  context: SignedCardContext,
  crm: CrmAdapter,
  directory: TeamDirectory,
): Promise<CardUser> {
  const people = await crm.listPeople();
  const email = context.userEmail?.toLowerCase();
  const owner =
    people.find((person) => person.userId === context.userId) ??
    (email ? people.find((person) => person.email?.toLowerCase() === email) : undefined);
  const id = owner?.id ?? `user:${context.userId}`;
  return { id, role: roleOf(directory, id) };
}
