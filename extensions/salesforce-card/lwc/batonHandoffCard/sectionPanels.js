// What each editable section of the card shows (lwc/batonTextSection, lwc/batonListSection):
// the saved values, or the form being edited with each error beside its field; whether the
// user may open it, and whether Save may go. The gaps a list shows are the core's missing
// items, from the scores of what is typed while it is edited. The sections come in the
// document's order, the implementation plan's milestones a list right after the plan's fields.
import { STAKEHOLDER_ROLE_LABELS, STAKEHOLDER_ROLES, describeFieldError } from 'c/batonCore';
import {
  COMMITMENTS,
  LIST_PATHS,
  MILESTONES,
  ROW_FIELDS,
  STAKEHOLDERS,
  TEXT_SECTIONS,
  listOf,
} from './sectionForms';

const STAKEHOLDER_COLUMNS = [
  { label: 'Role', fieldName: 'role' },
  { label: 'Name', fieldName: 'name' },
  { label: 'Title', fieldName: 'title' },
  { label: 'Email', fieldName: 'email', type: 'email' },
  { label: 'Sentiment', fieldName: 'sentiment' },
  { label: 'Relationship', fieldName: 'relationship' },
];

const COMMITMENT_COLUMNS = [
  { label: 'Type', fieldName: 'type' },
  { label: 'Description', fieldName: 'description', wrapText: true },
  { label: 'Owner', fieldName: 'owner' },
  { label: 'Due', fieldName: 'dueDate' },
  { label: 'In contract', fieldName: 'inContract' },
  { label: 'Status', fieldName: 'status' },
];

const MILESTONE_COLUMNS = [
  { label: 'Milestone', fieldName: 'name', wrapText: true },
  { label: 'Date', fieldName: 'date' },
];

const LISTS = {
  [STAKEHOLDERS]: {
    title: 'Stakeholder map',
    noun: 'Stakeholder',
    addLabel: 'Add a stakeholder',
    empty: 'No stakeholders mapped yet.',
    gapsTitle: 'Roles not covered',
    columns: STAKEHOLDER_COLUMNS,
  },
  [COMMITMENTS]: {
    title: 'Commitment log',
    noun: 'Commitment',
    addLabel: 'Add a commitment',
    empty: 'No commitments logged yet.',
    gapsTitle: 'Commitments missing',
    columns: COMMITMENT_COLUMNS,
  },
  [MILESTONES]: {
    title: 'Milestones',
    noun: 'Milestone',
    addLabel: 'Add a milestone',
    empty: 'No milestones planned yet.',
    gapsTitle: 'Milestones missing',
    columns: MILESTONE_COLUMNS,
  },
};

/** The missing items a list shows above it: its category's, or, for the milestones, theirs. */
const GAPS_OF = {
  [STAKEHOLDERS]: (item) => item.category === STAKEHOLDERS,
  [COMMITMENTS]: (item) => item.category === COMMITMENTS,
  [MILESTONES]: (item) => item.path === LIST_PATHS[MILESTONES],
};

const ROLE_PATH = /^stakeholders\.(.+)$/;

/** A gap in words the AE can act on: "No executive sponsor mapped: …" for a role. */
function gapText(item) {
  const role = ROLE_PATH.exec(item.path)?.[1];
  if (!STAKEHOLDER_ROLES.includes(role)) return item.label;
  return `No ${STAKEHOLDER_ROLE_LABELS[role].toLowerCase()} mapped: add one with a name and title.`;
}

function gapsOf(missing, section) {
  return missing.filter(GAPS_OF[section]).map((item) => ({ path: item.path, text: gapText(item) }));
}

function errorsByPath(errors) {
  return new Map(errors.map((error) => [error.path, error.message]));
}

/** What every section shares: may it be opened, is it open, may its edit be saved. */
function frame(key, { edit, review, editable, locked }) {
  const editing = edit?.section === key;
  const errors = editing ? review.errors : [];
  return {
    key,
    editable,
    editing,
    editDisabled: locked || (edit !== null && !editing),
    saveDisabled: !editing || locked || !review.changed || errors.length > 0,
    problem:
      errors.length > 0 ? `Fix before saving: ${errors.map(describeFieldError).join('; ')}` : null,
  };
}

const shown = (value) => (typeof value === 'string' && value.trim() !== '' ? value : '—');

/** A saved value as the section shows it: an amount as its number, a choice by its label. */
function shownValue(field, value) {
  if (typeof value === 'number') return String(value);
  if (field.options)
    return field.options.find((o) => o.value !== '' && o.value === value)?.label ?? '—';
  return shown(value);
}

function textPanel(section, document, state) {
  const base = frame(section.key, state);
  const errors = errorsByPath(base.editing ? state.review.errors : []);
  const saved = document[section.key] ?? {};
  const missing = new Set(state.missing.map((item) => item.path));
  return {
    ...base,
    title: section.title,
    fields: section.fields.map((field) => {
      const { name, label, kind } = field;
      const path = `${section.key}.${name}`;
      const error = errors.get(path);
      return {
        name,
        label,
        options: field.options,
        // Dates and the amount are one line; free text gets a text area.
        line: kind === 'date' || kind === 'amount',
        placeholder: kind === 'date' ? 'YYYY-MM-DD' : '',
        value: base.editing ? state.edit.form.values[name] : shownValue(field, saved[name]),
        missing: missing.has(path),
        error: error ? `${label}: ${error}` : null,
      };
    }),
  };
}

function formRows(section, state) {
  const errors = errorsByPath(state.review.errors);
  return state.edit.form.rows.map((row, index) => ({
    key: row.key,
    label: `${LISTS[section].noun} ${index + 1}`,
    fields: ROW_FIELDS[section].map((field) => {
      const error = errors.get(`${LIST_PATHS[section]}[${index}].${field.name}`);
      return {
        name: field.name,
        label: field.label,
        value: row.values[field.name],
        type: field.type ?? 'text',
        placeholder: field.placeholder ?? '',
        options: field.options ?? null,
        error: error ? `${field.label}: ${error}` : null,
      };
    }),
  }));
}

const milestoneRows = (document) =>
  (listOf(document, MILESTONES) ?? []).map((milestone, index) => ({
    key: `m${index + 1}`,
    name: shown(milestone.name),
    date: shown(milestone.date),
  }));

function listPanel(section, rows, state) {
  const base = frame(section, state);
  const list = LISTS[section];
  return {
    ...base,
    title: list.title,
    addLabel: list.addLabel,
    empty: list.empty,
    gapsTitle: list.gapsTitle,
    columns: list.columns,
    rows,
    gaps: gapsOf(state.missing, section),
    form: base.editing ? formRows(section, state) : [],
  };
}

/**
 * The sections in the document's order, each `{ list, … }`: a list for batonListSection, else a
 * text section for batonTextSection.
 * @param document the saved document
 * @param view the card's view of it (handoffView.js): the saved rows the lists show
 * @param state `{ edit, review, missing, editable, locked }`: the open edit (documentEdits.js)
 *   and its review, or nulls; the missing items of the scores on show; whether the user may edit;
 *   whether a save or a conflict holds every section
 */
export function sectionPanels(document, view, state) {
  const [customerContext, objectives, technical, implementation, commercial, risks] =
    TEXT_SECTIONS.map((section) => ({ list: false, ...textPanel(section, document, state) }));
  return [
    customerContext,
    { list: true, ...listPanel(STAKEHOLDERS, view.stakeholders, state) },
    objectives,
    { list: true, ...listPanel(COMMITMENTS, view.commitments, state) },
    technical,
    implementation,
    { list: true, ...listPanel(MILESTONES, milestoneRows(document), state) },
    commercial,
    risks,
  ];
}
