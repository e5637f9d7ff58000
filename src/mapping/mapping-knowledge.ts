import { createHash } from 'node:crypto';
import type { AttackIndex } from '../attack/attack-index.js';
import type { DerivedFileCache } from '../cache/derived-file-cache.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import { featureNames, fusionConstantGrid, type FeatureContext } from './candidate-features.js';
import { fitMappingModels, spreadSample, type MappingModels, type TrainingQuery } from './fit-mapping-models.js';
import { EvidenceGatherer } from './gather-evidence.js';
import {
  buildKnowledgeSources,
  knowledgeSourcesFromData,
  knowledgeSourcesToData,
  type KnowledgeSources,
  type KnowledgeSourcesData,
} from './knowledge/knowledge-sources.js';
import { lexicon } from './lexicon/lexicon.js';
import { membersByKey } from './members-by-key.js';
import { LexiconMatcher } from './lexicon/match-lexicon.js';

/** Version of the cached mapping knowledge; bump it when the layout or the way it is built changes. */
export const mappingKnowledgeVersion = 9;

/**
 * Knowledge the mapper derives from one ATT&CK release: its knowledge sources, the compiled
 * lexicon and the models fitted on ATT&CK procedure examples, used when no labelled examples
 * are configured.
 */
export interface MappingKnowledge {
  key: string;
  sources: KnowledgeSources;
  lexicon: LexiconMatcher;
  context: FeatureContext;
  attackModels: MappingModels;
}

interface CachedKnowledge {
  sources: KnowledgeSourcesData;
  attackModels: MappingModels;
}

/** Returns a short hash of a JSON value, for cache keys. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** Builds the feature lookups (technique names, which parents have sub-techniques) from the sources. */
export function featureContext(sources: KnowledgeSources): FeatureContext {
  const names = new Map(sources.techniqueIds.map((id, position) => [id, sources.nameTerms[position]!]));
  const platforms = new Map(sources.techniqueIds.map((id, position) => [id, sources.platforms[position]!]));
  const parents = new Set(sources.techniqueIds.filter((id) => id.includes('.')).map((id) => id.slice(0, id.indexOf('.'))));
  return { nameTerms: (id) => names.get(id), hasSubtechniques: (id) => parents.has(id), platforms: (id) => platforms.get(id) };
}

/**
 * Procedure examples and detection analytics used as training queries, half of each. The
 * ATT&CK-only models fit four weights, for which 600 queries (about 27,000 candidate rows)
 * give the same accuracy as 1,000 at less build time.
 */
export const attackTrainingQueries = 600;

function attackQueries(index: AttackIndex, sources: KnowledgeSources): TrainingQuery[] {
  const procedures = new Map(sources.techniqueIds.map((id) => [id, index.proceduresFor(id)]));
  const analytics = new Map(sources.techniqueIds.map((id) => [id, index.analyticsFor(id)]));
  const procedureQueries: TrainingQuery[] = [];
  const analyticQueries: TrainingQuery[] = [];
  const seenProcedures = new Map<string, number>();
  const seenAnalytics = new Map<string, number>();
  const documentsBySource = membersByKey(sources.neighbourSource);
  // Neighbour documents were built technique by technique, each kind in the order the index lists it.
  sources.neighbourTechnique.forEach((id, doc) => {
    const source = sources.neighbourSource[doc]!;
    // Nothing from the query's own group, software or detection strategy may vote for it.
    const neighbours = documentsBySource.get(source)!;
    if (source.startsWith('DET')) {
      const position = seenAnalytics.get(id) ?? 0;
      seenAnalytics.set(id, position + 1);
      analyticQueries.push({ text: analytics.get(id)![position]!.text, gold: [id], holdOut: { neighbours } });
    } else {
      const position = seenProcedures.get(id) ?? 0;
      seenProcedures.set(id, position + 1);
      const procedure = procedures.get(id)![position]!;
      procedureQueries.push({ text: procedure.text, gold: [id], holdOut: { neighbours, software: procedure.sourceId } });
    }
  });
  const half = Math.floor(attackTrainingQueries / 2);
  return [...spreadSample(procedureQueries, half), ...spreadSample(analyticQueries, half)];
}

/**
 * Weights that the ATT&CK-only models take as set instead of fitting. Their training texts
 * (procedure examples and detection analytics) are written unlike alerts: weights fitted per
 * source on them transfer poorly, and they seldom name artefacts the way alerts do, so a fit
 * even learns a negative weight for the lexicon. The fit therefore covers only the intercept,
 * the fused rank (which needs no per-source weight), the prior and the platform mismatch. The lexicon keeps the
 * meaning its weights were written with: a weight of 1 ("the artefact nearly settles the
 * technique") adds 6 to the log-odds, enough to lift a technique that nothing else supports
 * from the base rate to better than even odds. Every other feature gets weight 0.
 */
export const attackOnlyFixedWeights: ReadonlyMap<number, number> = new Map(
  featureNames.flatMap((name, position) => {
    if (name === 'fusedRank' || name === 'prior' || name === 'platformMismatch') return [];
    return [[position, name === 'lexiconMax' ? 6 : 0] as const];
  }),
);

function build(index: AttackIndex): CachedKnowledge {
  const sources = buildKnowledgeSources(index);
  const matcher = new LexiconMatcher(lexicon);
  const gatherer = new EvidenceGatherer(sources, matcher, undefined);
  const attackModels = fitMappingModels({
    gatherer,
    context: featureContext(sources),
    queries: attackQueries(index, sources),
    source: 'attack-procedures',
    fusionConstants: fusionConstantGrid,
    fixed: attackOnlyFixedWeights,
  });
  return { sources: knowledgeSourcesToData(sources), attackModels };
}

/**
 * Loads the mapping knowledge for the index's primary domain from the cache, or builds it
 * and caches it. The cache key covers the bundle, the lexicon, the feature names and this
 * layout version.
 */
export function loadMappingKnowledge(index: AttackIndex, cache?: DerivedFileCache, logger: Logger = silentLogger): MappingKnowledge {
  const key = `mapping-knowledge-${index.primary.bundleHash.slice(0, 16)}-${contentHash({ lexicon, featureNames })}-v${mappingKnowledgeVersion}`;
  let cached = cache?.read<CachedKnowledge>(key);
  if (!cached) {
    const started = performance.now();
    cached = build(index);
    cache?.write(key, cached);
    logger.info('built the technique mapping index in %d ms', Math.round(performance.now() - started));
  }
  const sources = knowledgeSourcesFromData(cached.sources);
  return { key, sources, lexicon: new LexiconMatcher(lexicon), context: featureContext(sources), attackModels: cached.attackModels };
}
