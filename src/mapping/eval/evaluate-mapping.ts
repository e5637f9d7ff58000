import type { AttackIndex } from '../../attack/attack-index.js';
import type { Logger } from '../../logging/logger.js';
import { silentLogger } from '../../logging/logger.js';
import type { LabelledRule } from '../examples/labelled-rule.js';
import type { TechniqueMapper } from '../technique-mapping.js';
import { assignFolds, groupRelatedRules } from './group-related-rules.js';
import { ruleToAlert } from './rule-to-alert.js';
import {
  perTacticSummary,
  reliabilityTable,
  summarizeAccuracy,
  worstMisses,
  type AccuracySummary,
  type Miss,
  type ReliabilityBin,
  type RuleOutcome,
} from './summarize-mapping-eval.js';

/** Builds a mapper that learns from the given examples (none for ATT&CK knowledge only). */
export type MapperFactory = (examples: readonly LabelledRule[] | undefined) => TechniqueMapper;

export interface EvaluateMappingOptions {
  rules: readonly LabelledRule[];
  index: AttackIndex;
  createMapper: MapperFactory;
  examples?: readonly LabelledRule[];
  /** Number of folds when the examples come from the same corpus as the rules; 5 by default. */
  folds?: number;
  /** Ranked candidates requested per rule; parent recall at 10 needs at least 10 parents. */
  depth?: number;
  logger?: Logger;
}

/** Evaluation mode: without examples, with separate examples, or grouped K-fold cross-validation. */
export type EvaluationMode = 'knowledge-only' | 'examples' | 'grouped-cross-validation';

export interface MappingEvalReport extends AccuracySummary {
  mode: EvaluationMode;
  folds: number | null;
  /** Groups of related rules and the size of the largest, when folds were used. */
  groups: number | null;
  largestGroup: number | null;
  /** Rules skipped because a gold ID is not in the loaded release. */
  skipped: number;
  /** How often each unknown gold ID occurred among the skipped rules. */
  skippedIds: Record<string, number>;
  release: string;
  perTactic: { tactic: string; n: number; hierarchicalF1: number; parentRecallAt5: number }[];
  reliability: ReliabilityBin[];
  expectedCalibrationError: number;
  worstMisses: Miss[];
  /** Wall-clock milliseconds spent building mappers and mapping rules. */
  timing: { buildMs: number; mapMs: number; rulesPerSecond: number };
}

interface ScoredRule {
  rule: LabelledRule;
  gold: string[];
  tactics: string[];
}

function resolveGold(rules: readonly LabelledRule[], index: AttackIndex) {
  const scored: ScoredRule[] = [];
  const skippedIds: Record<string, number> = {};
  let skipped = 0;
  for (const rule of rules) {
    const resolutions = rule.techniques.map((input) => index.resolveTechnique(input));
    const unknown = resolutions.filter((resolution) => !resolution.technique);
    if (unknown.length > 0 || resolutions.length === 0) {
      skipped += 1;
      for (const resolution of unknown) skippedIds[resolution.id ?? resolution.input] = (skippedIds[resolution.id ?? resolution.input] ?? 0) + 1;
      continue;
    }
    const gold = [...new Set(resolutions.map((resolution) => resolution.technique!.id))];
    const tactics = [...new Set(gold.flatMap((id) => index.technique(id)?.tactics ?? []))];
    scored.push({ rule, gold, tactics });
  }
  return { scored, skipped, skippedIds };
}

/** Tells whether examples share rules with the evaluated set, by id or by identical title and description. */
export function sharesCorpus(rules: readonly LabelledRule[], examples: readonly LabelledRule[]): boolean {
  const keys = new Set(rules.flatMap((rule) => [`id:${rule.id}`, `text:${rule.title}\n${rule.description}`]));
  return examples.some((example) => keys.has(`id:${example.id}`) || keys.has(`text:${example.title}\n${example.description}`));
}

interface FoldPlan {
  folds: number;
  groups: number;
  largestGroup: number;
  foldOfRule: Map<LabelledRule, number>;
}

function planFolds(rules: readonly LabelledRule[], examples: readonly LabelledRule[], folds: number): FoldPlan {
  const pool: LabelledRule[] = [...rules];
  const ids = new Set(rules.map((rule) => rule.id));
  for (const example of examples) if (!ids.has(example.id)) pool.push(example);
  const groupOf = groupRelatedRules(pool);
  const foldOf = assignFolds(groupOf, folds);
  const byId = new Map(pool.map((rule, position) => [rule.id, foldOf[position]!]));
  const foldOfRule = new Map<LabelledRule, number>();
  for (const rule of [...rules, ...examples]) foldOfRule.set(rule, byId.get(rule.id)!);
  const sizes = new Map<number, number>();
  for (const group of groupOf) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  return { folds, groups: sizes.size, largestGroup: Math.max(...sizes.values()), foldOfRule };
}

function evaluationMode(crossValidated: boolean, withExamples: boolean): EvaluationMode {
  if (crossValidated) return 'grouped-cross-validation';
  return withExamples ? 'examples' : 'knowledge-only';
}

function mapRules(mapper: TechniqueMapper, scored: readonly ScoredRule[], depth: number): RuleOutcome[] {
  return scored.map(({ rule, gold, tactics }) => {
    const mapping = mapper.map(ruleToAlert(rule), { limit: depth });
    const pick = (list: typeof mapping.candidates) => list.map((candidate) => ({ id: candidate.id, confidence: candidate.confidence }));
    return { id: rule.id, title: rule.title, description: rule.description, gold, tactics, predicted: pick(mapping.predicted), ranked: pick(mapping.candidates) };
  });
}

/**
 * Scores the mapper on labelled rules. Without examples it maps every rule once. With examples
 * from another corpus it learns from all of them. With examples from the same corpus it runs
 * grouped K-fold cross-validation: related rules share a fold, and each fold is scored by a
 * mapper built from the other folds' examples only. Rules whose gold IDs the release lacks are
 * skipped and counted.
 */
export function evaluateMapping(options: EvaluateMappingOptions): MappingEvalReport {
  const logger = options.logger ?? silentLogger;
  const depth = options.depth ?? 30;
  const { scored, skipped, skippedIds } = resolveGold(options.rules, options.index);
  const examples = options.examples && options.examples.length > 0 ? options.examples : undefined;
  const crossValidate = examples !== undefined && sharesCorpus(options.rules, examples);
  const plan = crossValidate ? planFolds(options.rules, examples, options.folds ?? 5) : undefined;

  const outcomes: RuleOutcome[] = [];
  let buildMs = 0;
  let mapMs = 0;
  for (let fold = 0; fold < (plan?.folds ?? 1); fold += 1) {
    const started = performance.now();
    const training = plan ? examples!.filter((example) => plan.foldOfRule.get(example) !== fold) : examples;
    const mapper = options.createMapper(training);
    const built = performance.now();
    const testing = plan ? scored.filter((item) => plan.foldOfRule.get(item.rule) === fold) : scored;
    outcomes.push(...mapRules(mapper, testing, depth));
    buildMs += built - started;
    mapMs += performance.now() - built;
    logger.info('fold %d: learned from %d examples, scored %d rules', fold + 1, training?.length ?? 0, testing.length);
  }

  const reliability = reliabilityTable(outcomes);
  return {
    mode: evaluationMode(plan !== undefined, examples !== undefined),
    folds: plan?.folds ?? null,
    groups: plan?.groups ?? null,
    largestGroup: plan?.largestGroup ?? null,
    ...summarizeAccuracy(outcomes),
    skipped,
    skippedIds,
    release: options.index.release.label,
    perTactic: perTacticSummary(outcomes),
    reliability: reliability.table,
    expectedCalibrationError: reliability.expectedCalibrationError,
    worstMisses: worstMisses(outcomes),
    timing: { buildMs: Math.round(buildMs), mapMs: Math.round(mapMs), rulesPerSecond: Math.round(outcomes.length / Math.max(mapMs / 1000, 1e-9)) },
  };
}
