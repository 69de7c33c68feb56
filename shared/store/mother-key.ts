/**
 * The key of the mothers' keyed hash (HMAC-SHA256 of the resident ID number): without it a
 * mother key cannot be computed from an ID, so the keys cannot be reversed by enumerating
 * the ID space. Where it comes from, in order:
 * - `MOTHER_KEY` (tests, or an operator running a script): the key itself;
 * - `MOTHER_KEY_SECRET_ARN` (AWS): a Secrets Manager secret, read once at cold start by
 *   `loadMotherKey()` (the Lambda adapter awaits it before the first request);
 * - locally: `<LOCAL_STATE_DIR or .local>/mother-key`, generated on first use (mode 600).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

let key: Buffer | undefined;
let loading: Promise<void> | undefined;

const fromText = (text: string) => Buffer.from(text.trim(), 'utf8');

/** The local key file: generated once, kept with the local database. */
export function localMotherKeyPath(): string {
  return join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '..', '.local')), 'mother-key');
}

function localKey(): Buffer {
  const file = localMotherKeyPath();
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return fromText(readFileSync(file, 'utf8'));
}

/** Reads the key from Secrets Manager when the function runs in AWS; a no-op elsewhere or once loaded. */
export function loadMotherKey(): Promise<void> {
  if (key || process.env.MOTHER_KEY || !process.env.MOTHER_KEY_SECRET_ARN) return Promise.resolve();
  loading ??= (async () => {
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const answer = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: process.env.MOTHER_KEY_SECRET_ARN }));
    if (!answer.SecretString) throw new Error('the mother key secret is empty');
    key = fromText(answer.SecretString);
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The key, synchronously: fails fast in AWS when `loadMotherKey()` was not awaited. */
export function motherKeySecret(): Buffer {
  if (key) return key;
  if (process.env.MOTHER_KEY) {
    key = fromText(process.env.MOTHER_KEY);
    return key;
  }
  if (process.env.MOTHER_KEY_SECRET_ARN) throw new Error('the mother key was not loaded: await loadMotherKey() at cold start');
  key = localKey();
  return key;
}

/** For the re-keying script and tests: use this key from now on. */
export function useMotherKey(text: string): void {
  key = fromText(text);
}
