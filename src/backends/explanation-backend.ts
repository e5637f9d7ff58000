import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationDraft, ExplanationMetadata } from '../explanation/explanation-schema.js';
import type { Logger } from '../logging/logger.js';
import type { TechniqueMapping } from '../mapping/technique-mapping.js';

export interface DraftRequest {
  alert: Alert;
  mapping: TechniqueMapping;
  index: AttackIndex;
  maxTechniques: number;
  /** Identifier used in log lines; never the alert's content. */
  alertId: string;
  logger: Logger;
  signal?: AbortSignal;
}

/** Metadata fields a backend may set about how it produced the draft. */
export type DraftMetadata = Pick<
  ExplanationMetadata,
  'model' | 'promptVersion' | 'promptTokens' | 'completionTokens' | 'fallbackReason'
>;

export interface DraftResult {
  draft: ExplanationDraft;
  metadata?: DraftMetadata;
}

/**
 * Produces a draft explanation for one alert. Every backend (offline, LLM, replay) shares this
 * interface, so batch jobs, workers and evaluations never depend on which one runs. Drafts are
 * grounded against ATT&CK and the alert afterwards, whatever produced them.
 */
export interface ExplanationBackend {
  readonly name: string;
  draft(request: DraftRequest): Promise<DraftResult>;
}
