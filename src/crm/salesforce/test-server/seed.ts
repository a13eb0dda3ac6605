// The records the Salesforce test server starts with: two won Opportunities (one on a stage
// the org renamed, "Signed", so nothing may rely on the name "Closed Won"), an open one,
// their accounts, contacts (O'Brien among them) and contact roles, and two users.
export type TestRecord = Record<string, unknown> & { Id: string };

export const TEST_IDS = {
  seller: '005000000000001AAA',
  csm: '005000000000002AAA',
  acme: '001000000000001AAA',
  globex: '001000000000002AAA',
  wonDeal: '006000000000001AAA',
  signedDeal: '006000000000002AAA',
  openDeal: '006000000000003AAA',
} as const;

export const OPPORTUNITY_STAGES = [
  { ApiName: 'Prospecting', IsActive: true, IsClosed: false, IsWon: false },
  { ApiName: 'Closed Won', IsActive: true, IsClosed: true, IsWon: true },
  { ApiName: 'Signed', IsActive: true, IsClosed: true, IsWon: true },
  { ApiName: 'Closed Lost', IsActive: true, IsClosed: true, IsWon: false },
];

/** The org's OpportunityContactRole.Role picklist: Salesforce's defaults and one of its own. */
export const CONTACT_ROLE_VALUES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Internal Champion',
  'Other',
];

export function seedRecords(): Record<string, TestRecord[]> {
  const { seller, csm, acme, globex, wonDeal, signedDeal, openDeal } = TEST_IDS;
  const opportunity = (Id: string, Name: string, AccountId: string, StageName: string) => ({
    Id,
    Name,
    AccountId,
    StageName,
    Amount: 120000,
    CloseDate: '2026-11-20',
    OwnerId: seller,
    Baton_Is_Poc__c: false,
    Baton_Strategic__c: false,
    Baton_Csm_Owner_Id__c: null,
  });
  const contact = (
    n: number,
    FirstName: string,
    LastName: string,
    Title: string,
    AccountId: string,
  ) => ({
    Id: `003000000000${String(n).padStart(3, '0')}AAA`,
    FirstName,
    LastName,
    Name: `${FirstName} ${LastName}`,
    Email: `${FirstName.toLowerCase()}@example.com`,
    Title,
    AccountId,
  });
  const contacts = [
    contact(1, 'Dana', 'Price', 'CFO', acme),
    contact(2, 'Aoife', "O'Brien", 'VP Operations', acme),
    contact(3, 'Raj', 'Patel', 'Head of IT', acme),
    contact(4, 'Mei', 'Chen', 'COO', globex),
  ];
  const role = (n: number, OpportunityId: string, ContactId: string, Role: string) => ({
    Id: `00K000000000${String(n).padStart(3, '0')}AAA`,
    OpportunityId,
    ContactId,
    Role,
    IsPrimary: n === 1,
  });
  return {
    User: [
      {
        Id: seller,
        Name: 'Ava Seller',
        Email: 'ava@baton.test',
        IsActive: true,
        UserType: 'Standard',
      },
      {
        Id: csm,
        Name: 'Cole Success',
        Email: 'cole@baton.test',
        IsActive: true,
        UserType: 'Standard',
      },
    ],
    Account: [
      {
        Id: acme,
        Name: 'Acme Corp',
        Website: 'https://acme.example',
        Industry: 'Manufacturing',
        NumberOfEmployees: 1200,
      },
      {
        Id: globex,
        Name: 'Globex',
        Website: 'globex.example',
        Industry: 'Energy',
        NumberOfEmployees: 300,
      },
    ],
    Contact: contacts,
    Opportunity: [
      opportunity(wonDeal, 'Acme platform rollout', acme, 'Closed Won'),
      opportunity(signedDeal, 'Globex pilot', globex, 'Signed'),
      opportunity(openDeal, 'Acme expansion', acme, 'Prospecting'),
    ],
    OpportunityContactRole: [
      role(1, wonDeal, contacts[0]!.Id, 'Economic Buyer'),
      role(2, wonDeal, contacts[1]!.Id, 'Executive Sponsor'),
      role(3, wonDeal, contacts[1]!.Id, 'Internal Champion'),
      role(4, wonDeal, contacts[2]!.Id, 'Technical Buyer'),
      role(5, signedDeal, contacts[3]!.Id, 'Decision Maker'),
    ],
  };
}
