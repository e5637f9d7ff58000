import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

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

const decoders: Record<string, () => Readable & NodeJS.WritableStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Returns the body stream, decoded when its content-encoding is gzip, deflate or br. The
 * built-in fetch decoded these, and a server or proxy may compress a response even though the
 * request listed no encoding. A body in another encoding is passed on as it is.
 */
function bodyStream(message: IncomingMessage): { stream: Readable; decoded: boolean; received: () => number } {
  let received = 0;
  message.on('data', (chunk: Buffer) => (received += chunk.length));
  const encoding = String(message.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = noBody.has(message.statusCode ?? 0) ? undefined : decoders[encoding];
  if (!decoder) return { stream: message, decoded: false, received: () => received };
  const stream = decoder();
  message.on('error', (error) => stream.destroy(error));
  message.pipe(stream);
  return { stream, decoded: true, received: () => received };
}

/** Returns the error for a 101 response, which a server must not send to a request without an Upgrade header. */
function upgradeError(): Error {
  return Object.assign(new Error('the server switched protocols (status 101) instead of responding'), { code: 'ERR_HTTP_UPGRADE' });
}

/** Headers that carry credentials, which a redirect to another origin must not receive. */
const credentialHeaders = ['authorization', 'api-key', 'cookie', 'proxy-authorization'];
/** Headers that describe a request body, which a redirect that turns the request into a GET drops. */
const bodyHeaders = ['content-type', 'content-encoding', 'content-language', 'content-location', 'content-length'];

/**
 * Returns the request that follows a redirect, as the fetch standard builds it: a 303, or a 301
 * or 302 after a POST, becomes a GET without body, and another origin gets no credentials.
 */
function redirectedRequest(from: URL, status: number, location: string, init: RequestInit): [URL, RequestInit] {
  const target = new URL(location, from);
  const headers = new Headers(init.headers);
  const method = (init.method ?? 'GET').toUpperCase();
  const toGet = (status === 303 && method !== 'GET' && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  if (toGet) for (const name of bodyHeaders) headers.delete(name);
  if (target.origin !== from.origin) for (const name of credentialHeaders) headers.delete(name);
  const { body: _body, ...rest } = init;
  return [target, { ...rest, headers, ...(toGet ? { method: 'GET' } : { method, ...(init.body !== undefined ? { body: init.body } : {}) }) }];
}

function responseFrom(message: IncomingMessage, chunks: Buffer[], decoded: boolean): Response {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    // The lengths and encoding of a decoded body are no longer those the server sent.
    if (decoded && /^content-(?:encoding|length)$/i.test(raw[index]!)) continue;
    headers.append(raw[index]!, raw[index + 1]!);
  }
  const status = message.statusCode ?? 0;
  return new Response(noBody.has(status) ? null : Buffer.concat(chunks), { status, statusText: message.statusMessage ?? '', headers });
}

/**
 * Returns a fetch function for the openai SDK that sends requests with node:http and keeps
 * connections open between them. The built-in fetch takes several turns of the event loop to
 * send a request and to hand its response over. In a batch job the thread is busy between
 * responses, so each turn waits, and the first requests of a job took 50 to 100 ms longer.
 * Bodies other than text and bytes go to the built-in fetch, and so does the request to a
 * redirect's target, which then follows any further redirects itself. Response bodies in
 * gzip, deflate or br are decoded, and the size limit applies to the decoded bytes. The promise
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
          fetch(...redirectedRequest(url, message.statusCode ?? 0, message.headers.location, init)).then(resolve, reject);
          return;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        const { stream, decoded, received } = bodyStream(message);
        stream.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) fail(new ResponseTooLargeError(`response body larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        message.on('error', fail);
        const finish = () => {
          signal?.removeEventListener('abort', abort);
          try {
            resolve(responseFrom(message, chunks, decoded));
          } catch (error) {
            reject(error);
          }
        };
        // An empty body labelled gzip is no decoding error: the built-in fetch returned it as empty.
        stream.on('error', (error) => (decoded && received() === 0 && message.complete ? finish() : fail(error)));
        stream.on('end', finish);
      });
      request.on('error', fail);
      request.on('upgrade', (_message, socket) => {
        socket.destroy();
        fail(upgradeError());
      });
      if (signal?.aborted) {
        abort();
        return;
      }
      signal?.addEventListener('abort', abort, { once: true });
      request.end(body);
    });
  };
}
