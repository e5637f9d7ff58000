import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationBackend } from '../backends/explanation-backend.js';
import { composeOfflineExplanation } from '../compose/compose-offline-explanation.js';
import { explanationSchema, type Explanation, type ExplanationMetadata } from '../explanation/explanation-schema.js';
import { groundExplanation } from '../ground/ground-explanation.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';
import { fingerprintAlert } from './fingerprint-alert.js';

export interface ExplainAlertOptions {
  alert: Alert;
  index: AttackIndex;
  mapper: TechniqueMapper;
  backend: ExplanationBackend;
  /** Maximum number of techniques in the explanation. */
  maxTechniques?: number;
  logger?: Logger;
  signal?: AbortSignal;
  /** Clock for `metadata.generatedAt`; tests pass a fixed one. */
  now?: () => Date;
}

export const defaultMaxTechniques = 3;

/**
 * Explains one alert: maps it to ATT&CK techniques, asks the backend for a draft, grounds
 * the draft against ATT&CK and the alert, and returns the validated explanation.
 */
export async function explainAlert(options: ExplainAlertOptions): Promise<Explanation> {
  const { alert, index, mapper, backend } = options;
  const logger = options.logger ?? silentLogger;
  const maxTechniques = options.maxTechniques ?? defaultMaxTechniques;
  const fingerprint = fingerprintAlert(alert);

  const mapping = mapper.map(alert, { limit: Math.max(10, maxTechniques) });
  const request = { alert, mapping, index, maxTechniques, alertId: fingerprint, logger };
  const result = await backend.draft(options.signal ? { ...request, signal: options.signal } : request);
  const fallback = () => composeOfflineExplanation({ alert, mapping, index, maxTechniques });
  const grounded = groundExplanation({ draft: result.draft, alert, mapping, index, fallback });
  for (const correction of grounded.corrections) logger.info('alert %s: %s', fingerprint, correction);

  const notes = [...alert.notes, ...mapping.notes];
  const metadata: ExplanationMetadata = {
    attackRelease: index.release.label,
    attackDomain: index.primary.domain,
    backend: backend.name,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    alertFingerprint: fingerprint,
    ...result.metadata,
    ...(grounded.corrections.length > 0 ? { grounding: grounded.corrections } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
  return explanationSchema.parse({ ...grounded.draft, metadata });
}
