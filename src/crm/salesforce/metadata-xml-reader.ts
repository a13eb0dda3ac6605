// Reads back the metadata XML that metadata-xml.ts writes: the root element and its children
// as they stand in the text, enough to recompose decomposed SFDX files into Metadata API files
// and for the test server to see what a package holds. Not a general XML parser: comments,
// CDATA and processing instructions past the declaration are refused, and the generated files
// have none.

export interface XmlChild {
  name: string;
  /** The element exactly as written, from `<name` to its end tag. */
  text: string;
}

export interface XmlRoot {
  name: string;
  /** The root's `xmlns`, if any. */
  namespace: string | null;
  children: XmlChild[];
}

export class MetadataXmlError extends Error {}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;

/** The root element of an XML document and its child elements, in order. */
export function readXmlRoot(xml: string, file = 'the file'): XmlRoot {
  const body = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, '');
  if (/<!|<\?/.test(body))
    throw new MetadataXmlError(`${file}: comments, CDATA and declarations are not supported`);
  const stack: { name: string; start: number }[] = [];
  const children: XmlChild[] = [];
  let root: XmlRoot | null = null;
  let closedAt = -1;
  TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  let scanned = 0;
  while ((match = TAG.exec(body)) !== null) {
    const [whole, closing, name, attributes, selfClosing] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (body.slice(scanned, match.index).includes('<'))
      throw new MetadataXmlError(`${file}: malformed tag near offset ${scanned}`);
    scanned = match.index + whole.length;
    if (closedAt >= 0) throw new MetadataXmlError(`${file}: content after the root element`);
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name)
        throw new MetadataXmlError(`${file}: </${name}> closes <${open?.name ?? 'nothing'}>`);
      if (stack.length === 1) children.push({ name, text: body.slice(open.start, scanned) });
      if (stack.length === 0) closedAt = scanned;
      continue;
    }
    if (root === null) {
      const namespace = /\bxmlns\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? null;
      root = { name, namespace, children };
      if (selfClosing) closedAt = scanned;
      else stack.push({ name, start: match.index });
      continue;
    }
    if (selfClosing) {
      if (stack.length === 1) children.push({ name, text: whole });
      continue;
    }
    stack.push({ name, start: match.index });
  }
  if (root === null || stack.length > 0 || body.slice(scanned).includes('<'))
    throw new MetadataXmlError(`${file}: not a complete XML document`);
  return root;
}

/** The text of a simple child element (`<fullName>X</fullName>` → `X`), unescaped. */
export function textOf(child: XmlChild | undefined): string | null {
  const inner = /^<[^>]+>([^<]*)<\/[^>]+>$/.exec(child?.text ?? '')?.[1];
  if (inner === undefined) return null;
  return inner
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The child elements of an element's text (one level down). */
export function childrenOf(child: XmlChild, file = 'the file'): XmlChild[] {
  return readXmlRoot(child.text, file).children;
}
