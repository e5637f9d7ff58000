import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationBackend } from '../backends/explanation-backend.js';
import { createSharedBackoff } from '../llm/shared-backoff.js';
import type { Logger } from '../logging/logger.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';
import type { AlertSource } from './alert-source.js';
import type { SinkRecord } from './batch-record.js';
import { ExplanationCache } from './explanation-cache.js';
import { createGroupingSink } from './grouping-sink.js';
import { runBatchJob } from './run-batch-job.js';

export interface ExplainStormOptions {
  /** One alert text per element, as the lines of a JSON Lines file. */
  texts: string[];
  /** Name of the input, used in the records' positions and in error messages. */
  origin: string;
  index: AttackIndex;
  mapper: TechniqueMapper;
  backend: ExplanationBackend;
  maxTechniques: number;
  logger: Logger;
}

/** Size cap of the temporary cache; a storm has few fingerprints. */
const temporaryCacheBytes = 64 * 1024 * 1024;

/**
 * Explains a storm of alerts the way `batch --group` does and returns its records: one group
 * record per fingerprint and source/target pair, plus a failed record for each alert that
 * could not be read. The cache lives in a temporary database for this call only.
 */
export async function explainStorm(options: ExplainStormOptions): Promise<SinkRecord[]> {
  const records: SinkRecord[] = [];
  const sink = createGroupingSink({ write: (record) => void records.push(record), close: async () => {} });
  const source: AlertSource = {
    async *items() {
      for (const [position, text] of options.texts.entries()) yield { position: { file: options.origin, line: position + 1 }, text };
    },
    progress: () => ({ bytesRead: 0 }),
  };
  const cache = new ExplanationCache({ path: '', maxBytes: temporaryCacheBytes, logger: options.logger });
  try {
    await runBatchJob({ ...options, source, sink, backoff: createSharedBackoff(), cache, concurrency: 1 });
    await sink.close();
  } finally {
    cache.close();
  }
  return records;
}
