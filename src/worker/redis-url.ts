import { InputError } from '../errors/input-error.js';

/** A checked Redis URL and the form of it that logs and messages may show. */
export interface RedisAddress {
  url: string;
  /** The URL with its user name and password left out. */
  display: string;
}

/**
 * Checks a Redis URL from `--redis` or `IDS_EXPLAIN_REDIS_URL` and returns it with a form
 * that hides its credentials. Throws InputError when the URL is missing or is not a
 * redis:// or rediss:// URL with a host.
 */
export function checkRedisUrl(value: string | undefined): RedisAddress {
  if (value === undefined || value.trim() === '') {
    throw new InputError('missing --redis', { hint: 'Pass --redis redis://HOST:PORT, or set IDS_EXPLAIN_REDIS_URL' });
  }
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    parsed = new URL('invalid:');
  }
  if ((parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    // The value may hold a password, so the message shows only its scheme.
    throw new InputError(`invalid Redis URL (scheme "${parsed.protocol.replace(/:$/, '')}")`, {
      hint: 'Use redis://[USER:PASSWORD@]HOST:PORT[/DB], or rediss:// for TLS',
    });
  }
  const display = `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  return { url: value.trim(), display };
}
