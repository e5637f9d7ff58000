import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { normalizeTechniqueId, parentTechniqueId } from '../attack/technique-id.js';
import { chooseAttackQuote } from '../compose/choose-attack-quote.js';
import type { ExplainedTechnique, ExplanationDraft, MitigationItem } from '../explanation/explanation-schema.js';
import { AlertFactSet, alertText } from '../facts/alert-fact-set.js';
import { alertSearchText } from '../mapping/alert-search-text.js';
import type { TechniqueMapping } from '../mapping/technique-mapping.js';
import { collectReferenceScope } from './check-references.js';
import { groundSentences } from './ground-sentences.js';

export interface GroundExplanationOptions {
  draft: ExplanationDraft;
  alert: Alert;
  mapping: TechniqueMapping;
  index: AttackIndex;
  /** Offline composition used to fill a section that grounding emptied. */
  fallback: () => ExplanationDraft;
}

export interface GroundedExplanation {
  draft: ExplanationDraft;
  /** One readable line per correction made. */
  corrections: string[];
}

function allowedTechniqueIds(mapping: TechniqueMapping): Set<string> {
  const allowed = new Set<string>();
  for (const candidate of mapping.candidates) {
    allowed.add(candidate.id);
    allowed.add(parentTechniqueId(candidate.id));
  }
  for (const resolution of mapping.alertIds) {
    if (resolution.technique) allowed.add(resolution.technique.id);
  }
  return allowed;
}

function groundTechnique(
  item: ExplainedTechnique,
  allowed: Set<string>,
  index: AttackIndex,
  alertText: string,
  corrections: string[],
): ExplainedTechnique | undefined {
  const resolution = index.resolveTechnique(item.id);
  if (!resolution.technique || resolution.status === 'deprecated') {
    corrections.push(`removed technique ${item.id}: ${resolution.note ?? 'not usable'}`);
    return undefined;
  }
  const technique = resolution.technique;
  if (resolution.status === 'revoked') corrections.push(`replaced ${item.id} with ${technique.id}: ${resolution.note}`);
  if (!allowed.has(technique.id)) {
    corrections.push(`removed technique ${technique.id}: neither the mapper nor the alert proposed it`);
    return undefined;
  }
  if (item.name !== technique.displayName) corrections.push(`rewrote the name of ${technique.id} from ATT&CK`);
  if (item.url !== technique.url) corrections.push(`rewrote the URL of ${technique.id} from ATT&CK`);

  let quote = item.attackQuote;
  if (!index.isVerbatimQuote(technique.id, quote)) {
    quote = chooseAttackQuote(index, technique.id, alertText) ?? technique.displayName;
    corrections.push(`replaced the quote for ${technique.id} with a sentence from its ATT&CK text`);
  }
  return {
    id: technique.id,
    name: technique.displayName,
    tactics: index.tacticsOf(technique).map((tactic) => ({ id: tactic.id, name: tactic.name })),
    explanation: item.explanation,
    attackQuote: quote,
    url: technique.url,
  };
}

function groundTechniques(
  draft: ExplanationDraft,
  mapping: TechniqueMapping,
  index: AttackIndex,
  alertText: string,
  corrections: string[],
): ExplainedTechnique[] {
  const allowed = allowedTechniqueIds(mapping);
  const kept = new Map<string, ExplainedTechnique>();
  for (const item of draft.techniques) {
    const canonical = normalizeTechniqueId(item.id) ?? item.id;
    const grounded = groundTechnique({ ...item, id: canonical }, allowed, index, alertText, corrections);
    if (grounded && !kept.has(grounded.id)) kept.set(grounded.id, grounded);
  }
  return [...kept.values()];
}

function groundMitigationList(
  items: MitigationItem[],
  techniqueIds: string[],
  index: AttackIndex,
  corrections: string[],
): MitigationItem[] {
  const kept: MitigationItem[] = [];
  for (const item of items) {
    if (!item.mitigation) {
      kept.push(item);
      continue;
    }
    const mitigation = index.mitigation(item.mitigation.id);
    const linked = mitigation && techniqueIds.some((id) => index.isMitigationLinked(mitigation.id, id));
    if (!mitigation || !linked) {
      corrections.push(`removed mitigation ${item.mitigation.id}: ATT&CK does not link it to a cited technique`);
      continue;
    }
    kept.push({ action: item.action, mitigation: { id: mitigation.id, name: mitigation.name, url: mitigation.url } });
  }
  return kept;
}

function attackTexts(draft: ExplanationDraft, index: AttackIndex): string[] {
  const texts: string[] = [];
  for (const technique of draft.techniques) {
    texts.push(index.technique(technique.id)?.description ?? '');
    for (const { mitigation, text } of index.mitigationsFor(technique.id)) texts.push(mitigation.description, text);
  }
  return texts;
}

function fillEmptyTechniques(techniques: ExplainedTechnique[], fallback: () => ExplanationDraft, corrections: string[]): ExplainedTechnique[] {
  if (techniques.length > 0) return techniques;
  const composed = fallback().techniques;
  if (composed.length > 0) corrections.push('filled the techniques from the offline composer because none of the cited ones could be kept');
  return composed;
}

function fillEmptySections(draft: ExplanationDraft, fallback: () => ExplanationDraft, corrections: string[]): ExplanationDraft {
  const mitigations = { ...draft.mitigations };
  for (const kind of ['immediate', 'longTerm', 'bestPractices'] as const) {
    if (mitigations[kind].length === 0) {
      mitigations[kind] = fallback().mitigations[kind];
      corrections.push(`filled the empty ${kind} mitigations from the offline composer`);
    }
  }
  return { ...draft, mitigations };
}

/**
 * Checks a draft against ATT&CK and the alert, whatever produced it, and corrects it: technique
 * IDs must exist, be current and come from the mapper or the alert; names, tactics and URLs
 * are rewritten from ATT&CK; quotes must be verbatim; mitigation IDs must be linked to a cited
 * technique; free-text sentences are removed when they state addresses, hosts, accounts, ports
 * or times that the alert lacks, cite IDs, URLs or quotations outside ATT&CK's support, or
 * dismiss the alert. An emptied technique list or section is refilled from the offline
 * composition. Every correction is returned as a readable line.
 */
export function groundExplanation({ draft, alert, mapping, index, fallback }: GroundExplanationOptions): GroundedExplanation {
  const corrections: string[] = [];
  let cachedFallback: ExplanationDraft | undefined;
  const lazyFallback = () => (cachedFallback ??= fallback());
  const searchText = alertSearchText(alert);

  const techniques = fillEmptyTechniques(groundTechniques(draft, mapping, index, searchText, corrections), lazyFallback, corrections);
  const techniqueIds = techniques.map((technique) => technique.id);
  const mitigations = {
    immediate: groundMitigationList(draft.mitigations.immediate, techniqueIds, index, corrections),
    longTerm: groundMitigationList(draft.mitigations.longTerm, techniqueIds, index, corrections),
    bestPractices: groundMitigationList(draft.mitigations.bestPractices, techniqueIds, index, corrections),
  };
  const structural: ExplanationDraft = { ...draft, techniques, mitigations };
  const facts = new AlertFactSet(alert, attackTexts(structural, index));
  const scope = collectReferenceScope(structural, index, alertText(alert));
  const factual = groundSentences(structural, { facts, scope, index, fallback: lazyFallback, corrections });
  return { draft: fillEmptySections(factual, lazyFallback, corrections), corrections };
}
