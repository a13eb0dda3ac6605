// The generated SFDX source (generated-files.ts) as a Metadata API package: what `sf project
// deploy` would send. Source format splits an object into a folder (the object's file, then one
// file per field); the Metadata API wants one `objects/<Object>.object` with its fields inside,
// in the type's element order. Other types lose their `-meta.xml` suffix; bundles (LWC) travel
// as they are. package.xml names every component, on Baton's API version. A file in a folder
// this module does not know stops the package rather than being left out of the deploy.
import { SALESFORCE_API_VERSION } from './api-version';
import { type GeneratedFile, METADATA_DIR, salesforceFiles } from './generated-files';
import { METADATA_NAMESPACE, type XmlElement, el, metadataDocument } from './metadata-xml';
import { MetadataXmlError, type XmlChild, readXmlRoot, textOf } from './metadata-xml-reader';
import { type ZipEntry, writeZip } from './zip';

export interface MetadataComponent {
  type: string;
  fullName: string;
}

export interface MetadataPackage {
  /** package.xml first, then the components' files, by path. */
  files: ZipEntry[];
  components: MetadataComponent[];
}

/** Types that live in an object's folder: folder, file suffix, type, element in the object. */
export const OBJECT_CHILD_TYPES = [
  { folder: 'fields', suffix: 'field', type: 'CustomField', element: 'fields' },
  { folder: 'listViews', suffix: 'listView', type: 'ListView', element: 'listViews' },
  {
    folder: 'compactLayouts',
    suffix: 'compactLayout',
    type: 'CompactLayout',
    element: 'compactLayouts',
  },
  {
    folder: 'validationRules',
    suffix: 'validationRule',
    type: 'ValidationRule',
    element: 'validationRules',
  },
  { folder: 'recordTypes', suffix: 'recordType', type: 'RecordType', element: 'recordTypes' },
  { folder: 'webLinks', suffix: 'webLink', type: 'WebLink', element: 'webLinks' },
] as const;

/** One file per component: folder, source suffix (`X.flow-meta.xml`), Metadata API suffix. */
export const FILE_TYPES = [
  { folder: 'flows', suffix: 'flow', type: 'Flow' },
  { folder: 'permissionsets', suffix: 'permissionset', type: 'PermissionSet' },
  { folder: 'layouts', suffix: 'layout', type: 'Layout' },
  { folder: 'flexipages', suffix: 'flexipage', type: 'FlexiPage' },
  { folder: 'tabs', suffix: 'tab', type: 'CustomTab' },
  { folder: 'applications', suffix: 'app', type: 'CustomApplication' },
  { folder: 'customPermissions', suffix: 'customPermission', type: 'CustomPermission' },
  { folder: 'quickActions', suffix: 'quickAction', type: 'QuickAction' },
  { folder: 'globalValueSets', suffix: 'globalValueSet', type: 'GlobalValueSet' },
  { folder: 'messageChannels', suffix: 'messageChannel', type: 'LightningMessageChannel' },
] as const;

/** Folders whose components are folders of files, copied as they are. */
export const BUNDLE_TYPES = [
  { folder: 'lwc', type: 'LightningComponentBundle' },
  { folder: 'aura', type: 'AuraDefinitionBundle' },
] as const;

export class MetadataPackageError extends Error {}

interface ObjectParts {
  own: XmlChild[] | null;
  children: { element: string; type: string; name: string; child: XmlChild[] }[];
}

const indentBy = (text: string, spaces: string) => text.replace(/\n/g, `\n${spaces}`);

/**
 * One CustomObject file: the object's own elements and its children's, in the type's order
 * (`fullName` first, then by element name, as metadata-xml.ts's inMetadataOrder). An element's
 * text keeps the indentation it had one level under a root; a child's moves one level down.
 */
function objectDocument(parts: ObjectParts): string {
  const elements: { name: string; block: string }[] = [
    ...(parts.own ?? []).map((child) => ({ name: child.name, block: `    ${child.text}` })),
    ...parts.children.map(({ element, child }) => ({
      name: element,
      block: [
        `    <${element}>`,
        ...child.map((c) => `        ${indentBy(c.text, '    ')}`),
        `    </${element}>`,
      ].join('\n'),
    })),
  ];
  const rank = (name: string) => (name === 'fullName' ? '' : name);
  elements.sort((a, b) => (rank(a.name) < rank(b.name) ? -1 : rank(a.name) > rank(b.name) ? 1 : 0));
  const body = elements.map((e) => e.block).join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${METADATA_NAMESPACE}">\n` +
    `${body}\n</CustomObject>\n`
  );
}

function parse(file: GeneratedFile, expectedRoot: string): XmlChild[] {
  try {
    const root = readXmlRoot(file.content, file.path);
    if (root.name !== expectedRoot)
      throw new MetadataPackageError(
        `${file.path}: expected <${expectedRoot}>, found <${root.name}>`,
      );
    return root.children;
  } catch (error) {
    if (error instanceof MetadataXmlError) throw new MetadataPackageError(error.message);
    throw error;
  }
}

/** The package for these SFDX source files (by default, the ones `npm run build` generates). */
export function metadataPackage(
  source: readonly GeneratedFile[] = salesforceFiles(),
): MetadataPackage {
  const objects = new Map<string, ObjectParts>();
  const objectOf = (name: string) => {
    let parts = objects.get(name);
    if (!parts) objects.set(name, (parts = { own: null, children: [] }));
    return parts;
  };
  const files: ZipEntry[] = [];
  const components: MetadataComponent[] = [];
  const prefix = `${METADATA_DIR}/`;
  for (const file of source) {
    if (!file.path.startsWith(prefix)) {
      if (file.path.includes('/'))
        throw new MetadataPackageError(`${file.path} is outside ${METADATA_DIR}`);
      continue; // sfdx-project.json, README.md: the project's, not the org's
    }
    const path = file.path.slice(prefix.length);
    const [folder, ...rest] = path.split('/');
    const object = folder === 'objects' ? rest[0] : undefined;
    if (object !== undefined && rest.length === 2 && rest[1] === `${object}.object-meta.xml`) {
      objectOf(object).own = parse(file, 'CustomObject');
      continue;
    }
    if (object !== undefined && rest.length === 3) {
      const kind = OBJECT_CHILD_TYPES.find(
        (t) => t.folder === rest[1] && rest[2]!.endsWith(`.${t.suffix}-meta.xml`),
      );
      if (kind) {
        const name = rest[2]!.slice(0, -`.${kind.suffix}-meta.xml`.length);
        const child = parse(file, kind.type);
        if (textOf(child.find((c) => c.name === 'fullName')) !== name)
          throw new MetadataPackageError(`${file.path}: its fullName is not ${name}`);
        objectOf(object).children.push({ element: kind.element, type: kind.type, name, child });
        continue;
      }
    }
    const single = FILE_TYPES.find((t) => t.folder === folder);
    const suffix = `.${single?.suffix}-meta.xml`;
    if (single && rest.length === 1 && rest[0]!.endsWith(suffix)) {
      const name = rest[0]!.slice(0, -suffix.length);
      parse(file, single.type);
      files.push({ path: `${folder}/${name}.${single.suffix}`, content: file.content });
      components.push({ type: single.type, fullName: name });
      continue;
    }
    const bundle = BUNDLE_TYPES.find((t) => t.folder === folder);
    if (bundle && rest.length >= 2) {
      files.push({ path, content: file.content });
      if (!components.some((c) => c.type === bundle.type && c.fullName === rest[0]))
        components.push({ type: bundle.type, fullName: rest[0]! });
      continue;
    }
    throw new MetadataPackageError(`${file.path}: Baton does not know how to deploy this file`);
  }
  for (const [name, parts] of objects) {
    files.push({ path: `objects/${name}.object`, content: objectDocument(parts) });
    // A standard object (Opportunity) ships only its new fields, not the object's settings.
    if (parts.own !== null) components.push({ type: 'CustomObject', fullName: name });
    for (const child of parts.children)
      components.push({ type: child.type, fullName: `${name}.${child.name}` });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files: [{ path: 'package.xml', content: packageXml(components) }, ...files],
    components,
  };
}

export function packageXml(components: readonly MetadataComponent[]): string {
  const byType = new Map<string, string[]>();
  for (const { type, fullName } of components)
    byType.set(type, [...(byType.get(type) ?? []), fullName]);
  const types: XmlElement[] = [...byType.keys()].sort().map((type) =>
    el('types', [
      ...byType
        .get(type)!
        .sort()
        .map((member) => el('members', member)),
      el('name', type),
    ]),
  );
  return metadataDocument('Package', [...types, el('version', SALESFORCE_API_VERSION)]);
}

/** The package as the zip a deploy sends. */
export function metadataPackageZip(pkg: MetadataPackage = metadataPackage()): Buffer {
  return writeZip(pkg.files);
}
