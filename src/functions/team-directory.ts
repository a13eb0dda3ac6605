// Who is who beyond what a CRM records: which owners are CS managers, CSMs, CS ops and sales
// managers (HubSpot owners carry teams, not roles or managers). CS ops keep it on the settings
// page; the assignment of a CSM to a new handoff and the targets of escalations come from here.
import { z } from 'zod';
import type { ActorRole } from '../core';
import type { CrmDeal, CrmPerson } from '../crm/crm-adapter';

const ownerId = z.string().trim().min(1, { error: 'an owner id cannot be blank' });

export const teamDirectorySchema = z.strictObject({
  csManagers: z.array(ownerId).min(1, { error: 'name at least one CS manager' }),
  csms: z.array(ownerId),
  csOps: z.array(ownerId).default([]),
  /** A sales manager and the AEs (owner ids) or teams (team ids) they lead. */
  salesManagers: z
    .array(
      z.strictObject({
        managerId: ownerId,
        memberIds: z.array(ownerId).default([]),
        teamIds: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

export type TeamDirectory = z.infer<typeof teamDirectorySchema>;

export interface Assignment {
  /** The CSM who receives the handoff; null when nobody could be assigned. */
  receiverId: string | null;
  receiverManagerId: string | null;
  senderManagerId: string | null;
  /** Baton picked the CSM (none was on the deal), so the CS manager should confirm. */
  assignedByBaton: boolean;
}

/** A stable pick: the same deal always lands on the same CSM, so a retried event agrees. */
function stablePick<T>(items: readonly T[], seed: string): T | null {
  if (items.length === 0) return null;
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return items[hash % items.length]!;
}

export function salesManagerOf(
  directory: TeamDirectory,
  owner: CrmPerson | null,
  ownerId: string | null,
): string | null {
  if (ownerId === null) return null;
  const teams = new Set(owner?.teams.map((team) => team.id) ?? []);
  const lead = directory.salesManagers.find(
    (m) => m.memberIds.includes(ownerId) || m.teamIds.some((team) => teams.has(team)),
  );
  return lead?.managerId ?? null;
}

export function assignHandoff(
  deal: CrmDeal,
  owner: CrmPerson | null,
  directory: TeamDirectory,
): Assignment {
  const fromDeal = deal.csmOwnerId;
  const receiverId = fromDeal ?? stablePick(directory.csms, deal.id);
  return {
    receiverId,
    receiverManagerId: stablePick(directory.csManagers, deal.id),
    senderManagerId: salesManagerOf(directory, owner, deal.ownerId),
    assignedByBaton: fromDeal === null && receiverId !== null,
  };
}

/** The role a person plays in Baton, for the lifecycle's guards. */
export function roleOf(directory: TeamDirectory, personId: string): ActorRole {
  if (directory.csManagers.includes(personId)) return 'cs_manager';
  if (directory.csms.includes(personId)) return 'csm';
  if (directory.csOps.includes(personId)) return 'cs_ops';
  if (directory.salesManagers.some((m) => m.managerId === personId)) return 'sales_manager';
  return 'ae';
}
