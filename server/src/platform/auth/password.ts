import argon2 from 'argon2';
import { AppError } from '../http/errors.js';

/** Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch (err) {
    // A malformed stored hash must never sign anybody in; it is a data error worth a log line.
    console.error('argon2.verify failed on a stored hash:', (err as Error).message);
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifying against this for unknown sign-in names keeps response time from revealing which names exist. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('kasane-dummy-password-for-timing');
  return dummyHash;
}

const COMMON = new Set(['password1234', 'passwordpassword', '123456789012', 'qwertyuiopas', 'kasanekasane']);

/** Refuses passwords that are short, trivially repetitive or contain the sign-in name. */
export function assertStrongPassword(password: string, loginName: string): void {
  const lower = password.toLowerCase();
  const tooShort = [...password].length < 12;
  const repetitive = new Set(password).size < 5;
  const containsLogin = loginName.length >= 3 && lower.includes(loginName.toLowerCase());
  if (tooShort || repetitive || containsLogin || COMMON.has(lower) || password.length > 256) {
    throw new AppError('weak_password');
  }
}
