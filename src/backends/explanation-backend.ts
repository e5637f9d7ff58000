import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationDraft, ExplanationMetadata } from '../explanation/explanation-schema.js';
import type { Logger } from '../logging/logger.js';
import type { TamperingFinding } from '../injection/screen-alert.js';
import type { TechniqueMapping } from '../mapping/technique-mapping.js';

export interface DraftRequest {
  /** The screened alert: fields with instruction-like text are already withheld. */
  alert: Alert;
  mapping: TechniqueMapping;
  index: AttackIndex;
  maxTechniques: number;
  /** Identifier used in log lines; never the alert's content. */
  alertId: string;
  logger: Logger;
  signal?: AbortSignal;
  /** Ends the waits before model requests are retried; see ChatRequest.stopRetries. */
  stopRetries?: AbortSignal;
  /** Fields withheld from the alert because they contain instruction-like text. */
  findings?: TamperingFinding[];
  /** Fingerprint of the alert as received (see fingerprintAlert); replay finds recordings by it. */
  fingerprint?: string;
  /**
   * Runs the requests to the model, such as in a limiter slot, for backends whose
   * `usesSendGate` is true. The backend assembles its prompt before it calls this.
   */
  sendGate?: <T>(send: () => Promise<T>) => Promise<T>;
}

/** Metadata fields a backend may set about how it produced the draft. */
export type DraftMetadata = Pick<
  ExplanationMetadata,
  'model' | 'promptVersion' | 'promptTokens' | 'completionTokens' | 'fallbackReason'
>;

export interface DraftResult {
  draft: ExplanationDraft;
  metadata?: DraftMetadata;
  /** Remarks for `metadata.notes`, such as a replayed response that no model wrote. */
  notes?: string[];
}

/**
 * Produces a draft explanation for one alert. Every backend (offline, LLM, replay) shares this
 * interface, so batch jobs, workers and evaluations never depend on which one runs. Drafts are
 * grounded against ATT&CK and the alert afterwards, whatever produced them.
 */
export interface ExplanationBackend {
  readonly name: string;
  /** Model that writes the drafts, for backends that call one; part of every cache key. */
  readonly model?: string;
  /** Version of the prompt templates, for backends that use them; part of every cache key. */
  readonly promptVersion?: string;
  /**
   * True when `draft` sends its model requests through `request.sendGate`. A batch job then
   * prepares the next prompts while requests are in flight, and a freed slot sends at once.
   */
  readonly usesSendGate?: boolean;
  draft(request: DraftRequest): Promise<DraftResult>;
}
