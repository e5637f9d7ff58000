import { InputError } from '../errors/input-error.js';
import type { SharedBackoff } from '../llm/shared-backoff.js';
import type { ExplanationBackend } from './explanation-backend.js';
import { offlineBackend } from './offline-backend.js';

export const backendNames = ['offline'] as const;
export type BackendName = (typeof backendNames)[number];

export interface CreateBackendOptions {
  name: string;
  /** Pause shared by every worker of a job, so that a rate limit slows all of them. */
  backoff?: SharedBackoff;
}

/**
 * Returns the backend selected by `--backend`. Backends other than offline are imported only
 * when selected, so the offline path never loads LLM client libraries.
 */
export async function createBackend({ name }: CreateBackendOptions): Promise<ExplanationBackend> {
  if (name === 'offline') return offlineBackend;
  throw new InputError(`unknown --backend "${name}"`, { hint: `Use one of: ${backendNames.join(', ')}` });
}
