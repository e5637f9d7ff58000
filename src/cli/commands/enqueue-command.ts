import { createFileSource } from '../../batch/create-file-source.js';
import { inputLayoutChoices } from '../../batch/detect-layout.js';
import { InputError } from '../../errors/input-error.js';
import { connectRedis } from '../../worker/connect-redis.js';
import { enqueueAlerts } from '../../worker/enqueue-alerts.js';
import { checkRedisUrl } from '../../worker/redis-url.js';
import { parseChoiceOption } from '../parse-options.js';
import type { CommandContext } from './explain-command.js';

export interface EnqueueCommandOptions {
  redis?: string;
  stream?: string;
  field?: string;
  inputLayout?: string;
  quiet?: boolean;
}

/**
 * Runs `ids-explain enqueue`: pushes every alert of the inputs (files, folders or standard
 * input, read as `batch` reads them) to a Redis stream, one message per alert, and prints
 * what it pushed. Throws InputError for bad options or unreadable inputs, and after pushing
 * the rest when some alerts could not be read.
 */
export async function runEnqueueCommand(inputs: string[], options: EnqueueCommandOptions, context: CommandContext): Promise<void> {
  const address = checkRedisUrl(options.redis ?? context.environment.IDS_EXPLAIN_REDIS_URL);
  if (!options.stream) throw new InputError('missing --stream', { hint: 'Pass --stream NAME' });
  const layout = parseChoiceOption('--input-layout', options.inputLayout ?? 'auto', inputLayoutChoices) ?? 'auto';
  const source = createFileSource({ inputs, layout });
  const client = await connectRedis({ address, name: 'enqueue', logger: context.logger, maxRetries: 3 });
  try {
    const report = await enqueueAlerts({ client, stream: options.stream, field: options.field ?? 'alert', source, logger: context.logger });
    if (!options.quiet) {
      const ids = report.firstId ? ` (IDs ${report.firstId} to ${report.lastId})` : '';
      const blank = report.blank > 0 ? `; ${report.blank.toLocaleString('en-US')} blank lines skipped` : '';
      process.stderr.write(`Enqueued ${report.enqueued.toLocaleString('en-US')} alerts to stream ${options.stream} at ${address.display}${ids}${blank}.\n`);
    }
    if (report.skipped > 0) {
      throw new InputError(`${report.skipped} alerts were not enqueued because they could not be read`, { hint: 'The warnings above name them; fix them and enqueue them on their own' });
    }
  } finally {
    await client.close().catch(() => client.destroy());
  }
}
