// HubSpot records to our vocabulary and back. HubSpot sends every property value as a string
// and takes strings; these functions are the only place that knows it.
import { toIso } from '../../core';
import { stakeholderRolesOf } from '../contact-roles';
import type { ClosedWonStages, CrmCompany, CrmContact, CrmDeal } from '../crm-adapter';
import type { RecordProperties } from '../handoff-records';

export type HubSpotProperties = Record<string, string | null | undefined>;

export const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'deal_currency_code',
  'pipeline',
  'dealstage',
  'closedate',
  'hs_is_closed',
  'hubspot_owner_id',
  'baton_is_poc',
  'baton_strategic',
  'baton_csm_owner_id',
] as const;
export const CONTACT_PROPERTIES = ['firstname', 'lastname', 'email', 'jobtitle'] as const;
export const COMPANY_PROPERTIES = ['name', 'domain', 'industry', 'numberofemployees'] as const;
export const HANDOFF_READ_PROPERTIES = [
  'handoff_key',
  'document_json',
  'document_version',
  'record_links',
] as const;

/** Our values as HubSpot strings: null clears a property, booleans are 'true'/'false'. */
export function toHubSpotProperties(values: RecordProperties): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = value === null ? '' : typeof value === 'boolean' ? String(value) : String(value);
  }
  return out;
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function numberOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function instant(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? toIso(ms) : null;
}

export function dealFrom(id: string, p: HubSpotProperties, stages: ClosedWonStages): CrmDeal {
  const pipelineId = text(p.pipeline);
  const stageId = text(p.dealstage);
  return {
    id,
    name: text(p.dealname),
    amount: numberOf(p.amount),
    currency: text(p.deal_currency_code),
    pipelineId,
    stageId,
    closedAt: instant(p.closedate),
    isClosedWon:
      pipelineId !== null &&
      stageId !== null &&
      (stages.byPipeline[pipelineId] ?? []).includes(stageId),
    isClosed: p.hs_is_closed === 'true',
    ownerId: text(p.hubspot_owner_id),
    isPoc: p.baton_is_poc === 'true',
    strategic: p.baton_strategic === 'true',
    csmOwnerId: text(p.baton_csm_owner_id),
  };
}

export function companyFrom(id: string, p: HubSpotProperties): CrmCompany {
  return {
    id,
    name: text(p.name),
    domain: text(p.domain),
    industry: text(p.industry),
    employees: numberOf(p.numberofemployees),
  };
}

export function contactFrom(
  id: string,
  p: HubSpotProperties,
  labels: readonly string[],
): CrmContact {
  const name = [text(p.firstname), text(p.lastname)].filter(Boolean).join(' ');
  return {
    id,
    name: name || null,
    email: text(p.email),
    title: text(p.jobtitle),
    roles: stakeholderRolesOf(labels),
  };
}
