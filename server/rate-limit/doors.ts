import { config } from '../config';
import { retryWhen } from '../rules/rate-limit';
import type { Bucket, RateLimit } from './service';

// The allowance of every public door that checks a secret or writes, in one place. Failures
// are counted per address AND per thing guessed at (a tracking number, a code, an account),
// so that a shared address (an office, a NAT) or someone guessing at another person's number
// cannot shut out the person who holds the right code: they come in from their own address.

const MINUTES = 60;

/** /track: wrong query codes from one address, over all tracking numbers. */
export const TRACK_FAILURES_BY_ADDRESS: RateLimit = { name: 'track:client', limit: 20, windowSeconds: 15 * MINUTES };
/** /track: wrong query codes for one tracking number from one address. */
export const TRACK_FAILURES_BY_NUMBER_AND_ADDRESS: RateLimit = {
  name: 'track:pair',
  limit: 5,
  windowSeconds: 15 * MINUTES,
};
/**
 * /track: wrong query codes for one tracking number from anywhere. Reaching it takes at least
 * 20 addresses (5 each); against a 40-bit code it still caps guessing at 2,400 a day.
 */
export const TRACK_FAILURES_BY_NUMBER: RateLimit = { name: 'track:number', limit: 100, windowSeconds: 60 * MINUTES };

/** /verify: unknown report codes from one address. */
export const VERIFY_MISSES_BY_ADDRESS: RateLimit = { name: 'verify-miss', limit: 20, windowSeconds: 15 * MINUTES };
/** /verify: misses of one (well-formed) code from anywhere. */
export const VERIFY_MISSES_BY_CODE: RateLimit = { name: 'verify:code', limit: 20, windowSeconds: 15 * MINUTES };

/** Sign-in: failures for one username from one address (the person at their own desk is not affected). */
export const SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS: RateLimit = {
  name: 'sign-in:pair',
  limit: 5,
  windowSeconds: 15 * MINUTES,
};
/** Sign-in: failures from one address over all usernames (password spraying). */
export const SIGN_IN_FAILURES_BY_ADDRESS: RateLimit = {
  name: 'sign-in:address',
  limit: 20,
  windowSeconds: 15 * MINUTES,
};

/** /api/v1: wrong or revoked API keys from one address. */
export const API_KEY_FAILURES_BY_ADDRESS: RateLimit = { name: 'api-key-miss', limit: 20, windowSeconds: 15 * MINUTES };

/** Public applications filed from one address per hour (APPLICATIONS_PER_ADDRESS_PER_HOUR, default 20). */
export function applicationsByAddress(): RateLimit {
  return { name: 'apply:address', limit: config().APPLICATIONS_PER_ADDRESS_PER_HOUR, windowSeconds: 60 * MINUTES };
}

const address = (ip: string | null | undefined) => ip || 'unknown';

export function trackBuckets(trackingNumber: string, ip: string | null | undefined): Bucket[] {
  return [
    { limit: TRACK_FAILURES_BY_ADDRESS, who: address(ip) },
    { limit: TRACK_FAILURES_BY_NUMBER_AND_ADDRESS, who: `${trackingNumber}|${address(ip)}` },
    { limit: TRACK_FAILURES_BY_NUMBER, who: trackingNumber },
  ];
}

export function verifyBuckets(code: string | null, ip: string | null | undefined): Bucket[] {
  return [
    { limit: VERIFY_MISSES_BY_ADDRESS, who: address(ip) },
    ...(code ? [{ limit: VERIFY_MISSES_BY_CODE, who: code }] : []),
  ];
}

export function signInBuckets(username: string, ip: string | null | undefined): Bucket[] {
  return [
    { limit: SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS, who: `${username}|${address(ip)}` },
    { limit: SIGN_IN_FAILURES_BY_ADDRESS, who: address(ip) },
  ];
}

/** What a paused door says: that it is paused and until when — never that the input was wrong. */
export function pausedMessage(what: string, retryAfterSeconds: number, now = new Date()): string {
  return `为保护${what}，查询暂时停止（来自本网络或针对该号码的尝试过多）。${retryWhen(retryAfterSeconds, now)}。`;
}
