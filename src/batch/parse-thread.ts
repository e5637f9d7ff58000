// Entry point of the thread that parses a batch job's alerts next to the main thread, which
// meanwhile explains, sends model requests and writes records.
import { parentPort } from 'node:worker_threads';
import { parseOutcome } from './parse-outcome.js';
import type { ParseReply, ParseRequest, ParseThreadMessage } from './parse-thread-protocol.js';

parentPort?.on('message', (request: ParseRequest) => {
  const reply: ParseReply = { id: request.id, outcomes: request.items.map((item) => parseOutcome(item, request.format)) };
  parentPort?.postMessage(reply);
});
const ready: ParseThreadMessage = { ready: true };
parentPort?.postMessage(ready);
