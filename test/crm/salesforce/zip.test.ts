// The zip writer and reader behind the Metadata API package: round trips, bytes other tools
// read (a zip made by Info-ZIP's `zip` is read back here), and refusals of broken zips.
import { ZipFormatError, readZip, writeZip } from '../../../src/crm/salesforce/zip';

/** `zip -r -X fixture.zip d` (Info-ZIP 3.0): a folder entry, a stored file, an empty one, a deflated one. */
const INFO_ZIP_FIXTURE =
  'UEsDBAoAAAAAAIaKd10AAAAAAAAAAAAAAAACAAAAZC9QSwMECgAAAAAAhop3XYMW3IwBAAAAAQAAAAcAAABkL2IudHh0eF' +
  'BLAwQKAAAAAACGinddAAAAAAAAAAAAAAAABwAAAGQvZW1wdHlQSwMEFAAAAAgAhop3XVc3YoULAAAAIwAAAAcAAABkL2Eu' +
  'dHh0y0jNyclXyMBHAgBQSwECHgMKAAAAAACGinddAAAAAAAAAAAAAAAAAgAAAAAAAAAAABAA7UEAAAAAZC9QSwECHgMKAA' +
  'AAAACGinddgxbcjAEAAAABAAAABwAAAAAAAAABAAAApIEgAAAAZC9iLnR4dFBLAQIeAwoAAAAAAIaKd10AAAAAAAAAAAAA' +
  'AAAHAAAAAAAAAAAAAACkgUYAAABkL2VtcHR5UEsBAh4DFAAAAAgAhop3XVc3YoULAAAAIwAAAAcAAAAAAAAAAQAAAKSBaw' +
  'AAAGQvYS50eHRQSwUGAAAAAAQABADPAAAAmwAAAAAA';

const ENTRIES = [
  { path: 'package.xml', content: '<Package>\n'.repeat(200) },
  { path: 'objects/Baton_Handoff__c.object', content: 'x' },
  { path: 'static/bytes.bin', content: Buffer.from(Array.from({ length: 256 }, (_, i) => i)) },
  { path: 'objets/Überblick.txt', content: 'Grüße' },
  { path: 'empty.txt', content: '' },
];

const asBuffers = (entries: { path: string; content: Buffer | string }[]) =>
  entries.map(({ path, content }) => ({ path, content: Buffer.from(content) }));

describe('writeZip and readZip', () => {
  it('read back exactly what was written: text, bytes, a UTF-8 name and an empty file', () => {
    expect(readZip(writeZip(ENTRIES))).toEqual(asBuffers(ENTRIES));
  });

  it('deflate what shrinks and store what does not', () => {
    const zip = writeZip(ENTRIES);
    const methodOf = (name: string) => {
      const at = zip.indexOf(Buffer.from(name));
      return zip.readUInt16LE(at - 30 + 8);
    };
    expect(methodOf('package.xml')).toBe(8);
    expect(methodOf('objects/Baton_Handoff__c.object')).toBe(0);
    expect(zip.length).toBeLessThan(2000 + 256);
  });

  it('make the same bytes from the same files, with no clock in them', () => {
    expect(writeZip(ENTRIES).equals(writeZip(ENTRIES))).toBe(true);
  });

  it('write the headers the format defines: signatures, the CRC-32 of the data, the end record', () => {
    const zip = writeZip([{ path: 'hello.txt', content: 'hello' }]);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt32LE(14)).toBe(0x3610a686); // CRC-32 of "hello"
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(1);
    expect(zip.readUInt32LE(zip.readUInt32LE(end + 16))).toBe(0x02014b50);
  });

  it('read a zip another tool wrote, leaving out its folder entries', () => {
    const files = readZip(Buffer.from(INFO_ZIP_FIXTURE, 'base64'));
    expect(files.map((f) => [f.path, f.content.toString()])).toEqual([
      ['d/b.txt', 'x'],
      ['d/empty', ''],
      ['d/a.txt', 'hello hello hello hello hello hello'],
    ]);
  });

  it('refuse a zip whose data fails its CRC-32, or that is cut short', () => {
    const zip = writeZip([{ path: 'a.txt', content: 'abc' }]);
    const damaged = Buffer.from(zip);
    const data = 30 + 'a.txt'.length; // "abc" is stored: deflating would not shrink it
    damaged.writeUInt8(damaged.readUInt8(data) ^ 0xff, data);
    expect(() => readZip(damaged)).toThrow('corrupt zip: a.txt fails its CRC-32 check');
    expect(() => readZip(zip.subarray(0, zip.length - 30))).toThrow(ZipFormatError);
    expect(() => readZip(Buffer.from('not a zip at all, just some text'))).toThrow(
      'not a zip: no end of central directory record',
    );
  });

  it('refuse to inflate past a limit, so a small zip cannot fill memory', () => {
    const zip = writeZip([{ path: 'big.txt', content: 'a'.repeat(100_000) }]);
    expect(zip.length).toBeLessThan(1000);
    expect(() => readZip(zip, { maxBytes: 10_000 })).toThrow('inflates to more than 10000 bytes');
  });

  it('refuse paths that leave the package and names given twice', () => {
    for (const path of ['../etc/passwd', '/abs.txt', 'a//b', 'a\\b.txt', ''])
      expect(() => writeZip([{ path, content: 'x' }])).toThrow(ZipFormatError);
    expect(() =>
      writeZip([
        { path: 'a.txt', content: '1' },
        { path: 'a.txt', content: '2' },
      ]),
    ).toThrow('a.txt is in the zip twice');
  });
});
