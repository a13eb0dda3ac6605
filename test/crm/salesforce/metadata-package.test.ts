// The generated SFDX source as a Metadata API package: one file per object with its fields
// inside, the other types without their -meta.xml suffix, and package.xml naming everything.
import { SALESFORCE_API_VERSION } from '../../../src/crm/salesforce/api-version';
import { METADATA_DIR, salesforceFiles } from '../../../src/crm/salesforce/generated-files';
import {
  MetadataPackageError,
  metadataPackage,
} from '../../../src/crm/salesforce/metadata-package';
import { childrenOf, readXmlRoot, textOf } from '../../../src/crm/salesforce/metadata-xml-reader';

const source = salesforceFiles();
const pkg = metadataPackage(source);
const fileAt = (path: string) => String(pkg.files.find((file) => file.path === path)?.content);
const fold = (xml: string) => xml.replace(/\s+/g, ' ').trim();

function manifest(): Record<string, string[]> {
  const root = readXmlRoot(fileAt('package.xml'));
  return Object.fromEntries(
    root.children
      .filter((child) => child.name === 'types')
      .map((types) => {
        const parts = childrenOf(types);
        return [
          textOf(parts.find((p) => p.name === 'name'))!,
          parts.filter((p) => p.name === 'members').map((m) => textOf(m)!),
        ];
      }),
  );
}

describe('the Metadata API package of the generated metadata', () => {
  it('has package.xml first, then one file per object and no -meta.xml suffixes', () => {
    expect(pkg.files[0]!.path).toBe('package.xml');
    const paths = pkg.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'objects/Baton_Handoff__c.object',
        'objects/Baton_Commitment__c.object',
        'objects/Baton_Stakeholder__c.object',
        'objects/Baton_Handoff_Requested__e.object',
        'objects/Opportunity.object',
        'flows/Baton_Request_Handoff_When_Won.flow',
        'permissionsets/Baton.permissionset',
      ]),
    );
    expect(paths.filter((path) => path.endsWith('-meta.xml'))).toEqual([]);
    expect(paths.filter((path) => path.startsWith('force-app'))).toEqual([]);
  });

  it('names every component in package.xml on Baton’s API version, Opportunity by its fields only', () => {
    const types = manifest();
    expect(types.CustomObject).toEqual([
      'Baton_Commitment__c',
      'Baton_Handoff_Requested__e',
      'Baton_Handoff__c',
      'Baton_Stakeholder__c',
    ]);
    const fieldFiles = source.filter((file) => file.path.endsWith('.field-meta.xml'));
    expect(types.CustomField).toHaveLength(fieldFiles.length);
    expect(types.CustomField).toContain('Opportunity.Baton_Status__c');
    expect(types.Flow).toEqual(['Baton_Request_Handoff_When_Won']);
    expect(types.PermissionSet).toContain('Baton');
    const version = readXmlRoot(fileAt('package.xml')).children.find((c) => c.name === 'version');
    expect(textOf(version)).toBe(SALESFORCE_API_VERSION);
    expect(Object.values(types).flat()).toHaveLength(pkg.components.length);
  });

  it("puts each field inside its object, as written, in the type's element order", () => {
    const object = readXmlRoot(fileAt('objects/Baton_Commitment__c.object'));
    expect(object.name).toBe('CustomObject');
    const names = object.children.map((child) => child.name);
    expect(names).toEqual([...names].sort());
    const fields = object.children.filter((child) => child.name === 'fields');
    const dir = `${METADATA_DIR}/objects/Baton_Commitment__c/fields/`;
    const sourceFields = source.filter((file) => file.path.startsWith(dir));
    expect(fields).toHaveLength(sourceFields.length);
    for (const file of sourceFields) {
      const written = readXmlRoot(file.content).children;
      const name = textOf(written.find((c) => c.name === 'fullName'));
      const packed = fields.find((field) => textOf(childrenOf(field)[0]) === name);
      expect(childrenOf(packed!).map((c) => fold(c.text))).toEqual(
        written.map((c) => fold(c.text)),
      );
    }
    const own = readXmlRoot(
      source.find((f) => f.path.endsWith('Baton_Commitment__c.object-meta.xml'))!.content,
    ).children;
    expect(object.children.filter((c) => c.name !== 'fields').map((c) => fold(c.text))).toEqual(
      own.map((c) => fold(c.text)),
    );
  });

  it('carries a Lightning web component bundle as it is', () => {
    const bundle = [
      { path: `${METADATA_DIR}/lwc/batonCard/batonCard.js`, content: 'export default class {}' },
      { path: `${METADATA_DIR}/lwc/batonCard/batonCard.js-meta.xml`, content: '<x/>' },
    ];
    const withCard = metadataPackage([...source, ...bundle]);
    expect(withCard.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['lwc/batonCard/batonCard.js', 'lwc/batonCard/batonCard.js-meta.xml']),
    );
    expect(withCard.components).toContainEqual({
      type: 'LightningComponentBundle',
      fullName: 'batonCard',
    });
  });

  it('refuses a file it does not know how to deploy, rather than leaving it out', () => {
    expect(() =>
      metadataPackage([...source, { path: `${METADATA_DIR}/weird/thing.txt`, content: '' }]),
    ).toThrow(
      new MetadataPackageError(
        `${METADATA_DIR}/weird/thing.txt: Baton does not know how to deploy this file`,
      ),
    );
  });

  it('refuses a field whose fullName is not its file name, and XML that does not parse', () => {
    const field = (name: string, body: string) => ({
      path: `${METADATA_DIR}/objects/Opportunity/fields/${name}.field-meta.xml`,
      content: `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomField>\n`,
    });
    expect(() => metadataPackage([field('A__c', '<fullName>B__c</fullName>')])).toThrow(
      'its fullName is not A__c',
    );
    expect(() => metadataPackage([field('A__c', '<fullName>A__c</label>')])).toThrow(
      MetadataPackageError,
    );
  });
});
