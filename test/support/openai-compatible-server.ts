import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerFromPrompt } from './model-answers.js';

/** One HTTP request the server received, with its JSON body parsed. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
}

/** What the server does with one chat request. */
export type ScriptedReply =
  /** A chat completion whose message content is `content`; usage null leaves usage out. */
  | { content: string; model?: string; usage?: { prompt_tokens: number; completion_tokens: number } | null; finishReason?: string; delayMs?: number }
  /** An error or any other response: status, JSON body (or `rawBody` sent as it is) and headers such as Retry-After. */
  | { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string>; delayMs?: number }
  /** No response at all, so the client times out. */
  | { hang: true }
  /** Send the headers of a stream, then nothing, so only a whole-answer timeout ends it. */
  | { stallAfterHeaders: true };

export type Responder = (request: ReceivedRequest) => ScriptedReply | Promise<ScriptedReply>;

export interface OpenAiCompatibleServerOptions {
  /** Answers requests once the queue is empty; by default a valid answer built from the prompt. */
  responder?: Responder;
  /** Delay before every response, in milliseconds, such as 200 for benchmarks. */
  delayMs?: number;
}

export interface OpenAiCompatibleServer {
  /** Base URL for the openai SDK, such as http://127.0.0.1:41234/v1. */
  baseUrl: string;
  /** Scheme, host and port, for clients that add their own path (Azure). */
  origin: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Chat requests received, in order. */
  chatRequests(): ReceivedRequest[];
  /** Queues replies for the next chat requests, used before the responder. */
  enqueue(...replies: ScriptedReply[]): void;
  setResponder(responder: Responder): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function completionChunk(id: string, model: string, delta: Record<string, unknown>, finishReason: string | null = null) {
  return { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

function sendCompletion(response: ServerResponse, request: ReceivedRequest, reply: Extract<ScriptedReply, { content: string }>): void {
  const model = reply.model ?? String(request.body?.model ?? 'test-model');
  const promptText = JSON.stringify(request.body?.messages ?? []);
  const usage = reply.usage === null ? undefined : (reply.usage ?? { prompt_tokens: estimateTokens(promptText), completion_tokens: estimateTokens(reply.content) });
  const id = `chatcmpl-test-${request.body?.messages?.length ?? 0}`;
  if (!request.body?.stream) {
    const body = {
      id, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: reply.finishReason ?? 'stop' }],
      ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  send(completionChunk(id, model, { role: 'assistant', content: '' }));
  for (let start = 0; start < reply.content.length; start += 40) send(completionChunk(id, model, { content: reply.content.slice(start, start + 40) }));
  send(completionChunk(id, model, {}, reply.finishReason ?? 'stop'));
  if (usage && request.body?.stream_options?.include_usage) {
    send({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
  }
  response.end('data: [DONE]\n\n');
}

/**
 * Starts an OpenAI-compatible chat-completions server on 127.0.0.1 with a free port. It
 * answers `/v1/chat/completions` (and Azure's `/openai/deployments/NAME/chat/completions`),
 * streaming when the request asks for it, records every request, and takes scripted replies:
 * queued ones first, then the responder. `/v1/models` lists one model.
 */
export async function startOpenAiCompatibleServer(options: OpenAiCompatibleServerOptions = {}): Promise<OpenAiCompatibleServer> {
  const requests: ReceivedRequest[] = [];
  const queue: ScriptedReply[] = [];
  let responder: Responder = options.responder ?? ((request) => ({ content: JSON.stringify(answerFromPrompt(request.body)) }));
  const sockets = new Set<Socket>();

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(incoming);
    const request: ReceivedRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: incoming.headers, body: text ? JSON.parse(text) : undefined };
    requests.push(request);
    if (request.method === 'GET' && url.pathname === '/v1/models') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'test-model', object: 'model', owned_by: 'test' }] }));
      return;
    }
    if (request.method !== 'POST' || !/^\/(?:v1|openai\/deployments\/[^/]+)\/chat\/completions$/.test(url.pathname)) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route for ${request.method} ${url.pathname}` } }));
      return;
    }
    const reply = queue.shift() ?? (await responder(request));
    const delayMs = ('delayMs' in reply ? reply.delayMs : undefined) ?? options.delayMs ?? 0;
    if (delayMs > 0) await sleep(delayMs);
    if ('hang' in reply) return;
    if ('stallAfterHeaders' in reply) {
      response.writeHead(200, { 'content-type': request.body?.stream ? 'text/event-stream' : 'application/json' });
      response.flushHeaders();
      return;
    }
    if ('status' in reply) {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.rawBody ?? JSON.stringify(reply.body ?? { error: { message: `scripted status ${reply.status}` } }));
      return;
    }
    sendCompletion(response, request, reply);
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `test server failed: ${(error as Error).message}` } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    chatRequests: () => requests.filter((request) => request.path.endsWith('/chat/completions')),
    enqueue: (...replies) => queue.push(...replies),
    setResponder: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts a server before the tests of the calling file and closes it after them. With
 * `clearRequests`, the list of received requests is emptied before each test. Returns a
 * getter, because the server exists only once the tests run.
 */
export function useOpenAiCompatibleServer(options: OpenAiCompatibleServerOptions & { clearRequests?: boolean } = {}): () => OpenAiCompatibleServer {
  let server: OpenAiCompatibleServer | undefined;
  beforeAll(async () => {
    server = await startOpenAiCompatibleServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  if (options.clearRequests) {
    beforeEach(() => {
      if (server) server.requests.length = 0;
    });
  }
  return () => {
    if (!server) throw new Error('the test server starts in beforeAll; call the getter inside a test');
    return server;
  };
}
