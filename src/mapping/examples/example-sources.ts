import type { AttackIndex } from '../../attack/attack-index.js';
import { groupRelatedRules } from '../eval/group-related-rules.js';
import { countDocumentTerms } from '../count-document-terms.js';
import { NaiveBayesIndex, type NaiveBayesIndexData } from '../naive-bayes-index.js';
import { tokenize } from '../tokenize.js';
import { VectorIndex, type VectorIndexData } from '../vector-index.js';
import type { LabelledRule } from './labelled-rule.js';
import { ruleSearchText } from './rule-search-text.js';

/** Labelled examples as the mapper searches them: one document per example with its techniques. */
export interface ExampleSources {
  index: VectorIndex;
  /** Titles alone, because a rule or signature name is the densest description of an alert. */
  titles: VectorIndex;
  /** Naive Bayes over the examples' techniques, with documents numbered as in `index`. */
  bayes: NaiveBayesIndex;
  /** Active technique IDs of each example, after revoked IDs were replaced by their successors. */
  labels: string[][];
  /** Twin group of each example, so that calibration can hold a whole group out. */
  groups: number[];
  /** Examples dropped because none of their IDs is in the loaded release. */
  dropped: number;
}

/** Example sources as built, with the kept rules in document order. The rules are not cached. */
export interface BuiltExampleSources extends ExampleSources {
  rules: LabelledRule[];
}

/** JSON form of ExampleSources for the derived-file cache. */
export interface ExampleSourcesData {
  index: VectorIndexData;
  titles: VectorIndexData;
  bayes: NaiveBayesIndexData;
  labels: string[][];
  groups: number[];
  dropped: number;
}

function resolveLabels(rule: LabelledRule, index: AttackIndex): string[] {
  const labels = new Set<string>();
  for (const input of rule.techniques) {
    const resolution = index.resolveTechnique(input);
    if (resolution.technique && resolution.status !== 'deprecated') labels.add(resolution.technique.id);
  }
  return [...labels];
}

/**
 * Indexes labelled examples for nearest-neighbour search. Labels are resolved against the
 * loaded release, and an example whose labels are all unknown or deprecated there is dropped.
 */
export function buildExampleSources(rules: readonly LabelledRule[], index: AttackIndex): BuiltExampleSources {
  const kept: LabelledRule[] = [];
  const labels: string[][] = [];
  for (const rule of rules) {
    const resolved = resolveLabels(rule, index);
    if (resolved.length === 0) continue;
    kept.push(rule);
    labels.push(resolved);
  }
  const counts = countDocumentTerms(kept.map((rule) => tokenize(ruleSearchText(rule))));
  return {
    index: VectorIndex.fromCounts(counts),
    titles: VectorIndex.build(kept.map((rule) => tokenize(rule.title))),
    bayes: NaiveBayesIndex.fromCounts(counts, labels),
    labels,
    groups: groupRelatedRules(kept),
    dropped: rules.length - kept.length,
    rules: kept,
  };
}

/** Converts example sources to their JSON form. */
export function exampleSourcesToData(sources: ExampleSources): ExampleSourcesData {
  return {
    labels: sources.labels,
    groups: sources.groups,
    dropped: sources.dropped,
    index: sources.index.toJSON(),
    titles: sources.titles.toJSON(),
    bayes: sources.bayes.toJSON(),
  };
}

/** Restores example sources from their JSON form. */
export function exampleSourcesFromData(data: ExampleSourcesData): ExampleSources {
  return { ...data, index: VectorIndex.fromJSON(data.index), titles: VectorIndex.fromJSON(data.titles), bayes: NaiveBayesIndex.fromJSON(data.bayes) };
}
