// The app objects of the marketplace app: the definition in HubSpot's 2026.03 component format,
// and a project tree built from them that @hubspot/project-parsing-lib accepts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  APP_OBJECT_MAX_SECONDARY_DISPLAY,
  APP_OBJECT_PREFIX,
  appObjectAssociationMeta,
  appObjectMeta,
} from '../../src/crm/hubspot/app-object-meta';
import {
  type GeneratedFile,
  appFiles,
  appObjectFiles,
  toJson,
} from '../../src/crm/hubspot/generated-files';
import { hubspotOptions, hubspotType } from '../../src/crm/hubspot/property-mapping';
import {
  associations,
  type BatonObject,
  batonObjects,
  type ObjectDefinition,
} from '../../src/crm/objects/data-model';
import { HUBSPOT_APP_OBJECT_UIDS } from '../../src/crm/objects/universal-identifiers';
import { type Validation, errorsOf, validateTrees, writeTree } from '../helpers/validate-project';
const objects: (ObjectDefinition & { key: BatonObject })[] = Object.values(batonObjects);

describe.each(objects)('the $labels.singular app object', (object) => {
  const meta = appObjectMeta(object.key);
  const byName = new Map(meta.config.properties.map((property) => [property.name, property]));

  it('is named by its universal identifier, as uid and as UPPER_SNAKE_CASE name', () => {
    expect(meta.uid).toBe(HUBSPOT_APP_OBJECT_UIDS[object.key]);
    expect(meta.type).toBe('app-object');
    expect(meta.config.name).toBe(meta.uid);
  });

  it('carries the labels, description and display properties of the definition', () => {
    expect(meta.config).toMatchObject({
      appPrefix: APP_OBJECT_PREFIX,
      description: object.description,
      singularForm: object.labels.singular,
      pluralForm: object.labels.plural,
      primaryDisplayLabelPropertyName: object.primaryDisplayProperty,
      secondaryDisplayLabelPropertyNames: object.secondaryDisplayProperties.slice(
        0,
        APP_OBJECT_MAX_SECONDARY_DISPLAY,
      ),
    });
  });

  it('has every property, in order, typed, grouped and with all options in order', () => {
    expect([...byName.keys()]).toEqual(object.properties.map((property) => property.name));
    for (const property of object.properties) {
      const options = hubspotOptions(property);
      expect(byName.get(property.name)).toEqual({
        name: property.name,
        label: property.label,
        description: property.description,
        ...hubspotType(property.type),
        ...(options ? { options } : {}),
        ...(property.unique ? { hasUniqueValue: true } : {}),
        groupName: property.group,
        ...(property.calculated ? { readOnlyValue: true } : {}),
      });
    }
  });

  it('flags the upsert key as unique and lets only Baton write what Baton computes', () => {
    expect(byName.get(object.keyProperty)).toMatchObject({
      hasUniqueValue: true,
      readOnlyValue: true,
    });
    const readOnly = meta.config.properties.filter((property) => property.readOnlyValue);
    expect(readOnly.map((property) => property.name)).toEqual(
      object.properties.filter((property) => property.calculated).map((property) => property.name),
    );
  });

  it('declares its property groups and the settings HubSpot requires', () => {
    expect(meta.config.propertyGroups).toEqual(
      object.groups.map(({ name, label }) => ({ name, label })),
    );
    expect(meta.config.settings).toEqual({
      hasRecordPage: true,
      allowsUserCreatedRecords: false,
      hasEngagements: false,
    });
  });
});

describe('the app-object associations', () => {
  it('join each pair of the model by app-object uid or standard object name', () => {
    expect(associations.map((association) => appObjectAssociationMeta(association).config)).toEqual(
      [
        { firstObjectType: 'BATON_HANDOFF', secondObjectType: 'DEAL' },
        { firstObjectType: 'BATON_HANDOFF', secondObjectType: 'COMPANY' },
        { firstObjectType: 'BATON_HANDOFF', secondObjectType: 'CONTACT' },
        { firstObjectType: 'BATON_COMMITMENT', secondObjectType: 'BATON_HANDOFF' },
        { firstObjectType: 'BATON_STAKEHOLDER', secondObjectType: 'BATON_HANDOFF' },
        { firstObjectType: 'BATON_STAKEHOLDER', secondObjectType: 'CONTACT' },
      ],
    );
  });
});

// ---- the project tree, through @hubspot/project-parsing-lib --------------------------------

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'baton-hsmeta-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The generated app component, which every app feature needs (hubspot-project.test.ts). */
function generatedApp(): GeneratedFile {
  const app = appFiles('https://baton.example.test').find(
    (file) => file.path === 'app/app-hsmeta.json',
  );
  if (!app) throw new Error('appFiles() wrote no app/app-hsmeta.json');
  return app;
}
const appFile = generatedApp();

const component = z.looseObject({ config: z.record(z.string(), z.unknown()) });

/** The generated files with one of them changed as `edit` says. */
function edited(path: string, edit: (meta: z.infer<typeof component>) => void): GeneratedFile[] {
  return appObjectFiles().map((file) => {
    if (file.path !== path) return file;
    const meta = component.parse(JSON.parse(file.content));
    edit(meta);
    return { path: file.path, content: toJson(meta) };
  });
}

// The same validator must refuse what HubSpot would refuse, or accepting our tree proves nothing.
const broken: [string, () => GeneratedFile[], RegExp][] = [
  [
    'an app object name that is not UPPER_SNAKE_CASE',
    () =>
      edited('app/app-objects/handoff-hsmeta.json', (meta) => {
        meta.config.name = 'baton_handoff';
      }),
    /handoff-hsmeta\.json[\s\S]*config\.name: must match pattern/,
  ],
  [
    'a key HubSpot does not document',
    () =>
      edited('app/app-objects/commitment-hsmeta.json', (meta) => {
        meta.config.searchableProperties = ['description'];
      }),
    /commitment-hsmeta\.json[\s\S]*must NOT have additional properties/,
  ],
  [
    'an unknown top-level field',
    () =>
      edited('app/app-objects/stakeholder-hsmeta.json', (meta) => {
        meta.generatedBy = 'a script';
      }),
    /stakeholder-hsmeta\.json[\s\S]*generatedBy/,
  ],
  [
    'a component outside its folder',
    () => [
      ...appObjectFiles(),
      { path: 'app/objects/stray-hsmeta.json', content: toJson(appObjectMeta('handoff')) },
    ],
    /app\/objects\/stray-hsmeta\.json: not in a component folder/,
  ],
  [
    'an association to an object that does not exist',
    () =>
      edited('app/app-object-associations/handoff-to-deal-hsmeta.json', (meta) => {
        meta.config.secondObjectType = 'DEALS';
      }),
    /secondObjectType 'DEALS' is not an app object or a standard object/,
  ],
];

describe('the generated project tree, validated by @hubspot/project-parsing-lib', () => {
  const results = new Map<string, Validation>();
  beforeAll(async () => {
    const trees: [string, GeneratedFile[]][] = [
      ['valid', [appFile, ...appObjectFiles()]],
      ['no-app', appObjectFiles()],
      ...broken.map(([name, files]): [string, GeneratedFile[]] => [name, [appFile, ...files()]]),
    ];
    const dirs = await Promise.all(
      trees.map(([_name, files], index) => writeTree(join(scratch, `tree-${index}`), files)),
    );
    const validated = await validateTrees(dirs);
    trees.forEach(([name], index) => {
      const result = validated[index];
      if (result) results.set(name, result);
    });
  }, 60_000);

  it('is accepted whole: every app object and association, each in its folder', () => {
    const result = results.get('valid');
    expect(result).toEqual({
      valid: true,
      components: expect.arrayContaining([
        { uid: 'BATON_HANDOFF', type: 'APP_OBJECT', file: 'app/app-objects/handoff-hsmeta.json' },
        {
          uid: 'baton_handoff_to_deal',
          type: 'APP_OBJECT_ASSOCIATION',
          file: 'app/app-object-associations/handoff-to-deal-hsmeta.json',
        },
      ]),
    });
    expect(result?.valid && result.components).toHaveLength(1 + appObjectFiles().length);
  });

  it.each(broken)('refuses %s', (name, _files, message) => {
    const result = results.get(name);
    expect(result?.valid).toBe(false);
    expect(errorsOf(result)).toMatch(message);
  });

  it('refuses app objects without an app', () => {
    const result = results.get('no-app');
    expect(result?.valid).toBe(false);
    expect(errorsOf(result)).toMatch(/must be a child of the 'app' component/);
  });
});
