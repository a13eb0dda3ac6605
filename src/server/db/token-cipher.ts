// OAuth tokens are encrypted before they reach the database (AES-256-GCM), so a leaked backup
// or a read-only SQL injection yields nothing usable. The stored text is an envelope:
//   v1.<key id>.<iv>.<auth tag>.<ciphertext>   (base64url parts)
// The key id (a hash prefix of the key, which reveals nothing about it) turns "wrong key" into
// a clear message instead of a bare authentication failure. The caller's context (portal and
// field) is authenticated data, so a token copied into another row or field fails to decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { KEY_BYTES } from './encryption-key';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class TokenDecryptionError extends Error {
  override name = 'TokenDecryptionError';
}

export interface TokenCipher {
  readonly keyId: string;
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== KEY_BYTES) {
    throw new TokenDecryptionError(`An AES-256 key is ${KEY_BYTES} bytes, not ${key.length}`);
  }
  const keyId = keyIdOf(key);
  return {
    keyId,
    encrypt(plaintext, context) {
      // A fresh random IV per encryption: GCM's security collapses if an IV repeats under a key.
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, keyId, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(envelope, context) {
      const [version, storedKeyId, iv, tag, ciphertext, ...rest] = envelope.split('.');
      if (
        version !== VERSION ||
        !storedKeyId ||
        !iv ||
        !tag ||
        ciphertext === undefined ||
        rest.length > 0
      ) {
        throw new TokenDecryptionError('A stored token is not in a format this version can read');
      }
      if (storedKeyId !== keyId) {
        throw new TokenDecryptionError(
          `A stored token was encrypted with another key (id ${storedKeyId}); the current ` +
            `BATON_ENCRYPTION_KEY has id ${keyId}`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        // The crypto error says nothing useful and must not echo any part of the data.
        throw new TokenDecryptionError(
          'A stored token failed authentication: it was altered or belongs elsewhere',
        );
      }
    },
  };
}
