import type { AttackIndex } from '../attack/attack-index.js';
import { normalizeForQuoteMatch } from '../attack/clean-attack-text.js';
import { findTechniqueIds, parentTechniqueId } from '../attack/technique-id.js';
import type { ExplanationDraft } from '../explanation/explanation-schema.js';

/** ATT&CK references and quotes that the free text of a grounded draft may contain. */
export interface ReferenceScope {
  techniqueIds: Set<string>;
  mitigationIds: Set<string>;
  tacticIds: Set<string>;
  urls: Set<string>;
  /** Normalised texts a quotation may come from: ATT&CK texts of cited items and the alert. */
  quoteSources: string[];
}

/** Shortest quoted span that must be found in ATT&CK or the alert; shorter ones are phrases. */
const minQuoteLength = 25;
const urlPattern = /\bhttps?:\/\/[^\s"'<>()\]]+/gi;

/** Lists quoted spans, pairing straight double quotes in order and curly quotes by shape. */
function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  const straight = [...text.matchAll(/"/g)].map((match) => match.index);
  for (let i = 0; i + 1 < straight.length; i += 2) spans.push(text.slice(straight[i]! + 1, straight[i + 1]));
  for (const match of text.matchAll(/\u201c([^\u201c\u201d]*)\u201d/g)) spans.push(match[1] ?? '');
  return spans;
}

/** Removes URLs from a text, so that the host names inside them are not read as alert facts. */
export function withoutUrls(text: string): string {
  return text.replace(urlPattern, ' ');
}

/**
 * Normalised ATT&CK texts by index and cache key. The texts of an index never change, and a
 * batch job grounds hundreds of drafts that cite the same techniques and mitigations, so each
 * text is normalised once per index instead of once per draft.
 */
const normalizedAttackTexts = new WeakMap<AttackIndex, Map<string, string>>();

function normalizedAttackText(index: AttackIndex, key: string, text: () => string): string {
  let texts = normalizedAttackTexts.get(index);
  if (!texts) {
    texts = new Map();
    normalizedAttackTexts.set(index, texts);
  }
  let normalized = texts.get(key);
  if (normalized === undefined) {
    normalized = normalizeForQuoteMatch(text());
    texts.set(key, normalized);
  }
  return normalized;
}

function normalizeUrl(url: string): string {
  return url.replace(/[.,;:!?]+$/, '').replace(/\/+$/, '').toLowerCase();
}

/**
 * Collects what a grounded draft may cite: its techniques with their parents, tactics and
 * linked mitigations, their URLs, and the IDs and URLs written in the alert itself.
 */
export function collectReferenceScope(draft: ExplanationDraft, index: AttackIndex, alertText: string): ReferenceScope {
  const scope: ReferenceScope = { techniqueIds: new Set(findTechniqueIds(alertText)), mitigationIds: new Set(), tacticIds: new Set(), urls: new Set(), quoteSources: [normalizeForQuoteMatch(alertText)] };
  for (const match of alertText.matchAll(urlPattern)) scope.urls.add(normalizeUrl(match[0]));
  for (const match of alertText.matchAll(/\b(?:M|TA)\d{4}\b/g)) (match[0].startsWith('TA') ? scope.tacticIds : scope.mitigationIds).add(match[0]);
  for (const cited of draft.techniques) {
    const technique = index.technique(cited.id);
    if (!technique) continue;
    scope.techniqueIds.add(technique.id).add(parentTechniqueId(technique.id));
    scope.urls.add(normalizeUrl(technique.url));
    scope.quoteSources.push(normalizedAttackText(index, `technique ${technique.id}`, () => `${technique.displayName}\n${technique.description}`));
    const parent = index.technique(parentTechniqueId(technique.id));
    if (parent) {
      scope.urls.add(normalizeUrl(parent.url));
      scope.quoteSources.push(normalizedAttackText(index, `name ${parent.id}`, () => parent.displayName));
    }
    for (const tactic of index.tacticsOf(technique)) {
      scope.tacticIds.add(tactic.id);
      scope.urls.add(normalizeUrl(tactic.url));
    }
    // Keyed by position, because a technique may link one mitigation twice with two texts.
    for (const [position, { mitigation, text }] of index.mitigationsFor(technique.id).entries()) {
      scope.mitigationIds.add(mitigation.id);
      scope.urls.add(normalizeUrl(mitigation.url));
      scope.quoteSources.push(normalizedAttackText(index, `mitigation ${position} of ${technique.id}`, () => `${mitigation.name}\n${mitigation.description}\n${text}`));
    }
  }
  return scope;
}

/**
 * Lists what a sentence cites that the scope does not allow: technique, tactic and mitigation
 * IDs, URLs, and quotations of 25 characters or more found neither in ATT&CK nor in the alert.
 */
export function unsupportedReferences(sentence: string, scope: ReferenceScope): string[] {
  const problems: string[] = [];
  for (const id of findTechniqueIds(sentence.replace(urlPattern, ' '))) {
    if (!scope.techniqueIds.has(id)) problems.push(`technique ${id}`);
  }
  for (const match of sentence.replace(urlPattern, ' ').matchAll(/\b(M|TA)\d{4}\b/g)) {
    const allowed = match[1] === 'TA' ? scope.tacticIds : scope.mitigationIds;
    if (!allowed.has(match[0])) problems.push(match[1] === 'TA' ? `tactic ${match[0]}` : `mitigation ${match[0]}`);
  }
  for (const match of sentence.matchAll(urlPattern)) {
    if (!scope.urls.has(normalizeUrl(match[0]))) problems.push(`the URL ${match[0].replace(/[.,;:!?]+$/, '')}`);
  }
  for (const span of quotedSpans(sentence)) {
    const quoted = normalizeForQuoteMatch(span);
    if (quoted.length >= minQuoteLength && !scope.quoteSources.some((source) => source.includes(quoted))) {
      problems.push('a quotation found neither in ATT&CK nor in the alert');
    }
  }
  return problems;
}

/**
 * Rewrites a technique name written in brackets after its ID ("T1053.002 (Scheduled Task)")
 * to the name ATT&CK gives it. Returns the text and the IDs whose names were rewritten.
 */
export function rewriteTechniqueNames(text: string, index: AttackIndex): { text: string; rewritten: string[] } {
  const rewritten: string[] = [];
  const result = text.replace(/\b(T\d{4}(?:\.\d{3})?)\s*\(([A-Z][\w/&:,' -]{1,80})\)/g, (match, id: string, name: string) => {
    const technique = index.technique(id);
    if (!technique || name.split(/\s+/).length > 8) return match;
    const known = [technique.name, technique.displayName].map((value) => value.toLowerCase());
    if (known.includes(name.trim().toLowerCase())) return match;
    rewritten.push(id);
    return `${id} (${technique.displayName})`;
  });
  return { text: result, rewritten };
}
