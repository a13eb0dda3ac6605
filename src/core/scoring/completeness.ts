// Completeness (PROTOCOL.md section 3): the share of the template's required items that are
// filled, and the list of what is missing so the card can say exactly what to fill in.
import type { HandoffDocument } from '../document/handoff-document.schema';
import { type ItemCategory, itemAt } from '../items/handoff-items';
import type { HandoffTemplate } from '../policy/policy.schema';

export interface MissingItem {
  path: string;
  label: string;
  category: ItemCategory;
}

export interface Completeness {
  /** 0-100, rounded half up. */
  score: number;
  filled: number;
  required: number;
  missing: MissingItem[];
}

/** Percent rounded half up; 100 when nothing is required. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((100 * part) / whole);
}

export function scoreCompleteness(doc: HandoffDocument, template: HandoffTemplate): Completeness {
  const missing: MissingItem[] = [];
  for (const path of template.requiredItems) {
    const item = itemAt(path);
    if (!item.isFilled(doc))
      missing.push({ path: item.path, label: item.label, category: item.category });
  }
  const required = template.requiredItems.length;
  const filled = required - missing.length;
  return { score: percent(filled, required), filled, required, missing };
}
