import { IdsExplainError } from '../../errors/ids-explain-error.js';
import { InputError } from '../../errors/input-error.js';
import { evaluateMapping, type MappingEvalReport } from '../../mapping/eval/evaluate-mapping.js';
import { renderMappingReport } from '../../mapping/eval/render-mapping-report.js';
import { selectSplit, type EvaluationSplit } from '../../mapping/eval/select-split.js';
import { readExamples } from '../../mapping/examples/read-examples.js';
import { readLabelledRules } from '../../mapping/examples/read-labelled-rules.js';
import { createTechniqueMapper } from '../../mapping/create-technique-mapper.js';
import { loadMappingKnowledge } from '../../mapping/mapping-knowledge.js';
import { loadIndex, openDerivedCache } from '../../runtime/load-knowledge.js';
import { parseIntegerOption } from '../parse-options.js';
import type { CommandContext } from './explain-command.js';

export interface EvalMappingOptions {
  set?: string;
  examples?: string;
  folds?: string;
  split?: string;
  json?: boolean;
  attack?: string;
  cache: boolean;
  minHierarchicalF1?: string;
  minParentRecallAt5?: string;
  minParentRecallAt10?: string;
}

function parseFraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new InputError(`invalid ${name} "${value}"`, { hint: 'Use a number from 0 to 1, such as 0.45' });
  }
  return number;
}

function parseSplit(value: string | undefined): EvaluationSplit | undefined {
  if (value === undefined || value === 'dev' || value === 'test') return value;
  throw new InputError(`invalid --split "${value}"`, { hint: 'Use --split dev or --split test, or leave it out to score every rule' });
}

type Thresholds = [label: string, key: 'hierarchicalF1' | 'parentRecallAt5' | 'parentRecallAt10', minimum: number | undefined][];

function parseThresholds(options: EvalMappingOptions): Thresholds {
  return [
    ['hierarchical F1', 'hierarchicalF1', parseFraction('--min-hierarchical-f1', options.minHierarchicalF1)],
    ['parent recall@5', 'parentRecallAt5', parseFraction('--min-parent-recall-at-5', options.minParentRecallAt5)],
    ['parent recall@10', 'parentRecallAt10', parseFraction('--min-parent-recall-at-10', options.minParentRecallAt10)],
  ];
}

function failedThresholds(report: MappingEvalReport, thresholds: Thresholds): string[] {
  return thresholds
    .filter(([, key, minimum]) => minimum !== undefined && report[key] < minimum)
    .map(([label, key, minimum]) => `${label} ${report[key].toFixed(4)} is below ${minimum}`);
}

/**
 * Runs `ids-explain eval mapping`: scores the technique mapper on labelled rules and prints a
 * report or one JSON object. Throws InputError for bad options or files, and IdsExplainError
 * (exit code 1) after printing when a `--min-*` threshold is not met.
 */
export async function runEvalMappingCommand(options: EvalMappingOptions, context: CommandContext): Promise<void> {
  if (!options.set) throw new InputError('missing --set', { hint: 'Pass --set FILE.jsonl with labelled rules to score' });
  const folds = parseIntegerOption('--folds', options.folds, { min: 2, max: 20 }) ?? 5;
  const thresholds = parseThresholds(options);
  const split = parseSplit(options.split);
  const allRules = readLabelledRules(options.set);
  // An empty set would print a report of zeros and pass every threshold check.
  if (allRules.length === 0) throw new InputError(`${options.set} has no labelled rules`, { hint: 'Pass --set FILE.jsonl with one labelled rule per line' });
  const rules = selectSplit(allRules, split);
  const examples = options.examples ? readExamples(options.examples, context.logger) : undefined;
  const load = { environment: context.environment, useCache: options.cache, logger: context.logger };
  const index = loadIndex({ ...load, ...(options.attack !== undefined ? { attackPath: options.attack } : {}) });
  const knowledge = loadMappingKnowledge(index, openDerivedCache(load), context.logger);

  const report = evaluateMapping({
    rules,
    index,
    folds,
    ...(examples ? { examples } : {}),
    // Fold mappers are not cached: each fold's examples differ and are used once.
    createMapper: (training) => createTechniqueMapper({ index, knowledge, ...(training ? { examples: training } : {}), logger: context.logger }),
    logger: context.logger,
  });
  context.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderMappingReport(report));

  const failures = failedThresholds(report, thresholds);
  if (failures.length > 0) throw new IdsExplainError(`mapping accuracy below threshold: ${failures.join('; ')}`);
}
