import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { normalizeTechniqueId, parentTechniqueId } from '../attack/technique-id.js';
import { chooseAttackQuote } from '../compose/choose-attack-quote.js';
import type { ExplainedTechnique, ExplanationDraft, MitigationItem } from '../explanation/explanation-schema.js';
import { AlertFactSet } from '../facts/alert-fact-set.js';
import { alertSearchText } from '../mapping/alert-search-text.js';
import type { TechniqueMapping } from '../mapping/technique-mapping.js';

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

function keepSupportedSentences(text: string, facts: AlertFactSet, where: string, corrections: string[]): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const kept = sentences.filter((sentence) => {
    const missing = facts.unsupported(sentence);
    if (missing.length > 0) corrections.push(`removed a sentence in ${where} stating ${missing.join(', ')}, which the alert does not contain`);
    return missing.length === 0;
  });
  return kept.join(' ').trim();
}

function attackTexts(draft: ExplanationDraft, index: AttackIndex): string[] {
  const texts: string[] = [];
  for (const technique of draft.techniques) {
    texts.push(index.technique(technique.id)?.description ?? '');
    for (const { mitigation, text } of index.mitigationsFor(technique.id)) texts.push(mitigation.description, text);
  }
  return texts;
}

function groundFacts(draft: ExplanationDraft, facts: AlertFactSet, fallback: () => ExplanationDraft, corrections: string[]): ExplanationDraft {
  const check = (text: string, where: string, replacement: () => string) =>
    keepSupportedSentences(text, facts, where, corrections) || replacement();
  const checkItems = (items: MitigationItem[], where: string) =>
    items
      .map((item) => ({ ...item, action: keepSupportedSentences(item.action, facts, where, corrections) }))
      .filter((item) => item.action !== '');

  const interpretation: ExplanationDraft['interpretation'] = {
    summary: check(draft.interpretation.summary, 'the interpretation', () => fallback().interpretation.summary),
  };
  if (draft.interpretation.details) {
    const details = keepSupportedSentences(draft.interpretation.details, facts, 'the interpretation details', corrections);
    if (details) interpretation.details = details;
  }
  const impact = Object.fromEntries(
    Object.entries(draft.impact).map(([aspect, text]) => [
      aspect,
      check(text, `the ${aspect} impact`, () => fallback().impact[aspect as keyof ExplanationDraft['impact']]),
    ]),
  ) as ExplanationDraft['impact'];
  return {
    interpretation,
    techniques: draft.techniques.map((technique) => ({
      ...technique,
      explanation: check(technique.explanation, `the explanation of ${technique.id}`, () => `${technique.id} is ${technique.name} in MITRE ATT&CK.`),
    })),
    impact,
    mitigations: {
      immediate: checkItems(draft.mitigations.immediate, 'the immediate actions'),
      longTerm: checkItems(draft.mitigations.longTerm, 'the long-term actions'),
      bestPractices: checkItems(draft.mitigations.bestPractices, 'the best practices'),
    },
  };
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
 * technique; sentences stating addresses, hosts, accounts, ports or times that the alert
 * lacks are removed. Every correction is returned as a readable line.
 */
export function groundExplanation({ draft, alert, mapping, index, fallback }: GroundExplanationOptions): GroundedExplanation {
  const corrections: string[] = [];
  let cachedFallback: ExplanationDraft | undefined;
  const lazyFallback = () => (cachedFallback ??= fallback());
  const searchText = alertSearchText(alert);

  const techniques = groundTechniques(draft, mapping, index, searchText, corrections);
  const techniqueIds = techniques.map((technique) => technique.id);
  const mitigations = {
    immediate: groundMitigationList(draft.mitigations.immediate, techniqueIds, index, corrections),
    longTerm: groundMitigationList(draft.mitigations.longTerm, techniqueIds, index, corrections),
    bestPractices: groundMitigationList(draft.mitigations.bestPractices, techniqueIds, index, corrections),
  };
  const structural: ExplanationDraft = { ...draft, techniques, mitigations };
  const facts = new AlertFactSet(alert, attackTexts(structural, index));
  const factual = groundFacts(structural, facts, lazyFallback, corrections);
  return { draft: fillEmptySections(factual, lazyFallback, corrections), corrections };
}
