import { composeOfflineExplanation } from '../compose/compose-offline-explanation.js';
import type { DraftRequest, DraftResult, ExplanationBackend } from './explanation-backend.js';

/** The default backend: composes the explanation from the alert and ATT&CK, with no LLM. */
export const offlineBackend: ExplanationBackend = {
  name: 'offline',
  async draft({ alert, mapping, index, maxTechniques, findings }: DraftRequest): Promise<DraftResult> {
    return { draft: composeOfflineExplanation({ alert, mapping, index, maxTechniques, findings: findings ?? [] }) };
  },
};
