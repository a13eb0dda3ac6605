// Time for the sandbox, behind an interface so tests can pin it: record stamps, the rate
// limiter's windows and the seed's dates all read this clock, never `Date.now()` directly.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const toIso = (ms: number): string => new Date(ms).toISOString();
