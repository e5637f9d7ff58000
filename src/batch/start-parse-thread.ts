import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logging/logger.js';
import { packageFile } from '../util/package-file.js';
import type { SourceItem } from './alert-source.js';
import { formatPosition } from './input-position.js';
import { parseOutcome } from './parse-outcome.js';
import { parsedItem } from './parsed-item.js';
import type { ParseOutcome, ParseRequest, ParseThreadMessage } from './parse-thread-protocol.js';

/** Turns the alert texts of source items into parsed alerts or error items. */
export interface ItemParser {
  /**
   * Returns the items in the same order, each text replaced by its alert or its parse error;
   * items without text pass unchanged. Never rejects: if the thread fails, the calling thread
   * parses the alerts that the thread had not returned.
   */
  parse(items: SourceItem[]): Promise<SourceItem[]>;
  /** Resolves with true once the thread has loaded its code, or with false if it failed first. */
  whenReady(): Promise<boolean>;
  /** Stops the thread. */
  close(): Promise<void>;
}

export interface ParseThreadOptions {
  /** Value of `--input-format`, when given. */
  format?: string;
  logger: Logger;
  /** Entry module of the thread; by default the compiled parse-thread module of this package. */
  entry?: URL;
}

/**
 * Alerts longer than this many characters are parsed on the calling thread. The thread then
 * contains at most a few slices of ordinary alerts, which keeps it well within its heap limit.
 */
export const maxThreadedAlertChars = 256 * 1024;

// Without limits, V8 let the thread's heap grow to about 70 MB while under 10 MB of it was
// live, which took the job over its memory budget. A thread that still runs out of memory
// ends, and the calling thread parses the rest.
const resourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

// The bundled CLI has the thread's entry next to main.js; a build without the bundle step
// has the compiled module only.
const entryCandidates = ['dist/cli/parse-thread.js', 'dist/batch/parse-thread.js'];

function findEntry(): URL | undefined {
  return entryCandidates.map((path) => packageFile(path)).find((url) => existsSync(url));
}

type TextItem = SourceItem & { text: string };

/** A request in the thread's queue: its items, and the outcomes already known (long alerts). */
interface Pending {
  items: SourceItem[];
  known: (ParseOutcome | undefined)[];
  resolve: (items: SourceItem[]) => void;
}

/** Returns the items with each text replaced by its outcome, taken in order. */
function merge(items: SourceItem[], outcomes: ParseOutcome[]): SourceItem[] {
  let next = 0;
  return items.map((item) => ('text' in item ? parsedItem(item.position, outcomes[next++]!) : item));
}

/** Fills the gaps of `known` with the thread's outcomes, in order. */
function fillGaps(known: (ParseOutcome | undefined)[], threaded: ParseOutcome[]): ParseOutcome[] {
  let next = 0;
  return known.map((outcome) => outcome ?? threaded[next++]!);
}

/**
 * Starts a thread that parses alerts, so that a batch job parses on one core while the calling
 * thread explains and writes on the other. Returns undefined when the thread's compiled entry
 * point is missing (sources run before `npm run build`); the caller then parses inline.
 */
export function startParseThread(options: ParseThreadOptions): ItemParser | undefined {
  const entry = options.entry ?? findEntry();
  if (!entry) return undefined;
  const worker = new Worker(entry, { resourceLimits });
  const waiting = new Map<number, Pending>();
  let nextId = 0;
  let closing = false;
  let broken = false;
  // Until the thread has loaded its code, which takes a few tenths of a second while this
  // thread loads ATT&CK, this thread parses the first alerts itself instead of waiting.
  let ready = false;
  let settleReady: (ready: boolean) => void = () => {};
  const readiness = new Promise<boolean>((resolve) => (settleReady = resolve));

  const parseHere = (item: TextItem) => parseOutcome({ origin: formatPosition(item.position), text: item.text }, options.format);
  const finishHere = (pending: Pending) => {
    const texts = textsOf(pending.items);
    pending.resolve(merge(pending.items, pending.known.map((outcome, position) => outcome ?? parseHere(texts[position]!))));
  };
  const fallBack = (reason: string) => {
    if (broken || closing) return;
    broken = true;
    settleReady(false);
    options.logger.warn('the alert parsing thread stopped (%s); the main thread parses the remaining alerts', reason);
    for (const pending of waiting.values()) finishHere(pending);
    waiting.clear();
  };

  worker.on('message', (reply: ParseThreadMessage) => {
    if ('ready' in reply) {
      ready = true;
      settleReady(true);
      return;
    }
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    pending.resolve(merge(pending.items, fillGaps(pending.known, reply.outcomes)));
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`it exited with code ${code}`));
  // An idle thread must not keep the process alive, such as when the job fails before reading.
  // Only after the listeners: adding a 'message' listener refs the worker again.
  worker.unref();

  return {
    parse(items) {
      const texts = textsOf(items);
      if (texts.length === 0) return Promise.resolve(items);
      const known = texts.map((item) => (broken || !ready || item.text.length > maxThreadedAlertChars ? parseHere(item) : undefined));
      const threaded = texts.filter((_, position) => known[position] === undefined);
      if (threaded.length === 0) return Promise.resolve(merge(items, known as ParseOutcome[]));
      const id = nextId++;
      const request: ParseRequest = { id, items: threaded.map((item) => ({ origin: formatPosition(item.position), text: item.text })), ...(options.format ? { format: options.format } : {}) };
      return new Promise((resolve) => {
        if (waiting.size === 0) worker.ref();
        waiting.set(id, { items, known, resolve });
        worker.postMessage(request);
      });
    },
    whenReady: () => readiness,
    async close() {
      closing = true;
      settleReady(false);
      await worker.terminate();
    },
  };
}

function textsOf(items: SourceItem[]): TextItem[] {
  return items.filter((item): item is TextItem => 'text' in item);
}
