// The one definition every generator reads: what HubSpot (custom objects and app objects) and
// Salesforce all accept, checked here once so a generator never has to guess.
import {
  associations,
  batonObjects,
  dataModel,
  dealProperties,
  isBatonObject,
  type ObjectDefinition,
  type PropertyDefinition,
} from '../../src/crm/objects/data-model';
import { DEAL_PROPERTY_GROUP } from '../../src/crm/objects/deal-properties';
import {
  HUBSPOT_APP_OBJECT_ASSOCIATION_UIDS,
  HUBSPOT_APP_OBJECT_UIDS,
  associationKey,
} from '../../src/crm/objects/universal-identifiers';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** Salesforce API names allow 40 characters before `__c`; HubSpot allows more. */
const NAME_LIMIT = 40;
/** Salesforce field labels allow 40 characters; HubSpot allows more. */
const LABEL_LIMIT = 40;
/** HubSpot allows at most 10 unique-value properties per object. */
const UNIQUE_LIMIT = 10;

const objects: ObjectDefinition[] = Object.values(batonObjects);
const everyPropertySet: [string, readonly PropertyDefinition[]][] = [
  ...objects.map((object): [string, readonly PropertyDefinition[]] => [
    object.name,
    object.properties,
  ]),
  ['deal', dealProperties],
];

describe.each(everyPropertySet)('the properties of %s', (_owner, properties) => {
  it('have snake_case names within the CRMs’ limits, each once', () => {
    const names = properties.map((property) => property.name);
    for (const name of names) {
      expect(name).toMatch(SNAKE);
      expect(name.length).toBeLessThanOrEqual(NAME_LIMIT);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('have labels and descriptions people can read', () => {
    for (const property of properties) {
      expect(property.label.trim()).not.toBe('');
      expect(property.label.length).toBeLessThanOrEqual(LABEL_LIMIT);
      expect(property.description.trim()).not.toBe('');
    }
  });

  it('list options for enumerations only, with distinct snake_case values', () => {
    for (const property of properties) {
      if (property.type !== 'enumeration') {
        expect(property.options).toBeUndefined();
        continue;
      }
      const values = (property.options ?? []).map((option) => option.value);
      expect(values.length).toBeGreaterThan(0);
      expect(new Set(values).size).toBe(values.length);
      for (const value of values) expect(value).toMatch(SNAKE);
      for (const option of property.options ?? []) expect(option.label.trim()).not.toBe('');
    }
  });

  it('give a number format to numbers only', () => {
    for (const property of properties) {
      if (property.format) expect(property.type).toBe('number');
    }
  });
});

describe.each(objects)('the $labels.singular object', (object) => {
  const names = new Set(object.properties.map((property) => property.name));

  it('has a snake_case name and the labels and description HubSpot app objects accept', () => {
    expect(object.name).toMatch(SNAKE);
    expect(object.name.length).toBeLessThanOrEqual(NAME_LIMIT);
    for (const form of [object.labels.singular, object.labels.plural]) {
      expect(form).toMatch(/^[A-Z][a-z]*( [A-Z][a-z]*)*$/);
      expect(form.length).toBeLessThanOrEqual(50);
    }
    expect(object.description.length).toBeGreaterThan(0);
    expect(object.description.length).toBeLessThanOrEqual(72);
  });

  it('names only properties it has as display, searchable, required and key properties', () => {
    const referenced = [
      object.primaryDisplayProperty,
      ...object.secondaryDisplayProperties,
      ...object.searchableProperties,
      ...object.requiredProperties,
      object.keyProperty,
    ];
    expect(referenced.filter((name) => !names.has(name))).toEqual([]);
  });

  it('shows a text property as its name', () => {
    const primary = object.properties.find((p) => p.name === object.primaryDisplayProperty);
    expect(['string', 'text']).toContain(primary?.type);
  });

  it('upserts by a unique, required, searchable key that Baton writes', () => {
    const key = object.properties.find((property) => property.name === object.keyProperty);
    expect(key).toMatchObject({ type: 'string', unique: true, calculated: true });
    expect(object.requiredProperties).toContain(object.keyProperty);
    expect(object.searchableProperties).toContain(object.keyProperty);
    const unique = object.properties.filter((property) => property.unique);
    expect(unique.map((property) => property.name)).toEqual([object.keyProperty]);
    expect(unique.length).toBeLessThanOrEqual(UNIQUE_LIMIT);
  });

  it('files every property in one of its own groups, each group used', () => {
    const groups = object.groups.map((group) => group.name);
    expect(new Set(groups).size).toBe(groups.length);
    for (const group of groups) expect(group).toMatch(SNAKE);
    const used = new Set(object.properties.map((property) => property.group));
    expect([...used].sort()).toEqual([...groups].sort());
  });
});

describe('the deal write-back properties', () => {
  it('are prefixed baton_ so they cannot collide with a portal’s own deal properties', () => {
    for (const property of dealProperties) expect(property.name).toMatch(/^baton_/);
  });

  it('sit in the Baton group on deals', () => {
    expect(dataModel.deal.group).toBe(DEAL_PROPERTY_GROUP);
    for (const property of dealProperties) expect(property.group).toBe(DEAL_PROPERTY_GROUP.name);
  });
});

describe('the associations', () => {
  it('join a Baton object to a Baton or standard object, each pair once', () => {
    const standard = new Set(['deal', 'company', 'contact']);
    for (const association of associations) {
      expect(isBatonObject(association.from)).toBe(true);
      expect(isBatonObject(association.to) || standard.has(association.to)).toBe(true);
    }
    const pairs = associations.map(associationKey);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('have snake_case labels with a label each side, every name used once', () => {
    const labels = associations.flatMap((association) => [...association.labels]);
    for (const label of labels) {
      expect(label.name).toMatch(SNAKE);
      expect(label.label.trim()).not.toBe('');
      expect(label.inverseLabel?.trim()).toBeTruthy();
    }
    const names = labels.map((label) => label.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('primary_handoff');
  });
});

describe('the universal identifiers', () => {
  const uids = [
    ...Object.values(HUBSPOT_APP_OBJECT_UIDS),
    ...Object.values(HUBSPOT_APP_OBJECT_ASSOCIATION_UIDS),
  ];

  it('are distinct HubSpot uids (letters, digits, _ - . and at most 64 characters)', () => {
    for (const uid of uids) expect(uid).toMatch(/^[a-zA-Z0-9_\-.]{1,64}$/);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('give each app object an UPPER_SNAKE_CASE name derived from its schema name', () => {
    for (const [key, uid] of Object.entries(HUBSPOT_APP_OBJECT_UIDS)) {
      expect(isBatonObject(key)).toBe(true);
      if (isBatonObject(key)) expect(uid).toBe(batonObjects[key].name.toUpperCase());
    }
  });

  it('give every association of the model a uid', () => {
    expect(Object.keys(HUBSPOT_APP_OBJECT_ASSOCIATION_UIDS).sort()).toEqual(
      associations.map(associationKey).sort(),
    );
  });
});
