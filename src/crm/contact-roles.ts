// Contact roles on a deal, as CRMs name them (HubSpot association labels, Salesforce
// OpportunityContactRole picklist values), mapped to the protocol's stakeholder roles. Portals
// name their labels freely, so matching is by normalized words and common synonyms.
import type { StakeholderRole } from '../core';

const SYNONYMS: Record<string, StakeholderRole> = {
  executive_sponsor: 'executive_sponsor',
  executive: 'executive_sponsor',
  sponsor: 'executive_sponsor',
  champion: 'champion',
  influencer: 'champion',
  internal_champion: 'champion',
  economic_buyer: 'economic_buyer',
  economic_decision_maker: 'economic_buyer',
  decision_maker: 'economic_buyer',
  budget_holder: 'economic_buyer',
  technical_lead: 'technical_lead',
  technical_buyer: 'technical_lead',
  technical_contact: 'technical_lead',
  evaluator: 'technical_lead',
  end_user: 'end_users',
  end_users: 'end_users',
  business_user: 'end_users',
  user: 'end_users',
  blocker: 'blocker',
  detractor: 'blocker',
};

function normalize(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The stakeholder role a CRM label stands for, or null when it names none. */
export function stakeholderRoleOf(label: string): StakeholderRole | null {
  return SYNONYMS[normalize(label)] ?? null;
}

export function stakeholderRolesOf(labels: readonly string[]): StakeholderRole[] {
  const roles = new Set<StakeholderRole>();
  for (const label of labels) {
    const role = stakeholderRoleOf(label);
    if (role !== null) roles.add(role);
  }
  return [...roles];
}
