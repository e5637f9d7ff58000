import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpFetchOptions {
  /** Maximum response body in bytes. A longer one fails the request instead of filling memory. */
  maxResponseBytes?: number;
}

/** Thrown when a response body passes `maxResponseBytes`. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

const defaultMaxResponseBytes = 16 * 1024 * 1024;
const redirects = new Set([301, 302, 303, 307, 308]);
const noBody = new Set([204, 205, 304]);

function requestHeaders(headers: RequestInit['headers']): OutgoingHttpHeaders {
  const result: OutgoingHttpHeaders = {};
  new Headers(headers).forEach((value, name) => (result[name] = value));
  return result;
}

function bodyBuffer(body: RequestInit['body']): Buffer | undefined | false {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return false;
}

function responseFrom(message: IncomingMessage, chunks: Buffer[]): Response {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  const status = message.statusCode ?? 0;
  return new Response(noBody.has(status) ? null : Buffer.concat(chunks), { status, statusText: message.statusMessage ?? '', headers });
}

/**
 * Returns a fetch function for the openai SDK that sends requests with node:http and keeps
 * connections open between them. The built-in fetch takes several turns of the event loop to
 * send a request and to hand its response over. In a batch job the thread is busy between
 * responses, so each turn waits, and the first requests of a job took 50 to 100 ms longer.
 * Bodies other than text and bytes, and redirects, go to the built-in fetch. The promise
 * rejects with the socket's error, whose `code` (such as ECONNRESET) tells whether a retry may
 * pass, with an AbortError when the signal aborts, or with ResponseTooLargeError.
 */
export function createHttpFetch(options: HttpFetchOptions = {}): typeof fetch {
  const maxBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

  return (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = bodyBuffer(init.body);
    if (input instanceof Request || body === false) return fetch(input, init);
    const url = new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fetch(input, init);
    const secure = url.protocol === 'https:';
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      const abort = () => fail(new DOMException('This operation was aborted', 'AbortError'));
      const fail = (error: unknown) => {
        signal?.removeEventListener('abort', abort);
        reject(error);
        request.destroy();
      };
      const settings = { method: init.method ?? 'GET', headers: requestHeaders(init.headers), agent: secure ? agents.https : agents.http };
      const request = (secure ? httpsRequest : httpRequest)(url, settings, (message) => {
        if (redirects.has(message.statusCode ?? 0) && message.headers.location) {
          signal?.removeEventListener('abort', abort);
          message.resume();
          fetch(input, init).then(resolve, reject);
          return;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        message.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) fail(new ResponseTooLargeError(`response body larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        message.on('error', fail);
        message.on('end', () => {
          signal?.removeEventListener('abort', abort);
          try {
            resolve(responseFrom(message, chunks));
          } catch (error) {
            reject(error);
          }
        });
      });
      request.on('error', fail);
      if (signal?.aborted) {
        abort();
        return;
      }
      signal?.addEventListener('abort', abort, { once: true });
      request.end(body);
    });
  };
}
