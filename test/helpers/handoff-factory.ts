// Factories for handoff documents in tests: start from an example and override what the test is
// about, so each test says only what matters to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type HandoffDocumentInput,
  type Policy,
  handoffDocumentSchema,
  resolvePolicy,
} from '../../src/core';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
export const EXAMPLE_NAMES = ['complete', 'thin', 'strategic', 'late'] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

/** The instant the examples are read at, unless a test pins another. */
export const NOW = Date.parse('2026-11-23T12:00:00Z');

export function exampleJson(name: ExampleName): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8'));
}

export function example(name: ExampleName): HandoffDocument {
  return handoffDocumentSchema.parse(exampleJson(name));
}

/** A valid document: the minimal one (type and deal id) plus the overrides, validated. */
export function handoff(overrides: Partial<HandoffDocumentInput> = {}): HandoffDocument {
  return handoffDocumentSchema.parse({
    handoffType: 'sales_to_cs',
    ...overrides,
    deal: { id: 'deal-1', closedWonAt: '2026-11-02T10:00:00Z', ownerId: 'ae-1', ...overrides.deal },
  });
}

/** The complete example with some parts replaced. */
export function completeHandoff(overrides: Partial<HandoffDocumentInput> = {}): HandoffDocument {
  const base = exampleJson('complete') as HandoffDocumentInput;
  return handoffDocumentSchema.parse({
    ...base,
    ...overrides,
    deal: { ...base.deal, ...overrides.deal },
  });
}

export function policyWith(override: unknown): Policy {
  const result = resolvePolicy(override);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

export { DEFAULT_POLICY };
