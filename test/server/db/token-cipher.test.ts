// Tokens at rest: AES-256-GCM envelopes that only the right key and the right row can open.
import { TokenDecryptionError, createTokenCipher } from '../../../src/server/db';

const key = (seed: number) => Buffer.alloc(32, seed);
const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

describe('the token cipher', () => {
  const cipher = createTokenCipher(key(1));

  it('round-trips a token', () => {
    const envelope = cipher.encrypt(TOKEN, 'installs:42:access');
    expect(cipher.decrypt(envelope, 'installs:42:access')).toBe(TOKEN);
  });

  it('never writes the token itself, and encrypts the same token differently each time', () => {
    const first = cipher.encrypt(TOKEN, 'ctx');
    const second = cipher.encrypt(TOKEN, 'ctx');
    expect(first).not.toContain(TOKEN);
    expect(first).not.toContain(Buffer.from(TOKEN).toString('base64url'));
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses to decrypt with another key, saying which key the token needs', () => {
    const envelope = cipher.encrypt(TOKEN, 'ctx');
    const other = createTokenCipher(key(2));
    expect(() => other.decrypt(envelope, 'ctx')).toThrow(TokenDecryptionError);
    expect(() => other.decrypt(envelope, 'ctx')).toThrow(
      `A stored token was encrypted with another key (id ${cipher.keyId}); the current BATON_ENCRYPTION_KEY has id ${other.keyId}`,
    );
  });

  it('refuses a token moved to another row or field', () => {
    const envelope = cipher.encrypt(TOKEN, 'installs:42:access');
    expect(() => cipher.decrypt(envelope, 'installs:43:access')).toThrow(
      'A stored token failed authentication: it was altered or belongs elsewhere',
    );
    expect(() => cipher.decrypt(envelope, 'installs:42:refresh')).toThrow(TokenDecryptionError);
  });

  it('refuses an altered ciphertext and an unknown format without echoing either', () => {
    const parts = cipher.encrypt(TOKEN, 'ctx').split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'ctx')).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt(TOKEN, 'ctx')).toThrow(
      'A stored token is not in a format this version can read',
    );
  });
});
