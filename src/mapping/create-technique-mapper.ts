import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex, TechniqueResolution } from '../attack/attack-index.js';
import { findTechniqueIds } from '../attack/technique-id.js';
import type { DerivedFileCache } from '../cache/derived-file-cache.js';
import { alertSearchText } from './alert-search-text.js';
import { buildTechniqueSearchIndex } from './build-technique-search-index.js';
import { lexicon } from './lexicon/lexicon.js';
import { LexiconMatcher } from './lexicon/match-lexicon.js';
import type { MapOptions, TechniqueCandidate, TechniqueMapper, TechniqueMapping } from './technique-mapping.js';

export interface CreateTechniqueMapperOptions {
  index: AttackIndex;
  cache?: DerivedFileCache;
}

const weights = { alert: 1.2, lexicon: 1, retrieval: 0.6 };
const searchBoost = { name: 3, description: 1, procedures: 0.5, analytics: 1.2 };

class CandidateSet {
  private readonly byId = new Map<string, TechniqueCandidate>();

  add(id: string, score: number, evidence: string, fromAlert = false): void {
    const existing = this.byId.get(id);
    if (existing) {
      existing.score += score;
      existing.fromAlert ||= fromAlert;
      if (!existing.evidence.includes(evidence)) existing.evidence.push(evidence);
      return;
    }
    this.byId.set(id, { id, score, confidence: 0, fromAlert, evidence: [evidence] });
  }

  ranked(): TechniqueCandidate[] {
    return [...this.byId.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
}

function alertIdInputs(alert: Alert): string[] {
  return [...new Set(alert.attackIds.flatMap((value) => findTechniqueIds(value)))];
}

function resolveAlertIds(alert: Alert, index: AttackIndex): TechniqueResolution[] {
  return alertIdInputs(alert).map((id) => index.resolveTechnique(id));
}

function quoteList(values: string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Maps a raw score to a probability-like confidence; a single strong source gives about 0.7. */
function confidenceOf(score: number): number {
  return Math.round((1 / (1 + Math.exp(-3 * (score - 0.7)))) * 100) / 100;
}

/**
 * Creates the technique mapper: candidates from the ATT&CK IDs that the alert carries, from
 * the artefact lexicon and from BM25 retrieval over ATT&CK technique texts, combined into one
 * ranked list with evidence and a confidence for each.
 */
export function createTechniqueMapper({ index, cache }: CreateTechniqueMapperOptions): TechniqueMapper {
  const search = buildTechniqueSearchIndex(index, cache);
  const matcher = new LexiconMatcher(lexicon);

  const addAlertIds = (resolutions: TechniqueResolution[], candidates: CandidateSet, notes: string[]) => {
    for (const resolution of resolutions) {
      if (resolution.note) notes.push(resolution.note);
      // Deprecated techniques stay out of the candidates; the note flags them instead.
      if (!resolution.technique || resolution.status === 'deprecated') continue;
      candidates.add(resolution.technique.id, weights.alert, 'the alert itself carries this technique ID', true);
    }
  };

  const addLexiconHits = (text: string, candidates: CandidateSet) => {
    for (const hit of matcher.match(text)) {
      for (const { id, weight } of hit.entry.techniques) {
        if (!index.technique(id) || index.technique(id)?.revoked) continue;
        candidates.add(id, weights.lexicon * weight, `the alert mentions ${quoteList(hit.matched)}, and ${hit.entry.reason}`);
      }
    }
  };

  const addRetrieval = (text: string, candidates: CandidateSet) => {
    const results = search.search(text, { boost: searchBoost, combineWith: 'OR' }).slice(0, 30);
    const top = results[0]?.score ?? 0;
    for (const result of results) {
      const terms = quoteList(result.terms.slice(0, 5));
      candidates.add(String(result.id), (weights.retrieval * result.score) / top, `its ATT&CK text shares the terms ${terms} with the alert`);
    }
  };

  return {
    map(alert: Alert, options: MapOptions = {}): TechniqueMapping {
      const limit = options.limit ?? 10;
      const notes: string[] = [];
      const candidates = new CandidateSet();
      const alertIds = resolveAlertIds(alert, index);
      const text = alertSearchText(alert);

      addAlertIds(alertIds, candidates, notes);
      addLexiconHits(text, candidates);
      addRetrieval(text, candidates);

      const ranked = candidates.ranked().slice(0, limit);
      for (const candidate of ranked) candidate.confidence = confidenceOf(candidate.score);
      const predicted = ranked.filter((candidate, position) => position === 0 || candidate.confidence >= 0.5);
      return { candidates: ranked, predicted, alertIds, notes };
    },
  };
}
