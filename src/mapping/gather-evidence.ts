import type { ExampleSources } from './examples/example-sources.js';
import type { KnowledgeSources, SoftwareEntry } from './knowledge/knowledge-sources.js';
import type { LexiconMatcher } from './lexicon/match-lexicon.js';
import { alertPlatforms } from './alert-platforms.js';
import { countQueryTerms, type QueryTermCounts } from './count-query-terms.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { lexiconWords, tokenize } from './tokenize.js';

/** One piece of support for a technique from one evidence source. */
export interface EvidenceItem {
  id: string;
  score: number;
}

/** Everything the mapper found for one alert text, per source, before any weighting. */
export interface Evidence {
  lexicon: EvidenceItem[];
  profile: EvidenceItem[];
  neighbours: EvidenceItem[];
  examples: EvidenceItem[];
  /** Examples whose titles are close to the alert's rule name or signature. */
  exampleTitles: EvidenceItem[];
  software: EvidenceItem[];
  /** Posterior probabilities of naive Bayes trained on ATT&CK texts. */
  attackBayes: EvidenceItem[];
  /** Posterior probabilities of naive Bayes trained on the labelled examples. */
  exampleBayes: EvidenceItem[];
  /** Prior support from how common each technique is in the mapper's labelled data, the same for every alert. */
  prior: readonly EvidenceItem[];
  /** Readable reasons per technique ID, from the lexicon and software matches. */
  reasons: Map<string, string[]>;
  /** Stemmed query terms, for the name-overlap feature. */
  queryTerms: Set<string>;
  /** ATT&CK platforms that the text names, such as Windows or IaaS. */
  platforms: Set<string>;
}

/**
 * Documents a caller holds out of every source, so that a labelled text is never its own
 * neighbour or its own training document.
 */
export interface HoldOut {
  /** Neighbour documents (procedure examples and detection analytics), by number. */
  neighbours?: readonly number[];
  /** Labelled examples, by number. */
  examples?: readonly number[];
  /** ATT&CK software ID whose name must not count, because the query text comes from it. */
  software?: string;
}

/** How many documents each nearest-neighbour search returns. */
export const searchDepth = { profiles: 30, neighbours: 40, examples: 30, exampleTitles: 30, bayes: 10 } as const;

/** Returns evidence whose sources are all empty, with the given prior, query terms and platforms. */
export function emptyEvidence(shared: Pick<Evidence, 'prior' | 'queryTerms' | 'platforms'>): Evidence {
  return { lexicon: [], profile: [], neighbours: [], examples: [], exampleTitles: [], software: [], attackBayes: [], exampleBayes: [], reasons: new Map(), ...shared };
}

type Skip = ((doc: number) => boolean) | undefined;

function skipper(documents: readonly number[] | undefined): Skip {
  if (!documents || documents.length === 0) return undefined;
  const heldOut = new Set(documents);
  return (doc) => heldOut.has(doc);
}

function exampleLabelCounts(examples: ExampleSources): Map<string, number> {
  const counts = new Map<string, number>();
  for (const labels of examples.labels) for (const id of labels) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function quoteList(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function addReason(reasons: Map<string, string[]>, id: string, reason: string): void {
  const list = reasons.get(id) ?? [];
  if (!list.includes(reason)) list.push(reason);
  reasons.set(id, list);
}

/** Collects evidence for alert texts from the lexicon, ATT&CK knowledge, software names and examples. */
/** Number of most common techniques that are always candidates, so that ranking can weigh them. */
export const priorCandidates = 20;

/**
 * Turns label counts into prior evidence: log(1 + count) scaled so the most common technique
 * scores 1, keeping only the `priorCandidates` most common.
 */
export function priorItems(counts: Iterable<[string, number]>): EvidenceItem[] {
  const sorted = [...counts].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = Math.log1p(sorted[0]?.[1] ?? 0) || 1;
  return sorted.slice(0, priorCandidates).map(([id, count]) => ({ id, score: Math.log1p(count) / top }));
}

export class EvidenceGatherer {
  private readonly software = new PhraseMatcher<SoftwareEntry>();
  private readonly prior: EvidenceItem[];

  constructor(
    private readonly knowledge: KnowledgeSources,
    private readonly lexicon: LexiconMatcher,
    private readonly examples: ExampleSources | undefined,
  ) {
    for (const entry of knowledge.software) for (const name of entry.names) this.software.add(name, entry);
    this.prior = examples ? priorItems(exampleLabelCounts(examples)) : priorItems(Object.entries(knowledge.procedureCounts));
  }

  /**
   * Gathers the evidence of every source for one text, leaving out held-out documents. The
   * title (a rule name or signature) is also compared with the examples' titles.
   */
  gather(text: string, holdOut: HoldOut = {}, title?: string): Evidence {
    const terms = tokenize(text);
    const words = lexiconWords(text);
    const evidence = emptyEvidence({ prior: this.prior, queryTerms: new Set(terms), platforms: alertPlatforms(words) });
    const skip = { neighbour: skipper(holdOut.neighbours), example: skipper(holdOut.examples) };
    const counts = countQueryTerms(terms);
    this.addLexicon(words, evidence);
    this.addSoftware(words, evidence, holdOut.software);
    this.addSearches(counts, evidence, skip);
    this.addBayes(counts, evidence, holdOut);
    if (title) this.addTitleSearch(tokenize(title), evidence, skip.example);
    return evidence;
  }

  private addLexicon(words: readonly string[], evidence: Evidence): void {
    for (const hit of this.lexicon.matchWords(words)) {
      for (const { id, weight } of hit.entry.techniques) {
        evidence.lexicon.push({ id, score: weight });
        addReason(evidence.reasons, id, `the alert mentions ${quoteList(hit.matched)}: ${hit.entry.reason}`);
      }
    }
  }

  private addSoftware(words: readonly string[], evidence: Evidence, heldOut: string | undefined): void {
    for (const hit of this.software.matchWords(words)) {
      if (hit.value.id === heldOut) continue;
      // A tool that uses many techniques is weak evidence for any one of them.
      const weight = 1 / Math.sqrt(hit.value.techniques.length);
      for (const id of hit.value.techniques) {
        evidence.software.push({ id, score: weight });
        addReason(evidence.reasons, id, `the alert names ${hit.phrase}, software that ATT&CK lists as using this technique`);
      }
    }
  }

  private addBayes(terms: QueryTermCounts, evidence: Evidence, holdOut: HoldOut): void {
    for (const { label, probability } of this.knowledge.bayes.score(terms, searchDepth.bayes, holdOut.neighbours)) {
      evidence.attackBayes.push({ id: label, score: probability });
    }
    if (!this.examples) return;
    for (const { label, probability } of this.examples.bayes.score(terms, searchDepth.bayes, holdOut.examples)) {
      evidence.exampleBayes.push({ id: label, score: probability });
    }
  }

  private addTitleSearch(terms: readonly string[], evidence: Evidence, skip: Skip): void {
    if (!this.examples) return;
    const { titles, labels } = this.examples;
    for (const hit of titles.search(titles.queryVector(terms), searchDepth.exampleTitles, skip)) {
      const exampleLabels = labels[hit.doc]!;
      for (const id of exampleLabels) evidence.exampleTitles.push({ id, score: hit.score / exampleLabels.length });
    }
  }

  private addSearches(terms: QueryTermCounts, evidence: Evidence, skip: { neighbour: Skip; example: Skip }): void {
    const { profiles, techniqueIds, neighbours, neighbourTechnique } = this.knowledge;
    for (const hit of profiles.search(profiles.queryVector(terms), searchDepth.profiles)) {
      evidence.profile.push({ id: techniqueIds[hit.doc]!, score: hit.score });
    }
    for (const hit of neighbours.search(neighbours.queryVector(terms), searchDepth.neighbours, skip.neighbour)) {
      evidence.neighbours.push({ id: neighbourTechnique[hit.doc]!, score: hit.score });
    }
    if (!this.examples) return;
    const { index, labels } = this.examples;
    for (const hit of index.search(index.queryVector(terms), searchDepth.examples, skip.example)) {
      const exampleLabels = labels[hit.doc]!;
      for (const id of exampleLabels) evidence.examples.push({ id, score: hit.score / exampleLabels.length });
    }
  }
}
