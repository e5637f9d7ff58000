import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { DraftResult, ExplanationBackend } from '../backends/explanation-backend.js';
import { composeOfflineExplanation } from '../compose/compose-offline-explanation.js';
import {
  explanationSchema,
  type Explanation,
  type ExplanationDraft,
  type ExplanationMetadata,
} from '../explanation/explanation-schema.js';
import { groundExplanation } from '../ground/ground-explanation.js';
import { describeTampering, mentionsTampering } from '../injection/describe-tampering.js';
import { findObeyedInstructions } from '../injection/find-obeyed-instructions.js';
import { screenAlert, type TamperingFinding } from '../injection/screen-alert.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import type { TechniqueMapper, TechniqueMapping } from '../mapping/technique-mapping.js';
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
  /** Ends the waits before model requests are retried; see ChatRequest.stopRetries. */
  stopRetries?: AbortSignal;
  /** Clock for `metadata.generatedAt`; tests pass a fixed one. */
  now?: () => Date;
  /**
   * Runs the mapping and the backend's draft, such as in a limiter slot. Grounding and
   * validation run after it returns. By default the step runs at once.
   */
  gate?: <T>(step: () => Promise<T>) => Promise<T>;
  /** Runs the backend's model requests, inside `gate`; see DraftRequest.sendGate. */
  sendGate?: <T>(send: () => Promise<T>) => Promise<T>;
}

export const defaultMaxTechniques = 3;

interface CheckedDraft {
  result: DraftResult;
  fallbackReason?: string;
}

/**
 * Replaces a backend draft that followed text planted in the alert with the offline
 * composition. The check reads only the draft, so it holds whatever the prompt said.
 */
function rejectObeyedDraft(result: DraftResult, findings: TamperingFinding[], mapping: TechniqueMapping, compose: () => ExplanationDraft): CheckedDraft {
  const candidateIds = new Set(mapping.candidates.map((candidate) => candidate.id));
  const reasons = findObeyedInstructions(result.draft, findings, candidateIds);
  if (reasons.length === 0) return { result };
  const fields = [...new Set(findings.map((finding) => finding.fieldName))].join(', ');
  const fallbackReason = `the model's response followed instructions planted in the alert's ${fields} (${reasons.join('; ')}), so the offline composer wrote this explanation`;
  return { result: { ...result, draft: compose() }, fallbackReason };
}

function addTamperingNotice(draft: ExplanationDraft, findings: TamperingFinding[]): ExplanationDraft {
  if (findings.length === 0 || mentionsTampering(draft.interpretation.summary)) return draft;
  const summary = `${draft.interpretation.summary} ${describeTampering(findings)}`;
  return { ...draft, interpretation: { ...draft.interpretation, summary } };
}

function tamperingMetadata(findings: TamperingFinding[]): ExplanationMetadata['tampering'] {
  return findings.map(({ field, fieldName, signals, hiddenBy }) => ({ field, fieldName, signals, hiddenBy }));
}

/**
 * Explains one alert: withholds fields whose text tries to instruct automated tools, maps the
 * alert to ATT&CK techniques, requests a draft from the backend, replaces a draft that followed
 * planted text, grounds the draft against ATT&CK and the alert, and returns the validated
 * explanation. Throws what the backend throws, such as LlmRequestError.
 */
export async function explainAlert(options: ExplainAlertOptions): Promise<Explanation> {
  const { index, mapper, backend } = options;
  const logger = options.logger ?? silentLogger;
  const maxTechniques = options.maxTechniques ?? defaultMaxTechniques;
  const fingerprint = fingerprintAlert(options.alert);
  const { alert, findings } = screenAlert(options.alert);
  for (const finding of findings) logger.warn('alert %s: withheld the %s (%s): it contains instruction-like text', fingerprint, finding.fieldName, finding.field);

  const mapAndDraft = async () => {
    const mapping = mapper.map(alert, { limit: Math.max(10, maxTechniques) });
    const request = { alert, mapping, index, maxTechniques, alertId: fingerprint, logger, findings, fingerprint, ...(options.sendGate ? { sendGate: options.sendGate } : {}), ...(options.stopRetries ? { stopRetries: options.stopRetries } : {}) };
    return { mapping, drafted: await backend.draft(options.signal ? { ...request, signal: options.signal } : request) };
  };
  const { mapping, drafted } = await (options.gate ? options.gate(mapAndDraft) : mapAndDraft());
  const compose = () => composeOfflineExplanation({ alert, mapping, index, maxTechniques, findings });
  const { result, fallbackReason } = rejectObeyedDraft(drafted, findings, mapping, compose);
  if (fallbackReason) logger.warn('alert %s: %s', fingerprint, fallbackReason);
  const grounded = groundExplanation({ draft: result.draft, alert, mapping, index, fallback: compose });
  for (const correction of grounded.corrections) logger.info('alert %s: %s', fingerprint, correction);

  const notes = [...alert.notes, ...mapping.notes, ...(result.notes ?? [])];
  const metadata: ExplanationMetadata = {
    attackRelease: index.release.label,
    attackDomain: index.primary.domain,
    backend: backend.name,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    alertFingerprint: fingerprint,
    ...result.metadata,
    ...(fallbackReason ? { fallbackReason } : {}),
    ...(grounded.corrections.length > 0 ? { grounding: grounded.corrections } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(findings.length > 0 ? { tampering: tamperingMetadata(findings) } : {}),
  };
  return explanationSchema.parse({ ...addTamperingNotice(grounded.draft, findings), metadata });
}
