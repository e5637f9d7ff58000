import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetch, ResponseTooLargeError } from '../../src/llm/create-http-fetch.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: number;
}

const seen: Seen[] = [];
const sockets = new WeakMap<object, number>();
let socketCount = 0;

function route(request: IncomingMessage, response: ServerResponse, body: string): void {
  const path = request.url ?? '/';
  if (path === '/json') {
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
    response.end(JSON.stringify({ echo: body }));
  } else if (path === '/empty') {
    response.writeHead(204);
    response.end();
  } else if (path === '/moved') {
    response.writeHead(307, { location: '/json' });
    response.end();
  } else if (path === '/see-other') {
    response.writeHead(303, { location: '/json' });
    response.end();
  } else if (path.startsWith('/elsewhere')) {
    response.writeHead(307, { location: `${otherBase}/json` });
    response.end();
  } else if (path === '/large') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('x'.repeat(4096));
  } else if (path === '/slow') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('first part ');
  } else if (path === '/gzip') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(gzipSync(JSON.stringify({ packed: 'gzip' })));
  } else if (path === '/deflate') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
    response.end(deflateSync(JSON.stringify({ packed: 'deflate' })));
  } else if (path === '/br') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
    response.end(brotliCompressSync(JSON.stringify({ packed: 'br' })));
  } else if (path === '/gzip-bomb') {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    response.end(gzipSync('x'.repeat(100_000)));
  } else if (path === '/gzip-empty') {
    response.writeHead(502, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': '0' });
    response.end();
  } else if (path === '/switch') {
    response.writeHead(101, { connection: 'upgrade', upgrade: 'websocket' });
    response.flushHeaders();
  } else if (path === '/gzip-broken') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end('this is not gzip');
  } else if (path === '/cut') {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
    response.write('only part of it');
    setTimeout(() => response.socket?.destroy(), 20);
  } else {
    response.writeHead(404);
    response.end('not found');
  }
}

let other: Server;
let otherBase: string;
const otherSeen: IncomingMessage['headers'][] = [];

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (!sockets.has(request.socket)) sockets.set(request.socket, (socketCount += 1));
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, socket: sockets.get(request.socket)! });
      route(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  other = createServer((request, response) => {
    otherSeen.push(request.headers);
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const running of [server, other]) {
    running.closeAllConnections();
    await new Promise((resolve) => running.close(resolve));
  }
});

const lastSeen = () => seen.at(-1)!;

describe('createHttpFetch', () => {
  it('sends the method, headers and body', async () => {
    const send = createHttpFetch();
    await send(`${base}/json`, { method: 'POST', headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' }, body: '{"a":"é"}' });

    expect(lastSeen().method).toBe('POST');
    expect(lastSeen().headers.authorization).toBe('Bearer sk-test');
    expect(lastSeen().body).toBe('{"a":"é"}');
  });

  it('gives the body length instead of sending chunks', async () => {
    const send = createHttpFetch();
    await send(`${base}/json`, { method: 'POST', body: '{"a":"é"}' });

    expect(lastSeen().headers['content-length']).toBe('10');
    expect(lastSeen().headers['transfer-encoding']).toBeUndefined();
  });

  it('returns status, headers and body as a Response', async () => {
    const send = createHttpFetch();
    const response = await send(`${base}/json`, { method: 'POST', body: 'hello' });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(await response.json()).toEqual({ echo: 'hello' });
  });

  it('returns an error status without throwing', async () => {
    const response = await createHttpFetch()(`${base}/missing`);

    expect(response.ok).toBe(false);
    expect(await response.text()).toBe('not found');
  });

  it('returns no body for 204', async () => {
    const response = await createHttpFetch()(`${base}/empty`);

    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('keeps one connection for requests in turn', async () => {
    const send = createHttpFetch();
    await (await send(`${base}/json`, { method: 'POST', body: 'one' })).text();
    const first = lastSeen().socket;
    await (await send(`${base}/json`, { method: 'POST', body: 'two' })).text();

    expect(lastSeen().socket).toBe(first);
  });

  it('follows a redirect', async () => {
    const response = await createHttpFetch()(`${base}/moved`, { method: 'POST', body: 'again' });

    expect(await response.json()).toEqual({ echo: 'again' });
  });

  it('sends a redirected request once to each address', async () => {
    const count = seen.length;
    await (await createHttpFetch()(`${base}/moved`, { method: 'POST', body: 'once' })).text();

    expect(seen.slice(count).map((request) => `${request.method} ${request.url}`)).toEqual(['POST /moved', 'POST /json']);
  });

  it('turns a POST into a GET after a 303', async () => {
    await (await createHttpFetch()(`${base}/see-other`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).text();

    expect(lastSeen().method).toBe('GET');
    expect(lastSeen().body).toBe('');
    expect(lastSeen().headers['content-type']).toBeUndefined();
  });

  it('keeps the key from another origin after a redirect', async () => {
    const count = otherSeen.length;
    await (await createHttpFetch()(`${base}/elsewhere`, { method: 'POST', headers: { authorization: 'Bearer sk-test', 'api-key': 'sk-azure' }, body: 'hi' })).text();

    expect(otherSeen.length).toBe(count + 1);
    expect(otherSeen.at(-1)!.authorization).toBeUndefined();
    expect(otherSeen.at(-1)!['api-key']).toBeUndefined();
  });

  it('sends bytes given as a Uint8Array', async () => {
    await createHttpFetch()(`${base}/json`, { method: 'POST', body: new TextEncoder().encode('bytes') });

    expect(lastSeen().body).toBe('bytes');
  });

  it('rejects a response over the size limit', async () => {
    const error = await createHttpFetch({ maxResponseBytes: 1000 })(`${base}/large`).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it.each(['gzip', 'deflate', 'br'])('decodes a %s-encoded body', async (encoding) => {
    const response = await createHttpFetch()(`${base}/${encoding}`);

    expect(await response.json()).toEqual({ packed: encoding });
  });

  it('drops the content-encoding header of a decoded body', async () => {
    const response = await createHttpFetch()(`${base}/gzip`);

    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('applies the size limit to the decoded body', async () => {
    const error = await createHttpFetch({ maxResponseBytes: 50_000 })(`${base}/gzip-bomb`).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it('rejects a body that does not decode with its code', async () => {
    const error = (await createHttpFetch()(`${base}/gzip-broken`).catch((caught: unknown) => caught)) as NodeJS.ErrnoException;

    expect(error.code).toBe('Z_DATA_ERROR');
  });

  it('returns an empty encoded body as empty', async () => {
    const response = await createHttpFetch()(`${base}/gzip-empty`);

    expect(response.status).toBe(502);
    expect(await response.text()).toBe('');
  });

  it('rejects a switch of protocols at once', async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 2000);
    const error = (await createHttpFetch()(`${base}/switch`, { method: 'POST', body: '{}', signal: controller.signal }).catch((caught: unknown) => caught)) as NodeJS.ErrnoException;
    clearTimeout(timer);

    expect(error.name).not.toBe('AbortError');
    expect(error.code).toBe('ERR_HTTP_UPGRADE');
  });

  it('rejects with an AbortError when aborted during the body', async () => {
    const controller = new AbortController();
    const pending = createHttpFetch()(`${base}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = (await pending.catch((caught: unknown) => caught)) as Error;

    expect(error.name).toBe('AbortError');
  });

  it('rejects at once when the signal was aborted before', async () => {
    const count = seen.length;
    const error = (await createHttpFetch()(`${base}/json`, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught)) as Error;

    expect(error.name).toBe('AbortError');
    expect(seen.length).toBe(count);
  });

  it('rejects a cut response with a code that allows a retry', async () => {
    const error = (await createHttpFetch()(`${base}/cut`).catch((caught: unknown) => caught)) as NodeJS.ErrnoException;

    expect(error.code).toBe('ECONNRESET');
  });

  it('rejects a refused connection with its code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = (await createHttpFetch()(`http://127.0.0.1:${port}/json`).catch((caught: unknown) => caught)) as NodeJS.ErrnoException;

    expect(error.code).toBe('ECONNREFUSED');
  });
});
