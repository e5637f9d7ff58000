import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex, TechniqueResolution } from '../attack/attack-index.js';
import { findTechniqueIds } from '../attack/technique-id.js';
import type { DerivedFileCache } from '../cache/derived-file-cache.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import { alertSearchText } from './alert-search-text.js';
import {
  buildExampleSources,
  type BuiltExampleSources,
  exampleSourcesFromData,
  exampleSourcesToData,
  type ExampleSources,
  type ExampleSourcesData,
} from './examples/example-sources.js';
import type { LabelledRule } from './examples/labelled-rule.js';
import { ruleSearchText } from './examples/rule-search-text.js';
import { fitMappingModels, maxTrainingQueries, spreadSample, type MappingModels } from './fit-mapping-models.js';
import { featureNames } from './candidate-features.js';
import { membersByKey } from './members-by-key.js';
import { EvidenceGatherer } from './gather-evidence.js';
import { contentHash, loadMappingKnowledge, type MappingKnowledge } from './mapping-knowledge.js';
import { rankedDepth, rankTechniques } from './rank-techniques.js';
import { reviewAlertTechniques } from './review-alert-techniques.js';
import type { MapOptions, TechniqueCandidate, TechniqueMapper, TechniqueMapping } from './technique-mapping.js';

export interface CreateTechniqueMapperOptions {
  index: AttackIndex;
  cache?: DerivedFileCache;
  /** Knowledge already loaded for this index; loaded (or built) when absent. */
  knowledge?: MappingKnowledge;
  /** Labelled examples to learn from, such as a team's triaged alerts or a Sigma checkout. */
  examples?: readonly LabelledRule[];
  logger?: Logger;
}

interface ExampleLayer {
  sources: ExampleSources;
  models: MappingModels;
}

/** Minimum number of usable examples for fitting the models on the examples. */
const minExamplesForFit = 200;

/** Fits the models on the examples, each scored with its whole twin group held out as a new alert would be. */
function fitOnExamples(knowledge: MappingKnowledge, built: BuiltExampleSources): MappingModels {
  const gatherer = new EvidenceGatherer(knowledge.sources, knowledge.lexicon, built);
  const members = membersByKey(built.groups);
  const queries = built.rules.map((rule, doc) => ({
    text: ruleSearchText(rule),
    title: rule.title,
    gold: built.labels[doc]!,
    holdOut: { examples: members.get(built.groups[doc]!)! },
  }));
  // The fusion constant is the one chosen on ATT&CK texts, because choosing it again would
  // fit the family model once per candidate value.
  return fitMappingModels({
    gatherer,
    context: knowledge.context,
    queries: spreadSample(queries, maxTrainingQueries),
    source: 'examples',
    fusionConstants: [knowledge.attackModels.fusionConstant],
  });
}

function loadExampleLayer(options: CreateTechniqueMapperOptions, knowledge: MappingKnowledge, logger: Logger): ExampleLayer | undefined {
  const examples = options.examples;
  if (!examples || examples.length === 0) return undefined;
  const key = `mapping-examples-${contentHash(examples)}-${knowledge.key}`;
  const cached = options.cache?.read<{ sources: ExampleSourcesData; models: MappingModels }>(key);
  if (cached) return { sources: exampleSourcesFromData(cached.sources), models: cached.models };

  const started = performance.now();
  const built = buildExampleSources(examples, options.index);
  const usable = built.labels.length;
  if (usable === 0) return undefined;
  let layer: ExampleLayer;
  if (usable >= minExamplesForFit) {
    layer = { sources: built, models: fitOnExamples(knowledge, built) };
  } else {
    // NOTE: these examples are too few to fit on, so a close example counts like a lexicon
    // entry of the same strength. With a few hundred examples the weights are fitted instead.
    logger.info('%d labelled examples are fewer than %d, so their weight is set, not fitted', usable, minExamplesForFit);
    layer = { sources: built, models: withExampleWeight(knowledge.attackModels) };
  }
  options.cache?.write(key, { sources: exampleSourcesToData(layer.sources), models: layer.models });
  logger.info('indexed %d labelled examples (%d without a known technique) in %d ms', usable, built.dropped, Math.round(performance.now() - started));
  return layer;
}

/** Weight of the closest example's similarity when there are too few examples to fit it. */
export const fewExamplesWeight = 6;

function withExampleWeight(models: MappingModels): MappingModels {
  const weight = (model: MappingModels['technique']) => ({
    intercept: model.intercept,
    weights: model.weights.map((value, position) => (featureNames[position] === 'exampleMax' ? fewExamplesWeight : value)),
  });
  return { ...models, technique: weight(models.technique), family: weight(models.family) };
}

/** Appends predicted candidates that fell outside the first `limit`, because grounding accepts only listed IDs. */
function withPredicted(candidates: TechniqueCandidate[], predicted: readonly TechniqueCandidate[]): TechniqueCandidate[] {
  const missing = predicted.filter((candidate) => !candidates.includes(candidate));
  return missing.length === 0 ? candidates : [...candidates, ...missing];
}

function alertIdInputs(alert: Alert): string[] {
  return [...new Set(alert.attackIds.flatMap((value) => findTechniqueIds(value)))];
}

/**
 * Creates the technique mapper. It gathers evidence from the artefact lexicon, ATT&CK
 * technique profiles, procedure examples, detection analytics, software names and optional
 * labelled examples. Logistic models fitted on held-out labelled text score the candidates,
 * the predicted set is sized by confidence, and the IDs the alert carries are checked. Throws
 * only on internal errors. A cache problem is logged and the index rebuilt.
 */
export function createTechniqueMapper(options: CreateTechniqueMapperOptions): TechniqueMapper {
  const logger = options.logger ?? silentLogger;
  const knowledge = options.knowledge ?? loadMappingKnowledge(options.index, options.cache, logger);
  const examples = loadExampleLayer(options, knowledge, logger);
  const gatherer = new EvidenceGatherer(knowledge.sources, knowledge.lexicon, examples?.sources);
  const models = examples?.models ?? knowledge.attackModels;

  return {
    map(alert: Alert, mapOptions: MapOptions = {}): TechniqueMapping {
      const limit = mapOptions.limit ?? 10;
      const alertIds: TechniqueResolution[] = alertIdInputs(alert).map((id) => options.index.resolveTechnique(id));
      const evidence = gatherer.gather(alertSearchText(alert), {}, alert.ruleName ?? alert.description);
      const ranked = rankTechniques(evidence, models, knowledge.context, Math.max(limit, rankedDepth));
      const reviewed = reviewAlertTechniques(ranked, alertIds, options.index);
      return {
        candidates: withPredicted(reviewed.candidates.slice(0, limit), reviewed.predicted),
        predicted: reviewed.predicted,
        alertIds,
        notes: reviewed.notes,
        questionable: reviewed.questionable,
      };
    },
  };
}
