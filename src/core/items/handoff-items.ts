// Every item a template can require, with the words the card shows when it is missing.
// PROTOCOL.md section 3 requires 25 of them by default; CS ops may require others per type.
import type { HandoffDocument, Stakeholder } from '../document/handoff-document.schema';
import { isFilledDate, isFilledNumber, isFilledText } from '../document/filled';
import {
  STAKEHOLDER_ROLES,
  STAKEHOLDER_ROLE_LABELS,
  type StakeholderRole,
} from '../document/vocabulary';

export const ITEM_CATEGORIES = [
  'deal',
  'customer_context',
  'stakeholders',
  'objectives',
  'commitments',
  'technical',
  'implementation',
  'commercial',
  'risks',
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ItemCategory, string> = {
  deal: 'Deal',
  customer_context: 'Customer context',
  stakeholders: 'Stakeholder map',
  objectives: 'Objectives',
  commitments: 'Commitment log',
  technical: 'Technical',
  implementation: 'Implementation plan',
  commercial: 'Commercial terms',
  risks: 'Risk register',
};

export interface HandoffItem {
  /** Where the card points the user, e.g. `objectives.roiExpectation` or `stakeholders.champion`. */
  path: string;
  label: string;
  category: ItemCategory;
  isFilled: (doc: HandoffDocument) => boolean;
}

type Section =
  'customerContext' | 'objectives' | 'technical' | 'implementation' | 'commercial' | 'risks';

function textItem<S extends Section>(
  category: ItemCategory,
  section: S,
  field: string,
  label: string,
): HandoffItem {
  return {
    path: `${section}.${field}`,
    label,
    category,
    isFilled: (doc) => {
      const value = (doc[section] as Record<string, unknown> | null | undefined)?.[field];
      if (typeof value === 'number') return isFilledNumber(value);
      return typeof value === 'string' && isFilledText(value);
    },
  };
}

function isMappedStakeholder(stakeholder: Stakeholder, role: StakeholderRole): boolean {
  return (
    stakeholder.role === role && isFilledText(stakeholder.name) && isFilledText(stakeholder.title)
  );
}

function stakeholderItem(role: StakeholderRole): HandoffItem {
  return {
    path: `stakeholders.${role}`,
    label: `${STAKEHOLDER_ROLE_LABELS[role]}: name and title`,
    category: 'stakeholders',
    isFilled: (doc) => (doc.stakeholders ?? []).some((s) => isMappedStakeholder(s, role)),
  };
}

const ITEMS: readonly HandoffItem[] = [
  {
    path: 'deal.name',
    label: 'Deal name',
    category: 'deal',
    isFilled: (d) => isFilledText(d.deal.name),
  },
  {
    path: 'deal.amount',
    label: 'Deal amount',
    category: 'deal',
    isFilled: (d) => isFilledNumber(d.deal.amount),
  },
  {
    path: 'deal.closedWonAt',
    label: 'Signed contract (deal closed-won)',
    category: 'deal',
    isFilled: (d) => isFilledText(d.deal.closedWonAt),
  },
  {
    path: 'deal.ownerId',
    label: 'Deal owner',
    category: 'deal',
    isFilled: (d) => isFilledText(d.deal.ownerId),
  },

  textItem('customer_context', 'customerContext', 'companyOverview', 'Company overview'),
  textItem('customer_context', 'customerContext', 'industry', 'Industry'),
  textItem('customer_context', 'customerContext', 'size', 'Company size'),
  textItem('customer_context', 'customerContext', 'businessChallenge', 'Business challenge'),
  textItem('customer_context', 'customerContext', 'purchaseContext', 'Purchase context'),
  textItem('customer_context', 'customerContext', 'whyUs', 'Why they chose us'),
  textItem('customer_context', 'customerContext', 'whyNow', 'Why now'),
  textItem(
    'customer_context',
    'customerContext',
    'alternativesEvaluated',
    'Alternatives evaluated',
  ),

  ...STAKEHOLDER_ROLES.map(stakeholderItem),

  textItem('objectives', 'objectives', 'primaryObjective', 'Primary objective'),
  textItem('objectives', 'objectives', 'successCriteria', 'Success criteria'),
  textItem('objectives', 'objectives', 'roiExpectation', 'ROI expectation'),
  textItem('objectives', 'objectives', 'personalWins', 'Personal wins for the champion'),

  {
    path: 'commitments.described',
    label: 'At least one commitment with a description',
    category: 'commitments',
    isFilled: (d) => (d.commitments ?? []).some((c) => isFilledText(c.description)),
  },
  {
    path: 'commitments.ownersAndDueDates',
    label: 'Every commitment has an owner and a due date',
    category: 'commitments',
    isFilled: (d) => {
      const commitments = d.commitments ?? [];
      return (
        commitments.length > 0 &&
        commitments.every((c) => isFilledText(c.owner) && isFilledDate(c.dueDate))
      );
    },
  },

  textItem('technical', 'technical', 'environment', 'Technical environment'),
  textItem('technical', 'technical', 'integrations', 'Integrations'),
  textItem('technical', 'technical', 'dataMigration', 'Data migration'),
  textItem('technical', 'technical', 'securityCompliance', 'Security and compliance'),
  textItem('technical', 'technical', 'validationStatus', 'Technical validation (POC) status'),

  textItem('implementation', 'implementation', 'startDate', 'Implementation start date'),
  textItem('implementation', 'implementation', 'goLiveDate', 'Go-live date'),
  {
    path: 'implementation.milestones',
    label: 'At least one milestone with a name and date',
    category: 'implementation',
    isFilled: (d) =>
      (d.implementation?.milestones ?? []).some(
        (m) => isFilledText(m.name) && isFilledDate(m.date),
      ),
  },
  textItem('implementation', 'implementation', 'customerResources', 'Customer resources'),
  textItem('implementation', 'implementation', 'dependencies', 'Dependencies'),
  textItem('implementation', 'implementation', 'timelineRisks', 'Timeline risks'),

  textItem('commercial', 'commercial', 'contractValue', 'Contract value'),
  textItem('commercial', 'commercial', 'discount', 'Discount'),
  textItem('commercial', 'commercial', 'paymentTerms', 'Payment terms'),
  textItem('commercial', 'commercial', 'specialTerms', 'Special terms'),

  textItem('risks', 'risks', 'objections', 'Objections raised'),
  textItem('risks', 'risks', 'howHandled', 'How objections were handled'),
  textItem('risks', 'risks', 'remainingConcerns', 'Remaining concerns'),
  textItem('risks', 'risks', 'churnIndicators', 'Churn indicators'),
  textItem('risks', 'risks', 'churnRisk', 'Churn risk rating'),
];

export const HANDOFF_ITEMS: ReadonlyMap<string, HandoffItem> = new Map(
  ITEMS.map((item) => [item.path, item]),
);
export const ITEM_PATHS = ITEMS.map((item) => item.path);

export function itemAt(path: string): HandoffItem {
  const item = HANDOFF_ITEMS.get(path);
  if (item === undefined) throw new Error(`unknown handoff item: ${path}`);
  return item;
}

/** The 25 items PROTOCOL.md section 3 requires for `sales_to_cs`. */
export const PROTOCOL_REQUIRED_ITEMS = [
  'customerContext.companyOverview',
  'customerContext.industry',
  'customerContext.businessChallenge',
  'customerContext.purchaseContext',
  'customerContext.whyNow',
  'stakeholders.executive_sponsor',
  'stakeholders.champion',
  'stakeholders.economic_buyer',
  'stakeholders.technical_lead',
  'objectives.primaryObjective',
  'objectives.successCriteria',
  'objectives.roiExpectation',
  'commitments.described',
  'commitments.ownersAndDueDates',
  'technical.environment',
  'technical.integrations',
  'technical.securityCompliance',
  'implementation.startDate',
  'implementation.goLiveDate',
  'implementation.customerResources',
  'commercial.contractValue',
  'commercial.paymentTerms',
  'risks.objections',
  'risks.remainingConcerns',
  'risks.churnRisk',
] as const;
