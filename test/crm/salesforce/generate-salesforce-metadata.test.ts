// The script that writes build/salesforce: where the files go (the Lightning card among them),
// that a second run changes nothing, and that a file it did not generate is removed before the
// next deploy.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import {
  SALESFORCE_OUT_DIR,
  generateSalesforceMetadata,
} from '../../../scripts/generate-salesforce-metadata';
import { lightningCardFiles } from '../../../scripts/salesforce/bundle-lightning-card';
import { salesforceFiles } from '../../../src/crm/salesforce/generated-files';

/** Every file the script writes: the metadata, and the Lightning card with its core bundle. */
async function allFiles() {
  return [...salesforceFiles(), ...(await lightningCardFiles())];
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baton-salesforce-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateSalesforceMetadata', () => {
  it('writes the SFDX project into build/salesforce', async () => {
    const report = await generateSalesforceMetadata(root);
    const expected = (await allFiles()).map((file) => `${SALESFORCE_OUT_DIR}/${file.path}`);
    expect(report.written).toEqual([...expected].sort());
    expect(report.removed).toEqual([]);
    expect(report.written).toContain('build/salesforce/sfdx-project.json');
    expect(report.written).toContain(
      'build/salesforce/force-app/main/default/objects/Baton_Handoff__c/Baton_Handoff__c.object-meta.xml',
    );
    const flow = salesforceFiles().find((file) => file.path.endsWith('.flow-meta.xml'));
    expect(await readFile(join(root, SALESFORCE_OUT_DIR, flow?.path ?? ''), 'utf8')).toBe(
      flow?.content,
    );
  });

  it('writes the Lightning card and the batonCore bundle beside the metadata', async () => {
    const report = await generateSalesforceMetadata(root);
    const lwc = `${SALESFORCE_OUT_DIR}/force-app/main/default/lwc`;
    expect(report.written).toEqual(
      expect.arrayContaining([
        `${lwc}/batonHandoffCard/batonHandoffCard.html`,
        `${lwc}/batonHandoffCard/batonHandoffCard.js`,
        `${lwc}/batonHandoffCard/batonHandoffCard.css`,
        `${lwc}/batonHandoffCard/batonHandoffCard.js-meta.xml`,
        `${lwc}/batonCore/batonCore.js`,
        `${lwc}/batonCore/batonCore.js-meta.xml`,
        `${SALESFORCE_OUT_DIR}/force-app/main/default/customPermissions/Baton_CS_Manager.customPermission-meta.xml`,
      ]),
    );
    const meta = await readFile(
      join(root, lwc, 'batonHandoffCard/batonHandoffCard.js-meta.xml'),
      'utf8',
    );
    expect(XMLValidator.validate(meta)).toBe(true);
    expect(meta).toContain('<target>lightning__RecordPage</target>');
    expect(report.written.some((path) => path.includes('__tests__'))).toBe(false);
  });

  it('changes nothing on a second run', async () => {
    await generateSalesforceMetadata(root);
    const again = await generateSalesforceMetadata(root);
    expect(again.written).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(again.unchanged).toHaveLength((await allFiles()).length);
  });

  it('removes a file it did not generate, such as a field dropped from a definition', async () => {
    await generateSalesforceMetadata(root);
    const stale = `${SALESFORCE_OUT_DIR}/force-app/main/default/objects/Baton_Handoff__c/fields/Old__c.field-meta.xml`;
    await mkdir(join(root, stale, '..'), { recursive: true });
    await writeFile(join(root, stale), '<CustomField/>');
    const report = await generateSalesforceMetadata(root);
    expect(report.removed).toEqual([stale]);
    await expect(readFile(join(root, stale))).rejects.toThrow();
  });
});
