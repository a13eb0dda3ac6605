// A new handoff, pre-filled from what the CRM already knows (PROTOCOL section 7, step 1): the
// deal, the company, contacts with their roles, the amount, the close date and the owner.
import type { HandoffDocument, HandoffType, Stakeholder } from '../core';
import type { DealContext } from './crm-adapter';

export interface PrefillOptions {
  /** When the deal became closed-won (the event's time); defaults to the CRM's close date. */
  closedWonAt?: string | null;
  handoffType?: HandoffType;
}

function sizeOf(employees: number | null): string | null {
  if (employees === null) return null;
  return `${employees.toLocaleString('en-US')} employees`;
}

export function handoffTypeFor(context: DealContext): HandoffType {
  return context.deal.isPoc ? 'poc_to_paid' : 'sales_to_cs';
}

export function prefillHandoff(
  context: DealContext,
  options: PrefillOptions = {},
): HandoffDocument {
  const { deal, company, contacts } = context;
  const stakeholders: Stakeholder[] = [];
  for (const contact of contacts) {
    const roles = contact.roles.length > 0 ? contact.roles : (['other'] as const);
    for (const role of roles) {
      stakeholders.push({ role, name: contact.name, title: contact.title, email: contact.email });
    }
  }
  const document: HandoffDocument = {
    handoffType: options.handoffType ?? handoffTypeFor(context),
    deal: {
      id: deal.id,
      name: deal.name,
      amount: deal.amount,
      currency: deal.currency,
      closedWonAt: options.closedWonAt ?? deal.closedAt,
      ownerId: deal.ownerId,
      strategic: deal.strategic,
    },
    customerContext: {
      industry: company?.industry ?? null,
      size: sizeOf(company?.employees ?? null),
    },
    stakeholders,
    commercial: { contractValue: deal.amount },
    review: { status: 'pending', gaps: [], rejections: 0 },
  };
  return document;
}
