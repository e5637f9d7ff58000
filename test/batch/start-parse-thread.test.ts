import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAlert } from '../../src/alert/parse-alert.js';
import type { SourceItem } from '../../src/batch/alert-source.js';
import { formatPosition } from '../../src/batch/input-position.js';
import { maxThreadedAlertChars, startParseThread, type ItemParser } from '../../src/batch/start-parse-thread.js';
import { InputError } from '../../src/errors/input-error.js';
import { createLogger, silentLogger } from '../../src/logging/logger.js';
import { repositoryRoot } from '../support/real-attack.js';

const fixture = (name: string) => readFileSync(join(repositoryRoot, 'fixtures/alerts/formats', name), 'utf8');
const eveLine = JSON.stringify(JSON.parse(fixture('suricata-eve.json')));

const started: ItemParser[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((parser) => parser.close()));
});

/** Starts a parsing thread and waits until it has loaded, so that requests go to the thread. */
async function start(options: Parameters<typeof startParseThread>[0] = { logger: silentLogger }): Promise<ItemParser> {
  const parser = startParseThread(options);
  if (!parser) throw new Error('the compiled parse thread is missing; run npm run build');
  started.push(parser);
  await parser.whenReady();
  return parser;
}

function textItem(line: number, text: string): SourceItem {
  return { position: { file: 'queue.jsonl', line }, text };
}

/** Parses the text on the calling thread and returns the alert or the one-line error. */
function parsedHere(item: SourceItem & { text: string }, format?: string): unknown {
  try {
    return { alert: parseAlert(item.text, { origin: formatPosition(item.position), ...(format ? { format } : {}) }) };
  } catch (error) {
    return { error: (error as InputError).userMessage };
  }
}

function comparable(item: SourceItem): unknown {
  if ('alert' in item) return { alert: item.alert };
  if ('error' in item) return { error: item.error.userMessage };
  return { text: item.text };
}

/** Writes a module to a temporary folder, for the thread to run instead of the parse thread. */
function entryModule(source: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'ids-explain-thread-')), 'entry.mjs');
  writeFileSync(file, source);
  return pathToFileURL(file);
}

describe('startParseThread', () => {
  it('parses texts into the alerts the calling thread would make', async () => {
    const items = [textItem(1, eveLine), textItem(2, fixture('key-value.txt')), textItem(3, fixture('syslog-suricata-eve.txt').trim())];
    const parsed = await (await start()).parse(items);
    expect(parsed.map(comparable)).toEqual(items.map((item) => parsedHere(item as SourceItem & { text: string })));
  });

  it('gives the same error message for an unreadable alert', async () => {
    const item = textItem(7, '{"alert": {"signature": ');
    const [parsed] = await (await start()).parse([item]);
    expect(comparable(parsed!)).toEqual(parsedHere(item as SourceItem & { text: string }));
  });

  it('keeps InputError for input errors', async () => {
    const [parsed] = await (await start()).parse([textItem(1, '   ')]);
    expect((parsed as { error: unknown }).error).toBeInstanceOf(InputError);
  });

  it('passes items without text unchanged', async () => {
    const failed: SourceItem = { position: { file: 'queue.jsonl', line: 2 }, error: new InputError('queue.jsonl:2: the alert is too large') };
    const parsed = await (await start()).parse([textItem(1, eveLine), failed, textItem(3, eveLine)]);
    expect(parsed[1]).toBe(failed);
  });

  it('keeps the order of many requests in flight', async () => {
    const parser = await start();
    const requests = Array.from({ length: 20 }, (_, request) => Array.from({ length: 50 }, (__, index) => textItem(request * 50 + index + 1, `Description: alert number ${request * 50 + index + 1}`)));
    const replies = await Promise.all(requests.map((items) => parser.parse(items)));
    const descriptions = replies.flat().map((item) => ('alert' in item ? item.alert.description : undefined));
    expect(descriptions).toEqual(requests.flat().map((item) => ('text' in item ? item.text.slice('Description: '.length) : undefined)));
  });

  it('applies the given input format', async () => {
    const item = textItem(1, 'Description: forced key-value reading');
    const [parsed] = await (await start({ logger: silentLogger, format: 'json' })).parse([item]);
    expect(comparable(parsed!)).toEqual(parsedHere(item as SourceItem & { text: string }, 'json'));
  });

  it('parses a long alert on the calling thread in its place', async () => {
    // The stand-in thread returns failures only, so only the calling thread can parse the long alert.
    const entry = entryModule(`import { parentPort } from 'node:worker_threads';
parentPort.on('message', (request) => parentPort.postMessage({ id: request.id, outcomes: request.items.map(() => ({ failure: 'parsed by the thread' })) }));
parentPort.postMessage({ ready: true });`);
    const long = textItem(2, `Description: long alert ${'x'.repeat(maxThreadedAlertChars)}`);
    const parsed = await (await start({ logger: silentLogger, entry })).parse([textItem(1, eveLine), long, textItem(3, eveLine)]);
    expect(parsed.map((item) => ('alert' in item ? 'alert' : item.position.line))).toEqual([1, 'alert', 3]);
  });

  it('reports the real thread ready', async () => {
    const parser = startParseThread({ logger: silentLogger })!;
    started.push(parser);
    expect(await parser.whenReady()).toBe(true);
  });

  it('parses on the calling thread until the thread is ready', async () => {
    // The stand-in thread never reports ready, and it would return failures only.
    const entry = entryModule(`import { parentPort } from 'node:worker_threads';
parentPort.on('message', (request) => parentPort.postMessage({ id: request.id, outcomes: request.items.map(() => ({ failure: 'parsed by the thread' })) }));`);
    const parser = startParseThread({ logger: silentLogger, entry })!;
    started.push(parser);
    const [parsed] = await parser.parse([textItem(1, eveLine)]);
    expect('alert' in parsed!).toBe(true);
  });

  it('parses on the calling thread after the thread exits', async () => {
    const entry = entryModule(`import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ ready: true });`);
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', stream: { write: (line: string) => lines.push(line) } });
    const parser = await start({ logger, entry });
    const first = await parser.parse([textItem(1, eveLine)]);
    const second = await parser.parse([textItem(2, eveLine)]);
    expect([...first, ...second].every((item) => 'alert' in item)).toBe(true);
    expect(lines.join('')).toMatch(/the alert parsing thread stopped \(it exited with code 3\)/);
  });

  it('parses on the calling thread when the thread fails to start', async () => {
    const entry = entryModule(`throw new Error('broken entry');`);
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', stream: { write: (line: string) => lines.push(line) } });
    const parser = await start({ logger, entry });
    const [parsed] = await parser.parse([textItem(1, eveLine)]);
    expect(await parser.whenReady()).toBe(false);
    expect('alert' in parsed!).toBe(true);
    expect(lines.join('')).toMatch(/broken entry/);
  });
});
