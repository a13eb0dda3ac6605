// The generated SFDX project, read back as Salesforce would read it: every file parses, every
// name and label keeps Salesforce's limits, the keys are External IDs, the objects hang off the
// Opportunity by master-detail, the permission set covers what it may cover, and the flow
// fires on IsWon.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { batonObjects } from '../../../src/crm/objects/data-model';
import { dealProperties } from '../../../src/crm/objects/deal-properties';
import type { BatonObject } from '../../../src/crm/objects/object-definition';
import { SALESFORCE_API_VERSION } from '../../../src/crm/salesforce/api-version';
import { CLOSED_WON_FLOW } from '../../../src/crm/salesforce/closed-won.flow';
import {
  METADATA_DIR,
  SFDX_PROJECT,
  salesforceFiles,
} from '../../../src/crm/salesforce/generated-files';
import { HANDOFF_REQUESTED_EVENT } from '../../../src/crm/salesforce/handoff-requested.event';
import { PERMISSION_SET } from '../../../src/crm/salesforce/permission-set.meta';
import {
  SALESFORCE_LIMITS,
  customFieldName,
  customObjectName,
} from '../../../src/crm/salesforce/salesforce-names';

type Node = Record<string, unknown>;

// Repeated elements always as arrays, text never coerced: '66.0' stays a string.
const REPEATED = new Set([
  'fieldPermissions',
  'objectPermissions',
  'filters',
  'processMetadataValues',
  'inputAssignments',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name, path) => REPEATED.has(name) || String(path).endsWith('valueSetDefinition.value'),
});

const files = salesforceFiles();
const xmlFiles = files.filter((file) => file.path.endsWith('.xml'));

function parse(path: string): Node {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`not generated: ${path}`);
  return parser.parse(file.content) as Node;
}

interface Field {
  object: string;
  path: string;
  xml: Node;
}

const fields: Field[] = xmlFiles
  .filter((file) => file.path.endsWith('.field-meta.xml'))
  .map((file) => ({
    object: file.path.split('/')[4] ?? '',
    path: file.path,
    xml: (parser.parse(file.content) as { CustomField: Node }).CustomField,
  }));

const fieldsOf = (object: string) => fields.filter((field) => field.object === object);
const field = (object: string, name: string): Node => {
  const found = fields.find((f) => f.object === object && f.xml.fullName === name);
  if (!found) throw new Error(`no field ${object}.${name}`);
  return found.xml;
};
const objectPath = (object: string) =>
  `${METADATA_DIR}/objects/${object}/${object}.object-meta.xml`;
const objectXml = (object: string) => parse(objectPath(object)).CustomObject as Node;
const OBJECTS = (Object.keys(batonObjects) as BatonObject[]).map(customObjectName);

/** The element names of each element in a file, for the order checks. */
function childNames(xml: string, root: string): string[] {
  const body = xml.slice(xml.indexOf(`<${root} `), xml.lastIndexOf(`</${root}>`));
  return [...body.matchAll(/^ {4}<([A-Za-z]+)[ >/]/gm)].map((match) => match[1] ?? '');
}

describe('the generated SFDX project', () => {
  it('is the same bytes on every run', () => {
    expect(salesforceFiles()).toEqual(files);
  });

  it('has an sfdx-project.json with an explicit API version and force-app as its package', () => {
    const project = JSON.parse(files.find((f) => f.path === 'sfdx-project.json')?.content ?? '');
    expect(project).toEqual(SFDX_PROJECT);
    expect(project.sourceApiVersion).toBe(SALESFORCE_API_VERSION);
    expect(project.sourceApiVersion).toMatch(/^\d+\.0$/);
    expect(project.packageDirectories).toEqual([{ path: 'force-app', default: true }]);
  });

  it('writes only well-formed XML in the metadata namespace', () => {
    expect(xmlFiles.length).toBeGreaterThan(60);
    for (const file of xmlFiles) {
      expect([file.path, XMLValidator.validate(file.content)]).toEqual([file.path, true]);
      expect(file.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
      expect(file.content).toContain(' xmlns="http://soap.sforce.com/2006/04/metadata"');
    }
  });

  it('puts the elements of objects, fields, the flow and the permission set in XSD (alphabetical) order', () => {
    for (const file of xmlFiles) {
      const root = /<([A-Za-z]+) xmlns=/.exec(file.content)?.[1] ?? '';
      const names = childNames(file.content, root).filter((name) => name !== 'fullName');
      expect([file.path, names]).toEqual([file.path, [...names].sort()]);
    }
  });

  it('creates the three Baton objects, the platform event and the Opportunity fields', () => {
    expect(OBJECTS).toEqual(['Baton_Handoff__c', 'Baton_Commitment__c', 'Baton_Stakeholder__c']);
    for (const object of OBJECTS) expect(objectXml(object).deploymentStatus).toBe('Deployed');
    expect(files.some((f) => f.path.endsWith('Opportunity.object-meta.xml'))).toBe(false);
    expect(fieldsOf('Opportunity').map((f) => String(f.xml.fullName))).toEqual(
      dealProperties.map((p) => customFieldName(p.name)).sort(),
    );
    expect(field('Opportunity', 'Baton_Completeness__c')).toMatchObject({
      type: 'Number',
      scale: '0',
    });
    expect(field('Opportunity', 'Baton_Status__c')).toMatchObject({ type: 'Picklist' });
    expect(field('Opportunity', 'Baton_Sla_State__c')).toMatchObject({ type: 'Picklist' });
    expect(field('Opportunity', 'Baton_Csm_Owner_Id__c')).toMatchObject({ type: 'Text' });
  });

  it('has a field for every property of every definition, typed from it', () => {
    const types = {
      string: 'Text',
      text: 'LongTextArea',
      number: 'Number',
      enumeration: 'Picklist',
      datetime: 'DateTime',
      date: 'Date',
      bool: 'Checkbox',
    };
    for (const key of Object.keys(batonObjects) as BatonObject[]) {
      for (const property of batonObjects[key].properties) {
        const xml = field(customObjectName(key), customFieldName(property.name));
        expect([property.name, xml.type]).toEqual([property.name, types[property.type]]);
        expect(xml.label).toBe(property.label);
        if (property.type === 'bool') expect(xml.defaultValue).toBe('false');
      }
    }
  });

  it('keeps API names, labels, descriptions and lengths within Salesforce limits', () => {
    for (const { path, xml } of fields) {
      const name = String(xml.fullName);
      expect([path, name]).toEqual([
        path,
        expect.stringMatching(/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*__c$/),
      ]);
      expect(name.replace(/__c$/, '').length).toBeLessThanOrEqual(SALESFORCE_LIMITS.apiName);
      expect(String(xml.label).length).toBeLessThanOrEqual(SALESFORCE_LIMITS.label);
      expect(String(xml.description ?? '').length).toBeLessThanOrEqual(
        SALESFORCE_LIMITS.description,
      );
      if (xml.type === 'Text')
        expect(Number(xml.length)).toBeLessThanOrEqual(SALESFORCE_LIMITS.textLength);
      if (xml.type === 'LongTextArea') {
        expect(Number(xml.length)).toBeLessThanOrEqual(SALESFORCE_LIMITS.longTextLength);
        expect(Number(xml.visibleLines)).toBeGreaterThan(0);
      }
    }
    for (const object of [...OBJECTS, HANDOFF_REQUESTED_EVENT.apiName]) {
      const xml = objectXml(object);
      expect(object.replace(/__[ce]$/, '').length).toBeLessThanOrEqual(SALESFORCE_LIMITS.apiName);
      expect(String(xml.label).length).toBeLessThanOrEqual(SALESFORCE_LIMITS.label);
      expect(String(xml.pluralLabel).length).toBeLessThanOrEqual(SALESFORCE_LIMITS.label);
    }
  });

  it('gives each object unique field names and labels, and long text within its per-object total', () => {
    for (const object of [...OBJECTS, 'Opportunity']) {
      const own = fieldsOf(object).map((f) => f.xml);
      const names = own.map((xml) => String(xml.fullName).toLowerCase());
      const labels = own.map((xml) => String(xml.label).toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(labels).size).toBe(labels.length);
      const longText = own
        .filter((xml) => xml.type === 'LongTextArea')
        .reduce((sum, xml) => sum + Number(xml.length), 0);
      expect(longText).toBeLessThanOrEqual(SALESFORCE_LIMITS.longTextPerObject);
    }
  });

  it('restricts every picklist to the options of its definition', () => {
    const picklists = fields.filter((f) => f.xml.type === 'Picklist');
    expect(picklists.length).toBeGreaterThan(10);
    for (const { path, xml } of picklists) {
      const valueSet = xml.valueSet as {
        restricted: string;
        valueSetDefinition: { value: Node[] };
      };
      expect([path, valueSet.restricted]).toEqual([path, 'true']);
      const values = valueSet.valueSetDefinition.value;
      expect(values.length).toBeGreaterThan(0);
      expect(values.length).toBeLessThanOrEqual(SALESFORCE_LIMITS.picklistValues);
      for (const value of values) {
        expect(String(value.fullName).length).toBeLessThanOrEqual(SALESFORCE_LIMITS.picklistValue);
        expect(String(value.label).length).toBeLessThanOrEqual(SALESFORCE_LIMITS.picklistValue);
      }
    }
    const role = field('Baton_Stakeholder__c', 'Role__c').valueSet as {
      valueSetDefinition: { value: Node[] };
    };
    const roleProperty = batonObjects.stakeholder.properties.find((p) => p.name === 'role');
    expect(role.valueSetDefinition.value.map((v) => v.fullName)).toEqual(
      roleProperty?.options?.map((o) => o.value),
    );
  });

  it('makes the handoff, commitment and stakeholder keys unique, case-sensitive External IDs', () => {
    const keys = fields.filter((f) => f.xml.externalId === 'true');
    expect(keys.map((f) => `${f.object}.${String(f.xml.fullName)}`)).toEqual([
      'Baton_Commitment__c.Commitment_Key__c',
      'Baton_Handoff__c.Handoff_Key__c',
      'Baton_Stakeholder__c.Stakeholder_Key__c',
    ]);
    for (const { xml } of keys)
      expect(xml).toMatchObject({
        type: 'Text',
        unique: 'true',
        caseSensitive: 'true',
        required: 'true',
      });
    expect(field('Baton_Commitment__c', 'Handoff_Key__c').externalId).toBeUndefined();
  });

  it('puts the handoff under its Opportunity, and commitments and stakeholders under their handoff, by master-detail', () => {
    expect(field('Baton_Handoff__c', 'Opportunity__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: 'Opportunity',
      relationshipName: 'Baton_Handoffs',
    });
    for (const object of ['Baton_Commitment__c', 'Baton_Stakeholder__c'])
      expect(field(object, 'Handoff__c')).toMatchObject({
        type: 'MasterDetail',
        referenceTo: 'Baton_Handoff__c',
      });
    expect(field('Baton_Handoff__c', 'Account__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: 'Account',
      deleteConstraint: 'SetNull',
    });
    expect(field('Baton_Stakeholder__c', 'Contact__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: 'Contact',
    });
    for (const object of OBJECTS) expect(objectXml(object).sharingModel).toBe('ControlledByParent');
  });

  it('defines the high-volume platform event, published after commit, with the Opportunity id', () => {
    const event = HANDOFF_REQUESTED_EVENT.apiName;
    expect(event).toBe('Baton_Handoff_Requested__e');
    expect(objectXml(event)).toMatchObject({
      eventType: 'HighVolume',
      publishBehavior: 'PublishAfterCommit',
    });
    expect(field(event, 'OpportunityId__c')).toMatchObject({
      type: 'Text',
      length: '18',
      required: 'true',
    });
  });

  describe('the permission set', () => {
    const set = parse(
      `${METADATA_DIR}/permissionsets/${PERMISSION_SET.apiName}.permissionset-meta.xml`,
    ).PermissionSet as {
      fieldPermissions: Node[];
      objectPermissions: Node[];
    };
    const granted = set.fieldPermissions.map((p) => p.field);

    it('grants read and edit on every custom field a permission set may list', () => {
      const listable = fields.filter(
        (f) =>
          f.object !== HANDOFF_REQUESTED_EVENT.apiName &&
          f.xml.required !== 'true' &&
          f.xml.type !== 'MasterDetail',
      );
      expect([...granted].sort()).toEqual(
        listable.map((f) => `${f.object}.${String(f.xml.fullName)}`).sort(),
      );
      for (const permission of set.fieldPermissions)
        expect(permission).toMatchObject({ readable: 'true', editable: 'true' });
      expect(granted).toContain('Opportunity.Baton_Status__c');
    });

    it('leaves out exactly the fields Salesforce refuses there: required and master-detail ones', () => {
      const left = fields.filter(
        (f) =>
          f.object !== HANDOFF_REQUESTED_EVENT.apiName &&
          !granted.includes(`${f.object}.${String(f.xml.fullName)}`),
      );
      for (const { xml } of left)
        expect(xml.required === 'true' || xml.type === 'MasterDetail').toBe(true);
    });

    it('grants every object it defines, and read and create on the event', () => {
      const objects = set.objectPermissions.map((p) => p.object);
      expect(objects).toEqual([...OBJECTS, HANDOFF_REQUESTED_EVENT.apiName]);
      for (const permission of set.objectPermissions.slice(0, 3))
        expect(permission).toMatchObject({
          allowCreate: 'true',
          allowRead: 'true',
          allowEdit: 'true',
          allowDelete: 'true',
        });
      expect(set.objectPermissions[3]).toMatchObject({
        allowCreate: 'true',
        allowRead: 'true',
        allowEdit: 'false',
        allowDelete: 'false',
      });
    });
  });

  describe('the closed-won flow', () => {
    const flow = parse(`${METADATA_DIR}/flows/${CLOSED_WON_FLOW.apiName}.flow-meta.xml`)
      .Flow as Node & {
      start: Node & { filters: Node[] };
      recordCreates: Node;
    };

    it('runs after save when an Opportunity is updated, active, on the project API version', () => {
      expect(flow).toMatchObject({
        apiVersion: SALESFORCE_API_VERSION,
        processType: 'AutoLaunchedFlow',
        status: 'Active',
      });
      expect(flow.start).toMatchObject({
        object: 'Opportunity',
        recordTriggerType: 'Update',
        triggerType: 'RecordAfterSave',
        filterLogic: 'and',
      });
    });

    it('enters only when IsWon is true and has just changed, never on a stage name', () => {
      expect(flow.start.filters).toEqual([
        { field: 'IsWon', operator: 'EqualTo', value: { booleanValue: 'true' } },
        { field: 'IsWon', operator: 'IsChanged', value: { booleanValue: 'true' } },
      ]);
      const file = files.find((f) => f.path.endsWith('.flow-meta.xml'));
      expect(file?.content).not.toMatch(/StageName|Closed Won/);
    });

    it('publishes the event with the Opportunity id', () => {
      expect(flow.start.connector).toEqual({ targetReference: flow.recordCreates.name });
      expect(flow.recordCreates).toMatchObject({
        object: 'Baton_Handoff_Requested__e',
        inputAssignments: [
          { field: 'OpportunityId__c', value: { elementReference: '$Record.Id' } },
        ],
      });
    });
  });
});
