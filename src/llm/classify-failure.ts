import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ResponseTooLargeError } from './create-http-fetch.js';

/** Decision about a failed model request. */
export interface FailureDecision {
  retry: boolean;
  /** Wait the server asked for, in milliseconds, from Retry-After or retry-after-ms. */
  retryAfterMs?: number;
  /** True for 429 responses, which slow every worker that shares the back-off. */
  rateLimited: boolean;
  /** Short description for logs and errors, such as "429 Too Many Requests" or "timed out". */
  reason: string;
  status?: number;
  /** True when the fix is in the settings: a wrong key, model, URL or request shape. */
  configuration: boolean;
  /** Next step for the user, when the failure needs more specific advice than checking the settings. */
  hint?: string;
}

/** Codes of TLS certificate checks that failed, which a trusted CA file fixes. */
const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const certificateHint = "The server's TLS certificate is not trusted. If the server is yours, set NODE_EXTRA_CA_CERTS to a PEM file of its CA certificate; otherwise check OPENAI_BASE_URL";

const transientNetworkCodes = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** A response that arrived but is not an OpenAI chat completion, such as an HTML error page. */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError';
}

/** Parses Retry-After (seconds or an HTTP date) and retry-after-ms into milliseconds. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Decides whether a failed request can pass on a later attempt. Rate limits (429, with the
 * server's wait), 408, 409 and 5xx responses, timeouts and dropped connections can pass later,
 * also when the connection drops while the body arrives. Other responses (400, 401, 403, 404,
 * 422), refused connections, oversized responses and responses that are not chat completions
 * cannot.
 */
export function classifyFailure(error: unknown): FailureDecision {
  if (error instanceof APIConnectionTimeoutError) return { retry: true, rateLimited: false, reason: 'timed out', configuration: false };
  if (error instanceof APIUserAbortError) return { retry: false, rateLimited: false, reason: 'cancelled', configuration: false };
  if (error instanceof APIConnectionError && error.cause instanceof ResponseTooLargeError) {
    return { retry: false, rateLimited: false, reason: error.cause.message, configuration: false };
  }
  if (error instanceof APIConnectionError) {
    const code = networkCode(error.cause);
    const retry = code !== undefined && transientNetworkCodes.has(code);
    const hint = code !== undefined && certificateCodes.has(code) ? { hint: certificateHint } : {};
    return { retry, rateLimited: false, reason: `connection failed${code ? ` (${code})` : ''}`, configuration: !retry, ...hint };
  }
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    const wait = retryAfterMs(error.headers);
    const reason = `${status}${error.message ? ` ${error.message.replace(/^\d{3}\s*/, '')}` : ''}`;
    const retry = status === 408 || status === 409 || status === 429 || status >= 500;
    const configuration = [400, 401, 403, 404, 422].includes(status);
    return { retry, rateLimited: status === 429, reason, status, configuration, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  }
  if (error instanceof UnexpectedResponseError) return { retry: false, rateLimited: false, reason: error.message, configuration: true };
  // A connection dropped while the body streams in surfaces as undici's "terminated" TypeError.
  const code = networkCode(error);
  if (code !== undefined && transientNetworkCodes.has(code)) return { retry: true, rateLimited: false, reason: `connection dropped (${code})`, configuration: false };
  return { retry: false, rateLimited: false, reason: error instanceof Error ? error.message : String(error), configuration: false };
}
