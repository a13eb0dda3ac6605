// The people of the seed portal: account executives on two sales teams, and a Customer
// Success team of managers, CSMs and one CS operations owner. Exported so the rest of Baton
// (the demo, the backend's roster, tests) can know who is who without asking the CRM.
export type SeedRole = 'ae' | 'cs_manager' | 'csm' | 'cs_ops';

export interface SeedTeam {
  id: string;
  name: string;
}

export interface SeedOwner {
  /** The HubSpot owner id (`hubspot_owner_id` values). */
  id: string;
  userId: number;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  role: SeedRole;
  teamId: string;
}

export const SEED_TEAMS = {
  midMarket: { id: '5104021', name: 'Mid-Market Sales' },
  enterprise: { id: '5104022', name: 'Enterprise Sales' },
  customerSuccess: { id: '5104023', name: 'Customer Success' },
} as const satisfies Record<string, SeedTeam>;

/** The vendor's own people use a reserved domain (RFC 2606), never a real one. */
export const SEED_EMAIL_DOMAIN = 'lumenstack.example';

const person = (
  id: string,
  userId: number,
  firstName: string,
  lastName: string,
  title: string,
  role: SeedRole,
  team: SeedTeam,
): SeedOwner => ({
  id,
  userId,
  firstName,
  lastName,
  email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${SEED_EMAIL_DOMAIN}`,
  title,
  role,
  teamId: team.id,
});

export const SEED_OWNERS: readonly SeedOwner[] = [
  person('71020301', 9120301, 'Jordan', 'Blake', 'Account Executive', 'ae', SEED_TEAMS.midMarket),
  person('71020302', 9120302, 'Priya', 'Raman', 'Account Executive', 'ae', SEED_TEAMS.midMarket),
  person(
    '71020303',
    9120303,
    'Daniel',
    'Okafor',
    'Senior Account Executive',
    'ae',
    SEED_TEAMS.midMarket,
  ),
  person(
    '71020304',
    9120304,
    'Marcus',
    'Chen',
    'Enterprise Account Executive',
    'ae',
    SEED_TEAMS.enterprise,
  ),
  person(
    '71020305',
    9120305,
    'Sofia',
    'Alvarez',
    'Enterprise Account Executive',
    'ae',
    SEED_TEAMS.enterprise,
  ),
  person(
    '71020311',
    9120311,
    'Alex',
    'Kim',
    'Customer Success Manager, Enterprise',
    'cs_manager',
    SEED_TEAMS.customerSuccess,
  ),
  person(
    '71020312',
    9120312,
    'Hannah',
    'Weiss',
    'Customer Success Manager, Mid-Market',
    'cs_manager',
    SEED_TEAMS.customerSuccess,
  ),
  person(
    '71020321',
    9120321,
    'Tomas',
    'Herrera',
    'Customer Success Manager',
    'csm',
    SEED_TEAMS.customerSuccess,
  ),
  person(
    '71020322',
    9120322,
    'Aisha',
    'Bello',
    'Customer Success Manager',
    'csm',
    SEED_TEAMS.customerSuccess,
  ),
  person(
    '71020323',
    9120323,
    'Liam',
    'Byrne',
    'Customer Success Manager',
    'csm',
    SEED_TEAMS.customerSuccess,
  ),
  person(
    '71020324',
    9120324,
    'Mei',
    'Tanaka',
    'Senior Customer Success Manager',
    'csm',
    SEED_TEAMS.customerSuccess,
  ),
  person(
    '71020325',
    9120325,
    'Noah',
    'Fischer',
    'Customer Success Manager',
    'csm',
    SEED_TEAMS.customerSuccess,
  ),
  person(
    '71020331',
    9120331,
    'Rachel',
    'Adeyemi',
    'CS Operations Lead',
    'cs_ops',
    SEED_TEAMS.customerSuccess,
  ),
];

export const seedOwnersWithRole = (role: SeedRole): SeedOwner[] =>
  SEED_OWNERS.filter((owner) => owner.role === role);
