// XML writing for Salesforce metadata files. The Metadata API reads each type as an XSD
// sequence and refuses an element out of place ("Element … invalid at this location"), so the
// order of the elements is the generator's business; this module only writes them, with
// stable bytes: four-space indentation, one element a line, escaped text, a final newline.

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

export type XmlValue = string | number | boolean;

export interface XmlElement {
  name: string;
  /** Text content, or child elements (an empty list writes `<name/>`). */
  content: XmlValue | readonly XmlElement[];
  /** Only a Lightning component's js-meta.xml has any (`<targetConfig targets="…">`). */
  attributes?: Readonly<Record<string, string>>;
}

export function el(
  name: string,
  content: XmlValue | readonly XmlElement[],
  attributes?: Readonly<Record<string, string>>,
): XmlElement {
  return attributes ? { name, content, attributes } : { name, content };
}

/** Elements for the entries that are set, in the order given: `undefined` leaves one out. */
export function present(
  entries: ReadonlyArray<readonly [string, XmlValue | readonly XmlElement[] | undefined]>,
): XmlElement[] {
  return entries.flatMap(([name, content]) => (content === undefined ? [] : [el(name, content)]));
}

/**
 * Most metadata types (CustomObject, CustomField, CustomValue, PermissionSet, Flow itself)
 * declare their elements alphabetically after the inherited `fullName`: this puts a list in
 * that order. The sort is stable, so repeated elements (`fields`, `value`) keep their order.
 */
export function inMetadataOrder(elements: readonly XmlElement[]): XmlElement[] {
  const rank = (element: XmlElement) => (element.name === 'fullName' ? '' : element.name);
  return [...elements].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function writeElement(element: XmlElement, depth: number, lines: string[]): void {
  const indent = '    '.repeat(depth);
  const { name, content } = element;
  const open = `${name}${Object.entries(element.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')}`;
  if (!Array.isArray(content)) {
    lines.push(`${indent}<${open}>${escapeXml(String(content))}</${name}>`);
    return;
  }
  const children = content as readonly XmlElement[];
  if (children.length === 0) {
    lines.push(`${indent}<${open}/>`);
    return;
  }
  lines.push(`${indent}<${open}>`);
  for (const child of children) writeElement(child, depth + 1, lines);
  lines.push(`${indent}</${name}>`);
}

/** A whole metadata file: the declaration, then `root` in the metadata namespace. */
export function metadataDocument(root: string, children: readonly XmlElement[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<${root} xmlns="${METADATA_NAMESPACE}">`);
  for (const child of children) writeElement(child, 1, lines);
  lines.push(`</${root}>`);
  return `${lines.join('\n')}\n`;
}
