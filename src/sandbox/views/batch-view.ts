// The envelope of every batch answer (`BatchResponse...`): `status: COMPLETE`, the results, the
// times; and, when some inputs failed, `errors` and `numErrors` with a 207 (`...WithErrors`).
import type { BatchItemError } from '../errors';

export interface BatchJson<T> {
  status: 'COMPLETE';
  results: T[];
  errors?: BatchItemError[];
  numErrors?: number;
  startedAt: string;
  completedAt: string;
}

export function batchJson<T>(
  results: T[],
  errors: BatchItemError[],
  startedAt: string,
  completedAt: string,
): BatchJson<T> {
  return errors.length === 0
    ? { status: 'COMPLETE', results, startedAt, completedAt }
    : { status: 'COMPLETE', results, numErrors: errors.length, errors, startedAt, completedAt };
}

/** 207 when any input failed, the endpoint's own success code otherwise. */
export const batchStatus = <S extends 200 | 201>(errors: readonly unknown[], ok: S): S | 207 =>
  errors.length > 0 ? 207 : ok;
