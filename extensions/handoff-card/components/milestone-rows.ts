// The implementation plan's milestones as the card edits them, and their problems as they are
// typed. Pure, so the components only wire.
import type { HandoffDocument } from '../card-types';
import { dateProblem, fieldProblem, isTooLong, isUnparsableDate } from '../field-problem';

type Implementation = NonNullable<HandoffDocument['implementation']>;
export type Milestone = NonNullable<Implementation['milestones']>[number];

export interface MilestoneRow {
  /** Stable across edits and removals, for React's keys and the fields' names. */
  id: number;
  name: string;
  date: string;
}

export interface MilestoneProblems {
  name: string | null;
  date: string | null;
}

export function milestoneRowsOf(milestones: Implementation['milestones']): MilestoneRow[] {
  return (milestones ?? []).map((milestone, id) => ({
    id,
    name: milestone.name ?? '',
    date: milestone.date ?? '',
  }));
}

/** The rows as the document's milestones: blanks are null, as the backend stores them. */
export function toMilestones(rows: readonly MilestoneRow[]): Milestone[] {
  return rows.map((row) => ({ name: row.name.trim() || null, date: row.date.trim() || null }));
}

export function milestoneProblems(row: MilestoneRow): MilestoneProblems {
  return {
    // A milestone without a name marks nothing: the core would never count it.
    name:
      row.name.trim() === '' ? 'Name this milestone, or remove the row.' : fieldProblem(row.name),
    date:
      row.date.trim() === ''
        ? 'No date yet: the completeness score counts the milestone only once it has one.'
        : dateProblem(row.date, 'milestone date'),
  };
}

/** Whether a save must wait: no name, a date that does not parse, or a name too long. */
export function milestoneBlocksSave(row: MilestoneRow): boolean {
  const problems = milestoneProblems(row);
  return row.name.trim() === '' || isTooLong(problems.name) || isUnparsableDate(problems.date);
}
