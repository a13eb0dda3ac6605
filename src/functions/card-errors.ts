// Failures the card API answers with a status and words for the person at the card.
import type { RefusalCode } from '../core';

export type CardErrorCode =
  'not_found' | 'forbidden' | 'conflict' | 'invalid_state' | 'incomplete' | 'invalid_input';

const STATUS: Record<CardErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid_state: 409,
  incomplete: 422,
  invalid_input: 400,
};

export class CardError extends Error {
  readonly status: number;

  constructor(
    readonly code: CardErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function fromRefusal(code: RefusalCode, reason: string): CardError {
  return new CardError(code, reason);
}
