// The OAuth state: signed, expiring, and refused with a reason when it is not Baton's.
import { OAuthStateError, STATE_TTL_MS, createStateSigner } from '../../../src/server/oauth';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('the OAuth state', () => {
  let now = NOW;
  const signer = createStateSigner({ secret: 'client-secret', now: () => now });
  beforeEach(() => {
    now = NOW;
  });

  const refusal = (state: string) => {
    try {
      signer.verify(state);
    } catch (error) {
      if (error instanceof OAuthStateError) return error;
      throw error;
    }
    throw new Error('the state was accepted');
  };

  it('comes back with its nonce, its time and where to return to', () => {
    const state = signer.issue('https://app.hubspot.com/contacts/42');
    expect(signer.verify(state)).toEqual({
      nonce: expect.stringMatching(/^[\w-]{22}$/),
      issuedAt: NOW,
      returnTo: 'https://app.hubspot.com/contacts/42',
    });
  });

  it('is different every time', () => {
    expect(signer.issue()).not.toBe(signer.issue());
  });

  it('is good for ten minutes and not a moment longer', () => {
    const state = signer.issue();
    now = NOW + STATE_TTL_MS;
    expect(signer.verify(state).issuedAt).toBe(NOW);
    now = NOW + STATE_TTL_MS + 1;
    expect(refusal(state)).toMatchObject({
      reason: 'expired',
      message: 'the install link expired (it is good for 10 minutes)',
    });
  });

  it('refuses a state whose contents were changed', () => {
    const [body, signature] = signer.issue().split('.');
    const forged = Buffer.from(JSON.stringify({ n: 'x'.repeat(22), t: NOW })).toString('base64url');
    expect(refusal(`${forged}.${signature}`).reason).toBe('tampered');
    expect(refusal(`${body}.${signature!.slice(0, -2)}AA`).reason).toBe('tampered');
  });

  it('refuses a state signed with another secret', () => {
    const other = createStateSigner({ secret: 'another-secret', now: () => now });
    expect(refusal(other.issue()).reason).toBe('tampered');
  });

  it('refuses what is not a state at all', () => {
    expect(refusal('').reason).toBe('malformed');
    expect(refusal('no-dot').reason).toBe('malformed');
    expect(refusal('a.b.c').reason).toBe('malformed');
  });

  it('refuses a state issued far in the future (a clock gone wrong)', () => {
    now = NOW + 5 * 60_000;
    const state = signer.issue();
    now = NOW;
    expect(refusal(state).reason).toBe('expired');
  });
});
