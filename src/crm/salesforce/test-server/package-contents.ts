// What a Metadata API package holds, as the test server's deploy sees it: the components
// package.xml names, and the components the zip's files hold, by where they sit (objects with
// their fields inside, one file per flow or permission set, folders of files for bundles). Each
// component carries a fingerprint of its XML, so a deploy of the same is no change, and the
// objects its lookups and master-detail fields point at.
import { BUNDLE_TYPES, FILE_TYPES, OBJECT_CHILD_TYPES } from '../metadata-package';
import { childrenOf, readXmlRoot, textOf } from '../metadata-xml-reader';
import type { ZipEntry } from '../zip';

export interface Component {
  type: string;
  fullName: string;
  fileName: string;
  fingerprint: string;
  /** Objects the component's relationship points at. */
  references: string[];
}

export interface PackageContents {
  /** `type fullName` of every member package.xml names. */
  listed: Set<string>;
  /** The components the files hold, by `type fullName`. */
  present: Map<string, Component>;
  /** Files that could not be read, with why. */
  unreadable: { fileName: string; problem: string }[];
}

export const keyOf = (type: string, fullName: string) => `${type} ${fullName}`;
const fold = (xml: string) => xml.replace(/\s+/g, ' ').trim();
const CHILD_ELEMENTS: ReadonlySet<string> = new Set(OBJECT_CHILD_TYPES.map((t) => t.element));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function objectComponents(entry: ZipEntry, object: string): Component[] {
  const root = readXmlRoot(String(entry.content), entry.path);
  if (root.name !== 'CustomObject')
    throw new Error(`expected <CustomObject>, found <${root.name}>`);
  const own = root.children.filter((child) => !CHILD_ELEMENTS.has(child.name));
  const found: Component[] = [];
  // A standard object's file may carry only its new fields: then it deploys no object.
  if (own.length > 0)
    found.push({
      type: 'CustomObject',
      fullName: object,
      fileName: entry.path,
      fingerprint: fold(own.map((c) => c.text).join('')),
      references: [],
    });
  for (const child of root.children) {
    const kind = OBJECT_CHILD_TYPES.find((t) => t.element === child.name);
    if (!kind) continue;
    const parts = childrenOf(child, entry.path);
    const value = (name: string) => textOf(parts.find((p) => p.name === name));
    const name = value('fullName');
    if (!name) throw new Error(`a <${child.name}> without its fullName`);
    if (kind.type === 'CustomField' && !value('type'))
      throw new Error(`Must specify a 'type' for field ${object}.${name}`);
    const referenceTo = value('referenceTo');
    found.push({
      type: kind.type,
      fullName: `${object}.${name}`,
      fileName: entry.path,
      fingerprint: fold(child.text),
      references: referenceTo ? [referenceTo] : [],
    });
  }
  return found;
}

function componentsOf(entry: ZipEntry): Component[] {
  const [folder, name, ...rest] = entry.path.split('/');
  if (folder === 'objects' && name?.endsWith('.object') && rest.length === 0)
    return objectComponents(entry, name.slice(0, -'.object'.length));
  const single = FILE_TYPES.find((t) => t.folder === folder);
  if (single && name?.endsWith(`.${single.suffix}`) && rest.length === 0) {
    const root = readXmlRoot(String(entry.content), entry.path);
    if (root.name !== single.type)
      throw new Error(`expected <${single.type}>, found <${root.name}>`);
    const fullName = name.slice(0, -`.${single.suffix}`.length);
    const fingerprint = fold(String(entry.content));
    return [{ type: single.type, fullName, fileName: entry.path, fingerprint, references: [] }];
  }
  const bundle = BUNDLE_TYPES.find((t) => t.folder === folder);
  if (bundle && name && rest.length > 0) {
    const fingerprint = `${rest.join('/')}:${fold(String(entry.content))}`;
    return [
      {
        type: bundle.type,
        fullName: name,
        fileName: `${folder}/${name}`,
        fingerprint,
        references: [],
      },
    ];
  }
  throw new Error('not a metadata file the Metadata API knows');
}

function listedIn(manifest: ZipEntry): Set<string> {
  const root = readXmlRoot(String(manifest.content), 'package.xml');
  if (root.name !== 'Package') throw new Error(`expected <Package>, found <${root.name}>`);
  const listed = new Set<string>();
  for (const types of root.children.filter((c) => c.name === 'types')) {
    const parts = childrenOf(types, 'package.xml');
    const type = textOf(parts.find((p) => p.name === 'name')) ?? '';
    for (const member of parts.filter((p) => p.name === 'members'))
      listed.add(keyOf(type, textOf(member) ?? ''));
  }
  return listed;
}

/** The package's contents; throws (with Salesforce's words) when package.xml is unreadable. */
export function packageContents(entries: readonly ZipEntry[]): PackageContents {
  const manifest = entries.find((entry) => entry.path === 'package.xml');
  if (!manifest) throw new Error('No package.xml found');
  let listed: Set<string>;
  try {
    listed = listedIn(manifest);
  } catch (error) {
    throw new Error(`Error parsing file: package.xml: ${messageOf(error)}`, { cause: error });
  }
  const present = new Map<string, Component>();
  const unreadable: PackageContents['unreadable'] = [];
  for (const entry of entries) {
    if (entry === manifest) continue;
    try {
      for (const component of componentsOf(entry)) {
        const key = keyOf(component.type, component.fullName);
        const known = present.get(key);
        // A bundle is one component over several files.
        present.set(
          key,
          known
            ? { ...known, fingerprint: `${known.fingerprint}\n${component.fingerprint}` }
            : component,
        );
      }
    } catch (error) {
      unreadable.push({ fileName: entry.path, problem: `Error parsing file: ${messageOf(error)}` });
    }
  }
  return { listed, present, unreadable };
}
