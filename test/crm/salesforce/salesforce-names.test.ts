// Name mapping and XML writing: the two small pieces every generated file goes through.
import { el, inMetadataOrder, metadataDocument } from '../../../src/crm/salesforce/metadata-xml';
import {
  childRelationshipName,
  customFieldName,
  customObjectName,
  developerName,
  salesforceObjectName,
} from '../../../src/crm/salesforce/salesforce-names';

describe('salesforce names', () => {
  it('turns snake_case into Salesforce API names', () => {
    expect(customFieldName('handoff_key')).toBe('Handoff_Key__c');
    expect(customObjectName('handoff')).toBe('Baton_Handoff__c');
    expect(salesforceObjectName('deal')).toBe('Opportunity');
    expect(salesforceObjectName('stakeholder')).toBe('Baton_Stakeholder__c');
    expect(childRelationshipName('commitment')).toBe('Baton_Commitments');
  });

  it('refuses a name Salesforce would refuse, saying why', () => {
    expect(() => developerName('x'.repeat(41))).toThrow('is 41 characters; Salesforce allows 40');
    expect(() => developerName('double__underscore')).toThrow('gives no valid Salesforce name');
    expect(() => developerName('2fa_enabled')).toThrow('gives no valid Salesforce name');
    expect(() => developerName('trailing_')).toThrow('gives no valid Salesforce name');
  });
});

describe('metadata XML', () => {
  it('escapes text and indents four spaces, ending with a newline', () => {
    const xml = metadataDocument('CustomField', [
      el('label', 'R&D <"quoted">'),
      el('valueSet', [el('restricted', true)]),
      el('empty', []),
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <label>R&amp;D &lt;&quot;quoted&quot;&gt;</label>',
        '    <valueSet>',
        '        <restricted>true</restricted>',
        '    </valueSet>',
        '    <empty/>',
        '</CustomField>',
        '',
      ].join('\n'),
    );
  });

  it('orders elements as the Metadata API reads them: fullName, then alphabetical, repeats kept in order', () => {
    const ordered = inMetadataOrder([
      el('type', 'Text'),
      el('value', 'b'),
      el('fullName', 'X__c'),
      el('label', 'X'),
      el('value', 'a'),
    ]);
    expect(ordered.map((e) => `${e.name}=${String(e.content)}`)).toEqual([
      'fullName=X__c',
      'label=X',
      'type=Text',
      'value=b',
      'value=a',
    ]);
  });
});
