// Where the encryption key comes from, and the refusals that name the variable to fix.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EncryptionKeyError,
  encryptionKeyFromEnv,
  loadOrCreateLocalKey,
  parseEncryptionKey,
} from '../../../src/server/db';

const RAW = Buffer.from(Array.from({ length: 32 }, (_, i) => i));

describe('parseEncryptionKey', () => {
  it('reads 32 bytes written as hex, base64 or base64url', () => {
    expect(parseEncryptionKey(RAW.toString('hex'))).toEqual(RAW);
    expect(parseEncryptionKey(RAW.toString('base64'))).toEqual(RAW);
    expect(parseEncryptionKey(` ${RAW.toString('base64url')}\n`)).toEqual(RAW);
  });

  it('refuses a missing key, naming the variable and how to make one', () => {
    expect(() => parseEncryptionKey(undefined)).toThrow(EncryptionKeyError);
    expect(() => parseEncryptionKey('  ')).toThrow(
      'BATON_ENCRYPTION_KEY is not set; it must hold 32 random bytes (base64 or hex): generate one with `openssl rand -base64 32`',
    );
  });

  it('refuses a short key without repeating it', () => {
    const short = RAW.subarray(0, 16).toString('base64');
    expect(() => parseEncryptionKey(short)).toThrow(
      'BATON_ENCRYPTION_KEY must be 32 bytes (AES-256), but it decodes to 16; generate one with `openssl rand -base64 32`',
    );
    try {
      parseEncryptionKey(short);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
  });

  it('refuses text that is neither hex nor base64', () => {
    expect(() => parseEncryptionKey('not a key!')).toThrow(
      'BATON_ENCRYPTION_KEY is neither base64 nor hex; generate one with `openssl rand -base64 32`',
    );
  });
});

describe('the encryption key of a local data folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baton-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is generated once, readable only by its owner, and reused afterwards', async () => {
    const first = await loadOrCreateLocalKey(join(dir, 'data'));
    const again = await loadOrCreateLocalKey(join(dir, 'data'));
    expect(first).toHaveLength(32);
    expect(again).toEqual(first);
    const file = join(dir, 'data', 'encryption.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(parseEncryptionKey(await readFile(file, 'utf8'))).toEqual(first);
  });

  it('is the same key for processes that start at once', async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateLocalKey(dir)));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
  });

  it('is used only when the environment has no key', async () => {
    const fromEnv = await encryptionKeyFromEnv({ BATON_ENCRYPTION_KEY: RAW.toString('hex') }, dir);
    expect(fromEnv).toEqual(RAW);
    expect(await encryptionKeyFromEnv({}, dir)).toEqual(await loadOrCreateLocalKey(dir));
  });

  it('is no fallback outside local mode: the server refuses to start without the variable', async () => {
    await expect(encryptionKeyFromEnv({})).rejects.toThrow(/^BATON_ENCRYPTION_KEY is not set/);
  });
});
