import { isInternalAddress } from '../facts/is-internal-address.js';

/**
 * Decides whether to redact alerts sent to a model. "on" and "off" are explicit. "auto" redacts
 * unless the server runs on this machine or at a private IP address, because only then do the
 * values stay inside the organisation's network. A server named by host name counts as remote.
 */
export function shouldRedact(mode: 'auto' | 'on' | 'off', baseUrl: string | undefined): boolean {
  if (mode !== 'auto') return mode === 'on';
  if (!baseUrl) return true;
  let host: string;
  try {
    host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return true;
  }
  return !(host === 'localhost' || host.endsWith('.localhost') || isInternalAddress(host));
}
