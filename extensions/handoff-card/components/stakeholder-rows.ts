// The stakeholder map's rows as the card edits them, their problems as they are typed, and the
// roles the core still finds unmapped. Pure, so the component only wires.
import {
  RELATIONSHIP_STRENGTHS,
  SENTIMENTS,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_ROLE_LABELS,
  type StakeholderRole,
} from '../../../src/core/document/vocabulary';
import type { HandoffDocument, HandoffView } from '../card-types';
import { fieldProblem, isTooLong } from '../field-problem';

export type Stakeholder = NonNullable<HandoffDocument['stakeholders']>[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type Relationship = (typeof RELATIONSHIP_STRENGTHS)[number];

export interface StakeholderRow {
  /** Stable across edits and removals, for React's keys and the fields' names. */
  id: number;
  /** The stakeholder as saved: its other fields (email, objectives, …) are kept as they were. */
  saved: Stakeholder | null;
  role: StakeholderRole;
  name: string;
  title: string;
  sentiment: Sentiment | '';
  relationship: Relationship | '';
}

export interface RowProblems {
  name: string | null;
  title: string | null;
}

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

export const ROLE_OPTIONS = STAKEHOLDER_ROLES.map((role) => ({
  label: STAKEHOLDER_ROLE_LABELS[role],
  value: role,
}));
export const SENTIMENT_OPTIONS = [
  { label: 'Not known', value: '' },
  ...SENTIMENTS.map((value) => ({ label: capitalised(value), value })),
];
export const RELATIONSHIP_OPTIONS = [
  { label: 'Not known', value: '' },
  ...RELATIONSHIP_STRENGTHS.map((value) => ({ label: capitalised(value), value })),
];

export function rowsOf(handoff: HandoffView): StakeholderRow[] {
  return (handoff.document.stakeholders ?? []).map((stakeholder, id) => ({
    id,
    saved: stakeholder,
    role: stakeholder.role,
    name: stakeholder.name ?? '',
    title: stakeholder.title ?? '',
    sentiment: stakeholder.sentiment ?? '',
    relationship: stakeholder.relationshipStrength ?? '',
  }));
}

export function newRow(id: number): StakeholderRow {
  return {
    id,
    saved: null,
    role: 'other',
    name: '',
    title: '',
    sentiment: '',
    relationship: '',
  };
}

/** The rows as the document's stakeholders: blanks are null, as the backend stores them. */
export function toStakeholders(rows: readonly StakeholderRow[]): Stakeholder[] {
  return rows.map((row) => ({
    ...row.saved,
    role: row.role,
    name: row.name.trim() || null,
    title: row.title.trim() || null,
    sentiment: row.sentiment || null,
    relationshipStrength: row.relationship || null,
  }));
}

export function rowProblems(row: StakeholderRow): RowProblems {
  return {
    // A row without a name maps nobody: the core would never count it for its role.
    name:
      row.name.trim() === '' ? 'Name this stakeholder, or remove the row.' : fieldProblem(row.name),
    title: fieldProblem(row.title),
  };
}

/** Whether a save must wait: a row without a name, or text too long to store. */
export function blocksSave(row: StakeholderRow): boolean {
  const problems = rowProblems(row);
  return row.name.trim() === '' || isTooLong(problems.name) || isTooLong(problems.title);
}

const ROLE_PATH = /^stakeholders\.(.+)$/;

function isRole(value: string): value is StakeholderRole {
  return (STAKEHOLDER_ROLES as readonly string[]).includes(value);
}

/**
 * The roles the template requires that no saved stakeholder covers with a name and title, in
 * the core's words: the card's gaps are exactly the completeness score's missing items.
 */
export function roleGaps(handoff: HandoffView): { path: string; text: string }[] {
  return handoff.completeness.missing
    .filter((item) => item.category === 'stakeholders')
    .map((item) => {
      const role = ROLE_PATH.exec(item.path)?.[1];
      const text =
        role && isRole(role)
          ? `No ${STAKEHOLDER_ROLE_LABELS[role].toLowerCase()} mapped: add one with a name and title.`
          : item.label;
      return { path: item.path, text };
    });
}
