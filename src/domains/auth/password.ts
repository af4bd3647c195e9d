// Passwords: argon2id (the library's default algorithm; a test pins it) and one
// strength rule for every place a password is set.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors';

export function hashPassword(password: string): Promise<string> {
  assertStrongPassword(password);
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function assertStrongPassword(password: string): void {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new AppError('auth.weak_password');
  }
}

// Verifying against this keeps the time of a login for an unknown user close to a real one.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash('dummy-password-1');
  return dummy;
}
