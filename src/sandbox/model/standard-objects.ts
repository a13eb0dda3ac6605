// The standard objects Baton touches: contacts, companies, deals and tasks, with their ids,
// names, labels and default properties.
import type { ObjectTypeDef } from '../store/state.schema';
import {
  HUBSPOT_DEFINED_AT,
  type PropertySpec,
  buildGroups,
  buildProperties,
} from './property-builder';
import {
  COMPANY_PROPERTIES,
  CONTACT_PROPERTIES,
  DEAL_PROPERTIES,
  TASK_PROPERTIES,
} from './standard-properties';

interface StandardSpec {
  objectTypeId: string;
  name: string;
  singularName: string;
  labels: { singular: string; plural: string };
  primaryDisplayProperty: string;
  requiredProperties: string[];
  searchableProperties: string[];
  group: readonly [name: string, label: string];
  properties: PropertySpec[];
}

const STANDARD_SPECS: StandardSpec[] = [
  {
    objectTypeId: '0-1',
    name: 'contacts',
    singularName: 'contact',
    labels: { singular: 'Contact', plural: 'Contacts' },
    primaryDisplayProperty: 'email',
    requiredProperties: [],
    searchableProperties: ['firstname', 'lastname', 'email', 'phone', 'company'],
    group: ['contactinformation', 'Contact information'],
    properties: CONTACT_PROPERTIES,
  },
  {
    objectTypeId: '0-2',
    name: 'companies',
    singularName: 'company',
    labels: { singular: 'Company', plural: 'Companies' },
    primaryDisplayProperty: 'name',
    requiredProperties: [],
    searchableProperties: ['name', 'domain', 'phone'],
    group: ['companyinformation', 'Company information'],
    properties: COMPANY_PROPERTIES,
  },
  {
    objectTypeId: '0-3',
    name: 'deals',
    singularName: 'deal',
    labels: { singular: 'Deal', plural: 'Deals' },
    primaryDisplayProperty: 'dealname',
    requiredProperties: [],
    searchableProperties: ['dealname'],
    group: ['dealinformation', 'Deal information'],
    properties: DEAL_PROPERTIES,
  },
  {
    objectTypeId: '0-27',
    name: 'tasks',
    singularName: 'task',
    labels: { singular: 'Task', plural: 'Tasks' },
    primaryDisplayProperty: 'hs_task_subject',
    // HubSpot requires `hs_timestamp` on every engagement, tasks included.
    requiredProperties: ['hs_timestamp'],
    searchableProperties: ['hs_task_subject', 'hs_task_body'],
    group: ['task', 'Task information'],
    properties: TASK_PROPERTIES,
  },
];

export function standardObjectTypes(): ObjectTypeDef[] {
  return STANDARD_SPECS.map((spec) => ({
    objectTypeId: spec.objectTypeId,
    id: spec.objectTypeId,
    kind: 'standard',
    name: spec.name,
    singularName: spec.singularName,
    fullyQualifiedName: spec.name,
    labels: spec.labels,
    primaryDisplayProperty: spec.primaryDisplayProperty,
    secondaryDisplayProperties: [],
    requiredProperties: spec.requiredProperties,
    searchableProperties: spec.searchableProperties,
    properties: buildProperties(spec.properties),
    groups: buildGroups([spec.group]),
    createdAt: HUBSPOT_DEFINED_AT,
    updatedAt: HUBSPOT_DEFINED_AT,
    archived: false,
  }));
}
