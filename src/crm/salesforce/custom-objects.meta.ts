// The CustomObject and CustomField files of Baton's objects (Baton_Handoff__c,
// Baton_Commitment__c, Baton_Stakeholder__c) and the Opportunity fields Baton writes back,
// from the definitions in src/crm/objects.
import { batonObjects } from '../objects/data-model';
import { dealProperties } from '../objects/deal-properties';
import type { BatonObject, ObjectDefinition } from '../objects/object-definition';
import { customFieldElements } from './field-types';
import { type XmlElement, el, inMetadataOrder } from './metadata-xml';
import { type RelationshipField, relationshipFields } from './relationships';
import {
  STANDARD_OBJECTS,
  childRelationshipName,
  customFieldName,
  salesforceObjectName,
} from './salesforce-names';

export interface ObjectMeta {
  /** `Baton_Handoff__c`, or `Opportunity` for the fields Baton adds to a standard object. */
  object: string;
  /** The `CustomObject` children, or undefined for a standard object (only fields ship). */
  objectMeta?: XmlElement[];
  /** Each field's `CustomField` children, by API name. */
  fields: Map<string, XmlElement[]>;
}

function objectElements(definition: ObjectDefinition): XmlElement[] {
  // Every Baton object is a master-detail child (see relationships.ts), so its records are
  // shared as their parent is: whoever sees the Opportunity sees its handoff.
  return inMetadataOrder([
    el('label', definition.labels.singular),
    el('pluralLabel', definition.labels.plural),
    el('description', definition.description),
    el('deploymentStatus', 'Deployed'),
    el('sharingModel', 'ControlledByParent'),
    el('externalSharingModel', 'ControlledByParent'),
    el('visibility', 'Public'),
    // An auto-number name: Baton never has to write (or truncate) a name, and upserts match on
    // the External ID keys. The card and related lists show the definition's display fields.
    el('nameField', [
      el('displayFormat', `${definition.labels.singular}-{000000}`),
      el('label', `${definition.labels.singular} number`),
      el('type', 'AutoNumber'),
    ]),
    el('enableReports', true),
    el('enableSearch', true),
    el('enableHistory', false),
    el('enableFeeds', false),
    el('enableBulkApi', true),
    el('enableSharing', true),
    el('enableStreamingApi', true),
  ]);
}

function relationshipElements(link: RelationshipField): XmlElement[] {
  const child = link.association.from;
  const common = [
    el('fullName', customFieldName(link.field)),
    el('label', link.label),
    el('description', link.association.description),
    el('type', link.kind),
    el('referenceTo', salesforceObjectName(link.association.to)),
    el('relationshipLabel', batonObjects[child].labels.plural),
    el('relationshipName', childRelationshipName(child)),
  ];
  return inMetadataOrder(
    link.kind === 'MasterDetail'
      ? [
          ...common,
          el('relationshipOrder', 0),
          el('reparentableMasterDetail', false),
          el('writeRequiresMasterRead', false),
        ]
      : [...common, el('deleteConstraint', 'SetNull'), el('required', false)],
  );
}

function batonObjectMeta(key: BatonObject): ObjectMeta {
  const definition: ObjectDefinition = batonObjects[key];
  const fields = new Map<string, XmlElement[]>();
  for (const property of definition.properties) {
    const required = definition.requiredProperties.includes(property.name);
    fields.set(customFieldName(property.name), customFieldElements(property, { required }));
  }
  for (const link of relationshipFields().filter((l) => l.association.from === key)) {
    const name = customFieldName(link.field);
    if (fields.has(name))
      throw new Error(`${definition.name}: ${name} is both a property and a link`);
    fields.set(name, relationshipElements(link));
  }
  return { object: salesforceObjectName(key), objectMeta: objectElements(definition), fields };
}

/** Baton's three objects, then the Opportunity write-back fields. */
export function objectMetas(): ObjectMeta[] {
  const keys = Object.keys(batonObjects) as BatonObject[];
  const opportunityFields = new Map(
    dealProperties.map((property) => [
      customFieldName(property.name),
      customFieldElements(property),
    ]),
  );
  return [
    ...keys.map(batonObjectMeta),
    { object: STANDARD_OBJECTS.deal, fields: opportunityFields },
  ];
}
