import { RegwatchError } from '../errors.ts';

/** RFC 5321's limits on a forward path and its local part, which every mail system honours. */
export const maxEmailLength = 254;
const maxLocalPartLength = 64;

// The WHATWG HTML standard's "valid email address" (what browsers check for <input type=email>),
// plus a dot in the domain: a sign-up for a bare host name is a typo, not a mailbox.
const emailPattern =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * An address as stored: trimmed, its domain lower-cased (the local part is the mailbox owner's
 * to interpret, so it keeps its case). A malformed one is an `invalid_parameter` that does not
 * repeat it (addresses stay out of logs).
 */
export function normaliseEmailAddress(raw: string, field = 'email'): string {
  const problem = () =>
    new RegwatchError('invalid_parameter', `"${field}" is not an email address such as dpo@example.org`);
  const trimmed = raw.trim();
  // Control characters (CR, LF, NUL…) never belong in an address and could split a mail header.
  if (trimmed.length > maxEmailLength || /\p{Cc}/u.test(trimmed) || !emailPattern.test(trimmed)) throw problem();
  const at = trimmed.lastIndexOf('@');
  if (at > maxLocalPartLength) throw problem();
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** The mail domain of a normalised address (what the per-domain sign-up limit counts). */
export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
