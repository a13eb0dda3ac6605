// Deploying Baton's metadata with the Metadata REST API, against the test server's deployRequest:
// a fresh org gets everything, a second deploy changes nothing, failures are named component by
// component and roll the whole deploy back, and a deploy that never ends is not waited on forever.
import { salesforceFiles, METADATA_DIR } from '../../../src/crm/salesforce/generated-files';
import {
  type MetadataPackage,
  metadataPackage,
  packageXml,
} from '../../../src/crm/salesforce/metadata-package';
import {
  DEPLOY_OPTIONS,
  SalesforceDeployError,
  deployRequestBody,
} from '../../../src/crm/salesforce/salesforce-deploy';
import { testServerTarget } from '../../contract/salesforce-targets';

/** A field on Opportunity that points at an object no org has. */
const brokenField = {
  path: `${METADATA_DIR}/objects/Opportunity/fields/Baton_Broken__c.field-meta.xml`,
  content:
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    '    <fullName>Baton_Broken__c</fullName>\n    <label>Broken</label>\n' +
    '    <referenceTo>Nowhere__c</referenceTo>\n    <relationshipName>Broken</relationshipName>\n' +
    '    <type>Lookup</type>\n</CustomField>\n',
};

function withManifest(pkg: MetadataPackage, components: MetadataPackage['components']) {
  return {
    components,
    files: [{ path: 'package.xml', content: packageXml(components) }, ...pkg.files.slice(1)],
  };
}

describe('the deploy request body', () => {
  it('is multipart with a json part of deploy options and a file part holding the zip', async () => {
    const zip = Buffer.from('PK zip bytes');
    const { body, contentType } = deployRequestBody(zip);
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    expect(JSON.parse(String(form.get('json')))).toEqual({ deployOptions: DEPLOY_OPTIONS });
    const file = form.get('file') as File;
    expect(file.name).toBe('baton.zip');
    expect(file.type).toBe('application/zip');
    expect(Buffer.from(await file.arrayBuffer()).equals(zip)).toBe(true);
    expect(DEPLOY_OPTIONS).toMatchObject({ rollbackOnError: true, singlePackage: true });
  });
});

describe('deploying the metadata to a fresh org', () => {
  it('creates every component, then passes the doctor; deploying again changes nothing', async () => {
    const target = await testServerTarget({ deployed: false });
    try {
      const before = await target.adapter.doctor();
      expect(before.filter((check) => !check.ok).map((check) => check.name)).toEqual([
        'Baton_Handoff__c',
        'Baton_Commitment__c',
        'Baton_Stakeholder__c',
        'Baton_Handoff_Requested__e',
        'Opportunity',
      ]);

      const first = await target.adapter.provision();
      expect(first.changed).toBe(true);
      expect(first.steps).toContainEqual({
        what: 'CustomObject Baton_Handoff__c',
        outcome: 'created',
      });
      expect(first.steps).toContainEqual({
        what: 'Flow Baton_Request_Handoff_When_Won',
        outcome: 'created',
      });
      const opportunityFields = metadataPackage().components.filter((c) =>
        c.fullName.startsWith('Opportunity.'),
      ).length;
      expect(first.steps).toContainEqual({
        what: `fields on Opportunity (${opportunityFields})`,
        outcome: 'created',
      });
      expect((await target.adapter.doctor()).filter((check) => !check.ok)).toEqual([]);

      const again = await target.adapter.provision();
      expect(again.changed).toBe(false);
      expect(again.steps.map((step) => step.what)).toEqual(first.steps.map((step) => step.what));
      expect(target.server.metadata.deployRequests).toBe(2);
    } finally {
      await target.close();
    }
  });

  it('says what changed when the metadata did: an updated field, a new one', async () => {
    const target = await testServerTarget({ deployed: true });
    try {
      const files = salesforceFiles().map((file) =>
        file.path.endsWith('/Baton_Handoff__c/fields/Gaps__c.field-meta.xml')
          ? { ...file, content: file.content.replace('<label>', '<label>Open ') }
          : file,
      );
      const field = {
        path: `${METADATA_DIR}/objects/Opportunity/fields/Baton_Extra__c.field-meta.xml`,
        content: brokenField.content
          .replace(/Baton_Broken__c/g, 'Baton_Extra__c')
          .replace(/<referenceTo>.*\n.*\n/, '')
          .replace('<type>Lookup</type>', '<length>10</length>\n    <type>Text</type>'),
      };
      const report = await target.adapter.deployMetadata(metadataPackage([...files, field]));
      expect(report.steps.filter((step) => step.outcome !== 'unchanged')).toEqual([
        { what: 'fields on Baton_Handoff__c (1)', outcome: 'updated' },
        { what: 'fields on Opportunity (1)', outcome: 'created' },
      ]);
    } finally {
      await target.close();
    }
  });
});

describe('a deploy that fails', () => {
  it('names each component failure with its file, and changes nothing in the org', async () => {
    const target = await testServerTarget({ deployed: false });
    try {
      const pkg = metadataPackage([...salesforceFiles(), brokenField]);
      const failure = target.adapter.deployMetadata(pkg);
      await expect(failure).rejects.toBeInstanceOf(SalesforceDeployError);
      await expect(failure).rejects.toThrow(
        /^Salesforce refused the metadata deploy 0Af\w+ \(Failed, 1 component error\(s\)\); nothing was changed:\n {2}CustomField Opportunity\.Baton_Broken__c \(objects\/Opportunity\.object\): referenceTo value of 'Nowhere__c' does not resolve to a valid sObject type$/,
      );
      expect(target.server.metadata.has('CustomObject', 'Baton_Handoff__c')).toBe(false);
    } finally {
      await target.close();
    }
  });

  it('is refused when package.xml and the zip disagree, either way', async () => {
    const target = await testServerTarget({ deployed: false });
    try {
      const pkg = metadataPackage();
      const unnamed = withManifest(
        pkg,
        pkg.components.filter((c) => c.fullName !== 'Baton_Handoff__c.Gaps__c'),
      );
      await expect(target.adapter.deployMetadata(unnamed)).rejects.toThrow(
        'CustomField Baton_Handoff__c.Gaps__c (objects/Baton_Handoff__c.object): CustomField Baton_Handoff__c.Gaps__c is in the zip but not named in package.xml',
      );
      const missing = withManifest(pkg, [
        ...pkg.components,
        { type: 'Flow', fullName: 'Baton_Missing_Flow' },
      ]);
      await expect(target.adapter.deployMetadata(missing)).rejects.toThrow(
        "An object 'Baton_Missing_Flow' of type Flow was named in package.xml, but was not found in zipped directory",
      );
    } finally {
      await target.close();
    }
  });
});

describe('waiting for a deploy', () => {
  it('checks less and less often, and gives up after the timeout with the deploy id', async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const target = await testServerTarget(
      { deployed: false, deployPolls: 1_000 },
      {
        deploy: {
          firstPollMs: 100,
          maxPollMs: 1_000,
          timeoutMs: 5_000,
          now: () => clock,
          sleep: async (ms) => {
            sleeps.push(ms);
            clock += ms;
          },
        },
      },
    );
    try {
      await expect(target.adapter.provision()).rejects.toThrow(
        /^the metadata deploy 0Af\w+ is still InProgress after 5 s: follow it in Setup › Deployment Status/,
      );
      expect(sleeps.slice(0, 6)).toEqual([100, 200, 400, 800, 1000, 1000]);
    } finally {
      await target.close();
    }
  });
});
