// Default properties of the standard objects Baton touches: names, types, field types and
// options as HubSpot's portals have them (a subset of the ~400 a real portal has).
import type { PropertySpec } from './property-builder';

type Extra = Omit<Partial<PropertySpec>, 'name' | 'label' | 'type' | 'fieldType' | 'group'>;
type Row = [
  name: string,
  label: string,
  type: PropertySpec['type'],
  fieldType: string,
  extra?: Extra,
];

const inGroup = (group: string, rows: readonly Row[]): PropertySpec[] =>
  rows.map(([name, label, type, fieldType, extra]) => ({
    name,
    label,
    type,
    fieldType,
    group,
    ...extra,
  }));

/** HubSpot's industry values (a subset), as `industry` option values. */
export const INDUSTRIES: readonly string[] = `
  ACCOUNTING AUTOMOTIVE BANKING BIOTECHNOLOGY COMPUTER_NETWORK_SECURITY COMPUTER_SOFTWARE
  CONSTRUCTION CONSUMER_GOODS EDUCATION_MANAGEMENT ENTERTAINMENT FINANCIAL_SERVICES FOOD_BEVERAGES
  HOSPITAL_HEALTH_CARE HOSPITALITY INFORMATION_TECHNOLOGY_AND_SERVICES INSURANCE LEGAL_SERVICES
  LOGISTICS_AND_SUPPLY_CHAIN MACHINERY MANAGEMENT_CONSULTING MARKETING_AND_ADVERTISING
  MEDICAL_DEVICES PHARMACEUTICALS REAL_ESTATE RENEWABLES_ENVIRONMENT RETAIL TELECOMMUNICATIONS
  TRANSPORTATION_TRUCKING_RAILROAD UTILITIES`
  .trim()
  .split(/\s+/);

const LIFECYCLE_STAGES: Extra = {
  options: [
    ['subscriber', 'Subscriber'],
    ['lead', 'Lead'],
    ['marketingqualifiedlead', 'Marketing Qualified Lead'],
    ['salesqualifiedlead', 'Sales Qualified Lead'],
    ['opportunity', 'Opportunity'],
    ['customer', 'Customer'],
    ['evangelist', 'Evangelist'],
    ['other', 'Other'],
  ],
};
const TRUE_FALSE: Extra = {
  options: [
    ['true', 'True'],
    ['false', 'False'],
  ],
};
const OWNER: Row = [
  'hubspot_owner_id',
  'Owner',
  'enumeration',
  'select',
  { externalOptions: true },
];
const RECORD_ID: Row = ['hs_object_id', 'Record ID', 'number', 'number', { readOnly: true }];
const created = (name: string): Row => [name, 'Create Date', 'datetime', 'date'];
const modified = (name: string): Row => [
  name,
  'Last Modified Date',
  'datetime',
  'date',
  { readOnly: true },
];
const derived: Extra = { readOnly: true, calculated: true };

export const DEAL_PROPERTIES = inGroup('dealinformation', [
  ['dealname', 'Deal Name', 'string', 'text'],
  ['amount', 'Amount', 'number', 'number', { currency: true }],
  // The options of `pipeline` and `dealstage` are the pipelines' (see property-values.ts).
  ['pipeline', 'Pipeline', 'enumeration', 'select'],
  ['dealstage', 'Deal Stage', 'enumeration', 'radio'],
  ['closedate', 'Close Date', 'datetime', 'date'],
  OWNER,
  [
    'dealtype',
    'Deal Type',
    'enumeration',
    'radio',
    {
      options: [
        ['newbusiness', 'New Business'],
        ['existingbusiness', 'Existing Business'],
      ],
    },
  ],
  ['description', 'Deal Description', 'string', 'textarea'],
  [
    'hs_priority',
    'Priority',
    'enumeration',
    'select',
    {
      options: [
        ['low', 'Low'],
        ['medium', 'Medium'],
        ['high', 'High'],
      ],
    },
  ],
  ['hs_is_closed_won', 'Is Closed Won', 'bool', 'booleancheckbox', { ...derived, ...TRUE_FALSE }],
  ['hs_is_closed', 'Is Deal Closed?', 'bool', 'booleancheckbox', { ...derived, ...TRUE_FALSE }],
  ['hs_deal_stage_probability', 'Deal probability', 'number', 'number', derived],
  created('createdate'),
  modified('hs_lastmodifieddate'),
  RECORD_ID,
]);

export const CONTACT_PROPERTIES = inGroup('contactinformation', [
  ['firstname', 'First Name', 'string', 'text'],
  ['lastname', 'Last Name', 'string', 'text'],
  ['email', 'Email', 'string', 'text'],
  ['jobtitle', 'Job Title', 'string', 'text'],
  ['phone', 'Phone Number', 'string', 'phonenumber'],
  ['company', 'Company Name', 'string', 'text'],
  ['lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', LIFECYCLE_STAGES],
  OWNER,
  created('createdate'),
  // Contacts keep `lastmodifieddate` (their historical name) beside `hs_lastmodifieddate`.
  modified('lastmodifieddate'),
  modified('hs_lastmodifieddate'),
  RECORD_ID,
]);

export const COMPANY_PROPERTIES = inGroup('companyinformation', [
  ['name', 'Company name', 'string', 'text'],
  ['domain', 'Company Domain Name', 'string', 'text'],
  ['industry', 'Industry', 'enumeration', 'select', { options: INDUSTRIES }],
  ['numberofemployees', 'Number of Employees', 'number', 'number'],
  ['annualrevenue', 'Annual Revenue', 'number', 'number', { currency: true }],
  ['city', 'City', 'string', 'text'],
  ['country', 'Country/Region', 'string', 'text'],
  ['phone', 'Phone Number', 'string', 'phonenumber'],
  ['description', 'Description', 'string', 'textarea'],
  ['lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', LIFECYCLE_STAGES],
  OWNER,
  created('createdate'),
  modified('hs_lastmodifieddate'),
  RECORD_ID,
]);

export const TASK_PROPERTIES = inGroup('task', [
  ['hs_task_subject', 'Task Title', 'string', 'text'],
  ['hs_task_body', 'Task Notes', 'string', 'html'],
  ['hs_timestamp', 'Due date', 'datetime', 'date'],
  [
    'hs_task_status',
    'Task Status',
    'enumeration',
    'select',
    {
      options: [
        ['NOT_STARTED', 'Not Started'],
        ['IN_PROGRESS', 'In Progress'],
        ['WAITING', 'Waiting'],
        ['COMPLETED', 'Completed'],
        ['DEFERRED', 'Deferred'],
      ],
    },
  ],
  [
    'hs_task_priority',
    'Priority',
    'enumeration',
    'select',
    {
      options: [
        ['NONE', 'None'],
        ['LOW', 'Low'],
        ['MEDIUM', 'Medium'],
        ['HIGH', 'High'],
      ],
    },
  ],
  [
    'hs_task_type',
    'Task Type',
    'enumeration',
    'select',
    {
      options: [
        ['TODO', 'To-do'],
        ['EMAIL', 'Email'],
        ['CALL', 'Call'],
        ['LINKED_IN', 'LinkedIn'],
      ],
    },
  ],
  ['hs_task_completion_date', 'Completed at', 'datetime', 'date'],
  OWNER,
  created('hs_createdate'),
  modified('hs_lastmodifieddate'),
  RECORD_ID,
]);
