// BATON_PUBLIC_URL as the HubSpot project is built with it: checked before anything points at it.
import { BACKEND_PATHS, backendUrl, publicUrlFrom } from '../../src/crm/hubspot/public-url';

describe('publicUrlFrom', () => {
  it('takes BATON_PUBLIC_URL without its trailing slashes', () => {
    expect(publicUrlFrom({ BATON_PUBLIC_URL: 'https://baton.example.com/' })).toEqual({
      base: 'https://baton.example.com',
      defaulted: false,
    });
    expect(publicUrlFrom({ BATON_PUBLIC_URL: ' https://example.com/baton// ' }).base).toBe(
      'https://example.com/baton',
    );
  });

  it('defaults to the local backend on PORT, 3000 when PORT is unset too, and says so', () => {
    expect(publicUrlFrom({})).toEqual({ base: 'http://localhost:3000', defaulted: true });
    expect(publicUrlFrom({ BATON_PUBLIC_URL: '  ', PORT: '4100' })).toEqual({
      base: 'http://localhost:4100',
      defaulted: true,
    });
  });

  it('accepts plain http for a backend on this machine only', () => {
    expect(publicUrlFrom({ BATON_PUBLIC_URL: 'http://127.0.0.1:3000' }).base).toBe(
      'http://127.0.0.1:3000',
    );
    expect(() => publicUrlFrom({ BATON_PUBLIC_URL: 'http://baton.example.com' })).toThrow(
      'BATON_PUBLIC_URL: HubSpot calls HTTPS URLs only; http is accepted for localhost alone, got "http://baton.example.com"',
    );
  });

  it.each([
    ['baton.example.com', 'expected an http(s) URL such as https://baton.example.com'],
    ['ftp://baton.example.com', 'expected an http(s) URL such as https://baton.example.com'],
    ['https://baton.example.com/?tenant=1', 'expected a base URL without a query or fragment'],
    ['https://baton.example.com/#top', 'expected a base URL without a query or fragment'],
  ])('refuses %s, naming the variable', (value, reason) => {
    expect(() => publicUrlFrom({ BATON_PUBLIC_URL: value })).toThrow(
      `BATON_PUBLIC_URL: ${reason}, got ${JSON.stringify(value)}`,
    );
  });

  it('refuses a PORT that is not a port', () => {
    expect(() => publicUrlFrom({ PORT: 'eighty' })).toThrow('PORT: expected a port number');
  });
});

describe('backendUrl', () => {
  it('joins the base and a backend path with one slash', () => {
    expect(backendUrl('https://example.com/baton/', BACKEND_PATHS.webhooks)).toBe(
      'https://example.com/baton/hubspot/webhooks',
    );
    expect(backendUrl('https://baton.example.com', BACKEND_PATHS.startHandoffAction)).toBe(
      'https://baton.example.com/hubspot/actions/start-handoff',
    );
  });
});
