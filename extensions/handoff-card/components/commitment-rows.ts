// The commitment log's rows as the card edits them, their problems as they are typed, and what
// the core still finds missing. Pure, so the component only wires.
import {
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  type CommitmentStatus,
} from '../../../src/core/document/vocabulary';
import type { HandoffDocument, HandoffView } from '../card-types';
import { dateProblem, fieldProblem, isTooLong, isUnparsableDate } from '../field-problem';

export type Commitment = NonNullable<HandoffDocument['commitments']>[number];
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];
/** `inContract` as a Select holds it: the schema's boolean, or '' while nobody knows. */
export type Source = 'in_contract' | 'outside_contract' | '';

export interface CommitmentRow {
  /** Stable across edits and removals, for React's keys and the fields' names. */
  id: number;
  /** The commitment as saved: its id (assigned by the backend) is kept as it was. */
  saved: Commitment | null;
  type: CommitmentType | '';
  description: string;
  owner: string;
  dueDate: string;
  source: Source;
  status: CommitmentStatus | '';
}

export interface CommitmentProblems {
  description: string | null;
  owner: string | null;
  dueDate: string | null;
}

const words = (value: string) => {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

export const TYPE_OPTIONS = [
  { label: 'Not set', value: '' },
  ...COMMITMENT_TYPES.map((value) => ({ label: words(value), value })),
];
export const STATUS_OPTIONS = [
  { label: 'Not set', value: '' },
  ...COMMITMENT_STATUSES.map((value) => ({ label: words(value), value })),
];
export const SOURCE_OPTIONS: { label: string; value: Source }[] = [
  { label: 'Not known', value: '' },
  { label: 'In the contract', value: 'in_contract' },
  { label: 'Not in the contract (verbal)', value: 'outside_contract' },
];

function sourceOf(inContract: boolean | null | undefined): Source {
  if (inContract === true) return 'in_contract';
  if (inContract === false) return 'outside_contract';
  return '';
}

export function rowsOf(handoff: HandoffView): CommitmentRow[] {
  return (handoff.document.commitments ?? []).map((commitment, id) => ({
    id,
    saved: commitment,
    type: commitment.type ?? '',
    description: commitment.description ?? '',
    owner: commitment.owner ?? '',
    dueDate: commitment.dueDate ?? '',
    source: sourceOf(commitment.inContract),
    status: commitment.status ?? '',
  }));
}

export function newRow(id: number): CommitmentRow {
  return {
    id,
    saved: null,
    type: '',
    description: '',
    owner: '',
    dueDate: '',
    source: '',
    status: 'open',
  };
}

/** The rows as the document's commitments: blanks are null, as the backend stores them. */
export function toCommitments(rows: readonly CommitmentRow[]): Commitment[] {
  return rows.map((row) => ({
    ...row.saved,
    type: row.type || null,
    description: row.description.trim() || null,
    owner: row.owner.trim() || null,
    dueDate: row.dueDate.trim() || null,
    inContract: row.source === '' ? null : row.source === 'in_contract',
    status: row.status || null,
  }));
}

const MISSING_FOR_SCORE = 'the completeness score counts it as missing until it is filled in.';

function dueDateProblem(value: string): string | null {
  return value.trim() === ''
    ? `No due date yet: ${MISSING_FOR_SCORE}`
    : dateProblem(value, 'due date');
}

export function rowProblems(row: CommitmentRow): CommitmentProblems {
  return {
    // A row without a description commits to nothing: the core would never count it.
    description:
      row.description.trim() === ''
        ? 'Describe this commitment, or remove the row.'
        : fieldProblem(row.description),
    owner: row.owner.trim() === '' ? `No owner yet: ${MISSING_FOR_SCORE}` : fieldProblem(row.owner),
    dueDate: dueDateProblem(row.dueDate),
  };
}

/** Whether a save must wait: no description, a due date that does not parse, or text too long. */
export function blocksSave(row: CommitmentRow): boolean {
  const problems = rowProblems(row);
  return (
    row.description.trim() === '' ||
    isTooLong(problems.description) ||
    isTooLong(problems.owner) ||
    isUnparsableDate(problems.dueDate)
  );
}

/** The completeness score's missing commitment items, in the core's words: nothing of our own. */
export function commitmentGaps(handoff: HandoffView): { path: string; text: string }[] {
  return handoff.completeness.missing
    .filter((item) => item.category === 'commitments')
    .map((item) => ({ path: item.path, text: item.label }));
}
