// Baton's objects are found among a portal's schemas by name, whether provisioned as custom
// objects (the schemas API) or installed as the marketplace app's app objects (prefixed).
import { isSchemaOf } from '../../src/crm/hubspot/hubspot-metadata';

describe('isSchemaOf', () => {
  it.each([
    [{ name: 'baton_handoff', fullyQualifiedName: 'p7878787_baton_handoff' }, true],
    [{ name: 'a4242_baton_handoff' }, true],
    [{ name: 'app_object', fullyQualifiedName: 'a4242_baton_handoff' }, true],
    [{ name: 'baton_handoffs' }, false],
    [{ name: 'baton_handoff_archive' }, false],
    [{ name: 'my_baton_commitment' }, false],
  ])('%j is the handoff object: %s', (schema, expected) => {
    expect(isSchemaOf(schema, 'baton_handoff')).toBe(expected);
  });
});
