// Where the key that encrypts OAuth tokens at rest comes from: `BATON_ENCRYPTION_KEY` (32 random
// bytes, base64 or hex) in production. `npm start` may instead keep a generated key in its data
// folder, which protects nothing from someone who can read that folder but means a local
// install needs no setup; a server without the variable must refuse to start.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ENCRYPTION_KEY_VARIABLE = 'BATON_ENCRYPTION_KEY';
export const KEY_BYTES = 32;
const LOCAL_KEY_FILE = 'encryption.key';
const HOW_TO_MAKE_ONE = 'generate one with `openssl rand -base64 32`';

export class EncryptionKeyError extends Error {
  override name = 'EncryptionKeyError';
}

/**
 * Decodes a key written as 64 hex digits or as base64 (standard or URL-safe). The message never
 * repeats the value: it is a secret even when malformed.
 */
export function parseEncryptionKey(
  raw: string | undefined,
  source = ENCRYPTION_KEY_VARIABLE,
): Buffer {
  const text = raw?.trim() ?? '';
  if (text === '') {
    throw new EncryptionKeyError(
      `${source} is not set; it must hold ${KEY_BYTES} random bytes (base64 or hex): ${HOW_TO_MAKE_ONE}`,
    );
  }
  const key = /^[0-9a-f]{64}$/i.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
      ? Buffer.from(text, 'base64')
      : undefined;
  if (!key) {
    throw new EncryptionKeyError(`${source} is neither base64 nor hex; ${HOW_TO_MAKE_ONE}`);
  }
  if (key.length !== KEY_BYTES) {
    throw new EncryptionKeyError(
      `${source} must be ${KEY_BYTES} bytes (AES-256), but it decodes to ${key.length}; ${HOW_TO_MAKE_ONE}`,
    );
  }
  return key;
}

/**
 * The key of a local (`npm start`) data folder, created on first use. The file is written with
 * `wx` so two processes starting at once cannot each write their own key and lose one.
 */
export async function loadOrCreateLocalKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, LOCAL_KEY_FILE);
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if (!isAlreadyThere(error)) throw error;
  }
  return parseEncryptionKey(await readFile(file, 'utf8'), file);
}

/**
 * The key from the environment; without the variable, the local data folder's key when one is
 * given (local mode only), otherwise a refusal naming the variable.
 */
export async function encryptionKeyFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  localDataDir?: string,
): Promise<Buffer> {
  const raw = env[ENCRYPTION_KEY_VARIABLE];
  if (raw === undefined && localDataDir !== undefined) return loadOrCreateLocalKey(localDataDir);
  return parseEncryptionKey(raw);
}

// Not `instanceof Error`: errors from Node's own modules may come from another realm (jest).
function isAlreadyThere(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST';
}
