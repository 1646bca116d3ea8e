import type { FieldError, FieldErrorCode } from '@roundtable/contracts';
import { COMMON_PASSWORDS_TEXT } from './common-passwords.data';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n'));
  return common;
}

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/**
 * Why a new password is refused, or null when it is acceptable. Length alone let "aaaaaaaaaa" through, so
 * a password is also refused when it (or its core without leading and trailing digits and symbols, or its
 * plain-letter reading of "p@ssw0rd") is a frequently used password, when it is one short pattern
 * repeated, and when it contains the local part of the account's email. The message names `field`.
 */
export function passwordProblem(password: string, email: string, field = 'password'): string | null {
  return passwordFieldError(password, email, field)?.message ?? null;
}

/** The same, as a field error whose `code` (and `params`) the web app says in the reader's language. */
export function passwordFieldError(password: string, email: string, field = 'password'): FieldError | null {
  const refuse = (code: FieldErrorCode, why: string, params?: FieldError['params']): FieldError => ({
    field,
    message: `${field} ${why}`,
    code,
    ...(params ? { params } : {}),
  });
  if (password.length < PASSWORD_MIN_LENGTH)
    return refuse('passwordTooShort', `must be at least ${PASSWORD_MIN_LENGTH} characters`, {
      min: PASSWORD_MIN_LENGTH,
    });
  if (password.length > PASSWORD_MAX_LENGTH)
    return refuse('passwordTooLong', `must be at most ${PASSWORD_MAX_LENGTH} characters`, { max: PASSWORD_MAX_LENGTH });
  const lower = password.toLowerCase();
  if (/^(.{1,4}?)\1+.{0,3}$/su.test(lower) || new Set(lower).size < 4) {
    return refuse('passwordRepeated', 'must not be one character or a short pattern repeated');
  }
  const local = email.split('@')[0]?.trim().toLowerCase() ?? '';
  if (local.length >= 3 && lower.includes(local))
    return refuse('passwordHasEmail', 'must not contain your email address');
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  const plain = lower.replace(/[@4310!$57]/gu, (c) => LEET[c]);
  const list = commonPasswords();
  if (
    list.has(lower) ||
    (core.length >= 4 && list.has(core)) ||
    list.has(plain) ||
    list.has(plain.replace(/^[\d\W_]+|[\d\W_]+$/gu, ''))
  ) {
    return refuse('passwordCommon', 'is too common: it is on lists of frequently used passwords');
  }
  return null;
}
