// The completeness score's missing items for one section, in the core's words: the card adds no
// rule of its own, so what a section flags is exactly what keeps the score down.
import { HANDOFF_ITEMS, type ItemCategory } from '../../../src/core/items/handoff-items';
import type { HandoffView } from '../card-types';

export interface SectionGap {
  path: string;
  text: string;
}

export function sectionGaps(handoff: HandoffView, category: ItemCategory): SectionGap[] {
  return handoff.completeness.missing
    .filter((item) => item.category === category)
    .map((item) => ({ path: item.path, text: item.label }));
}

/** The paths still missing, so a field can be marked required. */
export function missingPaths(handoff: HandoffView): Set<string> {
  return new Set(handoff.completeness.missing.map((item) => item.path));
}

/** A field's label, as the core words the item (`objectives.roiExpectation` → "ROI expectation"). */
export function itemLabel(section: string, field: string): string {
  return HANDOFF_ITEMS.get(`${section}.${field}`)?.label ?? field;
}
