import type { AlertSource } from '../batch/alert-source.js';
import { formatPosition } from '../batch/input-position.js';
import { IdsExplainError } from '../errors/ids-explain-error.js';
import type { Logger } from '../logging/logger.js';
import type { RedisClient } from './connect-redis.js';

export interface EnqueueOptions {
  client: RedisClient;
  stream: string;
  /** Field that contains the alert text; a "source" field names the input position. */
  field: string;
  source: AlertSource;
  logger: Logger;
  /** Messages sent before waiting for their IDs; node-redis pipelines them. */
  batchSize?: number;
}

/** Counts of an enqueue run: alerts pushed and left out, and the first and last message IDs. */
export interface EnqueueReport {
  enqueued: number;
  /** Alerts the reader could not take, such as lines over the size limit. */
  skipped: number;
  /** Blank lines, which hold no alert. */
  blank: number;
  firstId?: string;
  lastId?: string;
}

/**
 * Pushes every alert of a source to a stream with XADD, one message per alert, with the alert
 * text in `field` and its input position ("queue.jsonl:12") in "source". Items the reader
 * could not take are logged and counted, never pushed. Returns the counts and the first and
 * last message IDs. Throws IdsExplainError when Redis rejects a write; the alerts before it
 * stay in the stream, and the error message gives their number.
 */
export async function enqueueAlerts(options: EnqueueOptions): Promise<EnqueueReport> {
  const { client, stream, field, logger } = options;
  const batchSize = options.batchSize ?? 500;
  const report: EnqueueReport = { enqueued: 0, skipped: 0, blank: 0 };
  let pending: Promise<string>[] = [];

  const settle = async () => {
    let ids: string[];
    try {
      ids = await Promise.all(pending);
    } catch (error) {
      throw new IdsExplainError(`writing to stream ${stream} failed after ${report.enqueued} alerts: ${(error as Error).message}`, {
        hint: `Up to ${report.enqueued + pending.length} alerts are in the stream; check it before running again, which would add them twice`,
        cause: error,
      });
    }
    pending = [];
    report.enqueued += ids.length;
    report.firstId ??= ids[0];
    report.lastId = ids.at(-1) ?? report.lastId;
  };

  for await (const item of options.source.items()) {
    if ('error' in item) {
      logger.warn('not enqueued: %s', item.error.userMessage);
      report.skipped += 1;
      continue;
    }
    // Only a source created with a parser yields parsed alerts, and queue messages need the text.
    if (!('text' in item)) throw new Error(`${formatPosition(item.position)}: enqueue needs the alert text, and the source gave a parsed alert`);
    if (item.text.trim() === '') {
      report.blank += 1;
      continue;
    }
    const message: Record<string, string> = { [field]: item.text };
    if (field !== 'source') message.source = formatPosition(item.position);
    const sent = client.xAdd(stream, '*', message);
    // settle() reports a failure; until then this keeps it from counting as unhandled.
    sent.catch(() => {});
    pending.push(sent);
    if (pending.length >= batchSize) await settle();
  }
  await settle();
  return report;
}
