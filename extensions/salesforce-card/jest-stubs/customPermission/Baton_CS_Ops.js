// `@salesforce/customPermission/Baton_CS_Ops` in the card's tests: a user without it, as most users
// are. A test file that needs the permission mocks this module (jest.mock).
export default false;
