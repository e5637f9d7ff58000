import type { Alert } from '../alert/alert-schema.js';
import type { TacticRecord, TechniqueRecord } from '../attack/attack-data.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationDraft } from '../explanation/explanation-schema.js';
import { alertSearchText } from '../mapping/alert-search-text.js';
import type { TamperingFinding } from '../injection/screen-alert.js';
import type { TechniqueMapping } from '../mapping/technique-mapping.js';
import { assessImpact } from './assess-impact.js';
import { createComposeContext } from './compose-context.js';
import { explainTechnique } from './explain-technique.js';
import { interpretAlert } from './interpret-alert.js';
import { recommendMitigations } from './recommend-mitigations.js';

export interface ComposeOfflineOptions {
  alert: Alert;
  mapping: TechniqueMapping;
  index: AttackIndex;
  maxTechniques: number;
  /** Alert fields withheld for instruction-like text; the explanation warns about them. */
  findings?: TamperingFinding[];
}

function selectTechniques(mapping: TechniqueMapping, index: AttackIndex, maxTechniques: number): TechniqueRecord[] {
  const chosen = mapping.predicted.length > 0 ? mapping.predicted : mapping.candidates.slice(0, 1);
  return chosen
    .slice(0, maxTechniques)
    .map((candidate) => index.technique(candidate.id))
    .filter((technique): technique is TechniqueRecord => technique !== undefined && !technique.revoked && !technique.deprecated);
}

function tacticsOf(techniques: TechniqueRecord[], index: AttackIndex): TacticRecord[] {
  const tactics = new Map<string, TacticRecord>();
  for (const technique of techniques) {
    for (const tactic of index.tacticsOf(technique)) tactics.set(tactic.id, tactic);
  }
  return [...tactics.values()];
}

/**
 * Composes all four sections from the alert and ATT&CK alone, deterministically: the same
 * alert, mapping and ATT&CK release always give the same text.
 */
export function composeOfflineExplanation({ alert, mapping, index, maxTechniques, findings = [] }: ComposeOfflineOptions): ExplanationDraft {
  const context = createComposeContext(alert, findings);
  const techniques = selectTechniques(mapping, index, maxTechniques);
  const tactics = tacticsOf(techniques, index);
  const alertText = alertSearchText(alert);
  const notes = [...alert.notes, ...mapping.notes];

  return {
    interpretation: interpretAlert(techniques, index, context, notes),
    techniques: techniques.map((technique) =>
      explainTechnique(technique, mapping.candidates.find((candidate) => candidate.id === technique.id), index, alertText),
    ),
    impact: assessImpact(tactics, context),
    mitigations: recommendMitigations(techniques, tactics, index, context),
  };
}
