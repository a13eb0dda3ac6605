// The one Salesforce API version Baton speaks: the SFDX project's `sourceApiVersion`, the
// Flow's `apiVersion`, and (next) the jsforce connection's `version`, whose own default, 50.0,
// is years behind. 66.0 is Spring '26: every org has run it since early 2026, and every
// element the generated metadata uses exists in it. Raise it here, once, after checking the
// release notes for changed defaults.
export const SALESFORCE_API_VERSION = '66.0';
