// Whom the preview acts as. The switch picks a role; the person follows from the deal, as in
// a real portal: the AE is the deal's owner, the CSM the one Baton assigned to it (or the first
// CSM), the CS manager and CS ops the first of theirs in the team.
import type { DealRecord } from '../sandbox-reads';
import type { PreviewPerson } from './preview-api';

export const PREVIEW_ROLES = [
  { role: 'ae', label: 'AE' },
  { role: 'csm', label: 'CSM' },
  { role: 'cs_manager', label: 'CS manager' },
  { role: 'cs_ops', label: 'CS ops' },
] as const;

export type PreviewRole = (typeof PREVIEW_ROLES)[number]['role'];

export function actingPerson(
  role: PreviewRole,
  people: readonly PreviewPerson[],
  deal: DealRecord | null,
): PreviewPerson | null {
  const withUser = people.filter((person) => person.userId !== null);
  const byId = (id: string | null | undefined) =>
    id ? (withUser.find((person) => person.id === id) ?? null) : null;
  const first = (wanted: PreviewRole) => withUser.find((person) => person.role === wanted) ?? null;
  switch (role) {
    case 'ae':
      return byId(deal?.properties.hubspot_owner_id) ?? first('ae');
    case 'csm':
      return byId(deal?.properties.baton_csm_owner_id) ?? first('csm');
    default:
      return first(role);
  }
}
