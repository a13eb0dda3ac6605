// The handoff document's sections the card edits, as its forms hold them and back: the sections
// of fields (every field the schema gives them, labelled as the core labels the item: free text,
// dates, the contract value, the churn risk rating), the stakeholder map, the commitment log and
// the implementation plan's milestones as rows. Form values are strings while typed; a section
// goes back into the document trimmed and blank as null, as the HubSpot card saves it, and a typed
// amount as a number when it reads as one (else as typed, for the schema to name). Field names are
// the document's, so a schema error's path (`stakeholders[1].email`,
// `implementation.milestones[0].date`) names the row and the field it belongs to.
import {
  CHURN_RISKS,
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  HANDOFF_ITEMS,
  RELATIONSHIP_STRENGTHS,
  SENTIMENTS,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_ROLE_LABELS,
} from 'c/batonCore';

export const STAKEHOLDERS = 'stakeholders';
export const COMMITMENTS = 'commitments';
export const MILESTONES = 'milestones';

/** Where a list's rows live in the document: its own key, but the milestones are the plan's. */
export const LIST_PATHS = {
  [STAKEHOLDERS]: STAKEHOLDERS,
  [COMMITMENTS]: COMMITMENTS,
  [MILESTONES]: 'implementation.milestones',
};

const itemLabel = (section, field) => HANDOFF_ITEMS.get(`${section}.${field}`)?.label ?? field;

const words = (value) => {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

const optionsOf = (values, label = words) =>
  values.map((value) => ({ label: label(value), value }));
/** A field of a section: free text unless `kind` says a date, an amount or a choice. */
const field = (name, kind = 'text', options = null) => ({ name, kind, options });
const DATE = (name) => field(name, 'date');

function textSection(key, title, fields) {
  return {
    key,
    title,
    fields: fields.map((f) => {
      const spec = typeof f === 'string' ? field(f) : f;
      return { ...spec, label: itemLabel(key, spec.name) };
    }),
  };
}

/** The sections of fields, in the document's order, with the fields the HubSpot card edits. */
export const TEXT_SECTIONS = [
  textSection('customerContext', 'Customer context', [
    'companyOverview',
    'industry',
    'size',
    'businessChallenge',
    'purchaseContext',
    'whyUs',
    'whyNow',
    'alternativesEvaluated',
  ]),
  textSection('objectives', 'Objectives', [
    'primaryObjective',
    'successCriteria',
    'roiExpectation',
    'personalWins',
  ]),
  textSection('technical', 'Technical', [
    'environment',
    'integrations',
    'dataMigration',
    'securityCompliance',
    'validationStatus',
  ]),
  textSection('implementation', 'Implementation plan', [
    DATE('startDate'),
    DATE('goLiveDate'),
    'customerResources',
    'dependencies',
    'timelineRisks',
  ]),
  textSection('commercial', 'Commercial terms', [
    field('contractValue', 'amount'),
    'discount',
    'paymentTerms',
    'specialTerms',
  ]),
  textSection('risks', 'Risk register', [
    field('churnRisk', 'choice', [{ label: 'Not rated', value: '' }, ...optionsOf(CHURN_RISKS)]),
    'objections',
    'howHandled',
    'remainingConcerns',
    'churnIndicators',
  ]),
];

const notKnown = (values) => [{ label: 'Not known', value: '' }, ...optionsOf(values)];

/** `inContract` as a combobox holds it: the schema's boolean, or '' while nobody knows. */
const IN_CONTRACT = { in_contract: true, outside_contract: false };

/** Each row's fields, in the order the form shows them; `options` makes a field a choice. */
export const ROW_FIELDS = {
  [STAKEHOLDERS]: [
    {
      name: 'role',
      label: 'Role',
      options: optionsOf(STAKEHOLDER_ROLES, (role) => STAKEHOLDER_ROLE_LABELS[role]),
    },
    { name: 'name', label: 'Name' },
    { name: 'title', label: 'Title' },
    { name: 'email', label: 'Email' },
    { name: 'sentiment', label: 'Sentiment', options: notKnown(SENTIMENTS) },
    {
      name: 'relationshipStrength',
      label: 'Relationship',
      options: notKnown(RELATIONSHIP_STRENGTHS),
    },
  ],
  [COMMITMENTS]: [
    { name: 'type', label: 'Type', options: notKnown(COMMITMENT_TYPES) },
    { name: 'description', label: 'Description' },
    { name: 'owner', label: 'Owner' },
    { name: 'dueDate', label: 'Due date', placeholder: 'YYYY-MM-DD' },
    {
      name: 'inContract',
      label: 'In contract',
      options: [
        { label: 'Not known', value: '' },
        { label: 'In the contract', value: 'in_contract' },
        { label: 'Not in the contract (verbal)', value: 'outside_contract' },
      ],
    },
    { name: 'status', label: 'Status', options: notKnown(COMMITMENT_STATUSES) },
  ],
  [MILESTONES]: [
    { name: 'name', label: 'Milestone' },
    { name: 'date', label: 'Date', placeholder: 'YYYY-MM-DD' },
  ],
};

const BLANK_ROW = {
  [STAKEHOLDERS]: { role: 'other', sentiment: '', relationshipStrength: '' },
  [COMMITMENTS]: { type: '', inContract: '', status: 'open' },
  [MILESTONES]: {},
};

const typed = (value) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const trimmed = (value) => value.trim() || null;

const AMOUNT = /^-?\d+(?:\.\d+)?$/;

/**
 * A typed amount: null while blank, a number when it reads as one (thousands separators and
 * spaces as people type them: "120,000", "120 000"), else the text, for the schema to refuse.
 */
function amountOf(text) {
  const compact = text.replace(/[\s,]/g, '');
  if (compact === '') return null;
  return AMOUNT.test(compact) ? Number(compact) : text.trim();
}

const FROM_FORM = {
  text: trimmed,
  date: trimmed,
  amount: amountOf,
  choice: (value) => value || null,
};

function inContractValue(inContract) {
  if (inContract === true) return 'in_contract';
  if (inContract === false) return 'outside_contract';
  return '';
}

function rowValues(section, item) {
  const values = {};
  for (const field of ROW_FIELDS[section]) values[field.name] = typed(item?.[field.name]);
  if (section === COMMITMENTS) values.inContract = inContractValue(item?.inContract);
  return values;
}

export function isTextSection(section) {
  return TEXT_SECTIONS.some((text) => text.key === section);
}

export function textSectionOf(section) {
  return TEXT_SECTIONS.find((text) => text.key === section);
}

/**
 * The form for one section of `document`: `{ values }` for a text section; `{ rows, nextKey }`
 * for a list, each row `{ key, saved, values }`, where `saved` keeps what the form does not edit
 * (a commitment's id, a stakeholder's objectives) and the key is the card's own.
 */
export function formOf(document, section) {
  if (isTextSection(section)) {
    const saved = document[section] ?? {};
    const values = {};
    for (const field of textSectionOf(section).fields)
      values[field.name] = typed(saved[field.name]);
    return { values };
  }
  const items = listOf(document, section) ?? [];
  return {
    rows: items.map((item, index) => ({
      key: `row-${index}`,
      saved: item,
      values: rowValues(section, item),
    })),
    nextKey: items.length,
  };
}

/** A list's rows as `document` holds them (undefined or null when it has none). */
export function listOf(document, section) {
  return section === MILESTONES ? document.implementation?.milestones : document[section];
}

export function blankRow(section, key) {
  return { key, saved: null, values: { ...rowValues(section, null), ...BLANK_ROW[section] } };
}

function stakeholderOf({ saved, values }) {
  return {
    ...saved,
    role: values.role,
    name: trimmed(values.name),
    title: trimmed(values.title),
    email: trimmed(values.email),
    sentiment: values.sentiment || null,
    relationshipStrength: values.relationshipStrength || null,
  };
}

function commitmentOf({ saved, values }) {
  return {
    ...saved,
    type: values.type || null,
    description: trimmed(values.description),
    owner: trimmed(values.owner),
    dueDate: trimmed(values.dueDate),
    inContract: values.inContract in IN_CONTRACT ? IN_CONTRACT[values.inContract] : null,
    status: values.status || null,
  };
}

function milestoneOf({ saved, values }) {
  return { ...saved, name: trimmed(values.name), date: trimmed(values.date) };
}

/** The section as the document stores it, from its form (a list: its items). */
export function sectionOf(section, form) {
  if (section === STAKEHOLDERS) return form.rows.map(stakeholderOf);
  if (section === COMMITMENTS) return form.rows.map(commitmentOf);
  if (section === MILESTONES) return form.rows.map(milestoneOf);
  const value = {};
  for (const { name, kind } of textSectionOf(section).fields)
    value[name] = FROM_FORM[kind](form.values[name]);
  return value;
}
