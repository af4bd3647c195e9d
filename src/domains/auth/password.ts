// Passwords: argon2id (the library's default algorithm; a test pins it) and one
// strength rule for every place a password is set.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors';
import { isStrongPassword } from './passwordPolicy';

/** Hashes a new password after the strength rule; `username` refuses a password made of it. */
export function hashPassword(password: string, username?: string): Promise<string> {
  assertStrongPassword(password, username);
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function assertStrongPassword(password: string, username?: string): void {
  if (!isStrongPassword(password, username)) throw new AppError('auth.weak_password');
}

// Verifying against this keeps the time of a login for an unknown user close to a real one.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash('dummy-password-1');
  return dummy;
}
