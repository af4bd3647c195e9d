// Secrets kept in the database (webhook tokens) are sealed with AES-256-GCM. The key
// comes from GONGJIAN_SECRET_KEY (32 bytes as 64 hex digits or base64), or else from
// <data folder>/secret.key, generated (mode 0600) on first use. Every process and
// machine of one deployment needs the same key; a backup restored elsewhere needs it too.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';

const PREFIX = 'enc:v1:';
let cached: Buffer | undefined;

function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('GONGJIAN_SECRET_KEY / secret.key must hold 32 bytes (64 hex digits or base64)');
  return key;
}

/** The deployment's key: from the environment, or the data folder's key file (made on first use). */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (cached) return cached;
  if (env.GONGJIAN_SECRET_KEY) return (cached = parseKey(env.GONGJIAN_SECRET_KEY));
  const dir = loadConfig(env).dataDir;
  const file = join(dir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // 'wx': two processes starting at once cannot both write a key; the loser reads the winner's.
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  chmodSync(file, 0o600);
  return (cached = parseKey(readFileSync(file, 'utf8')));
}

/** For tests: use this key from now on. */
export function useSecretKey(key: Buffer): void {
  cached = key;
}

export const isSealed = (value: string) => value.startsWith(PREFIX);

export function seal(plain: string, key = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plain text of a sealed value; a value stored before sealing existed comes back as it is. */
export function unseal(value: string, key?: Buffer): string {
  if (!isSealed(value)) return value;
  key ??= secretKey();
  const raw = Buffer.from(value.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A URL with its secret parts hidden: every query value, and path segments that look like tokens. */
export function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '••••';
  }
  const path = url.pathname
    .split('/')
    .map((seg) => (/^[A-Za-z0-9_-]{16,}$/.test(seg) ? '••••' : seg))
    .join('/');
  const query = [...url.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=••••`).join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}
