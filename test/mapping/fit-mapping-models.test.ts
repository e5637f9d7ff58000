import { describe, expect, it } from 'vitest';
import { featureNames, type FeatureContext } from '../../src/mapping/candidate-features.js';
import { chooseExtraThreshold, fitMappingModels, spreadSample } from '../../src/mapping/fit-mapping-models.js';
import type { EvidenceGatherer } from '../../src/mapping/gather-evidence.js';
import { buildEvidence } from './support/build-evidence.js';

describe('chooseExtraThreshold', () => {
  it('keeps second families that are usually right', () => {
    const queries = Array.from({ length: 10 }, () => ({ probabilities: [0.9, 0.3, 0.1], labels: [1, 1, 0] as (0 | 1)[] }));
    expect(chooseExtraThreshold(queries)).toBeLessThanOrEqual(0.3);
  });

  it('drops second families that are usually wrong', () => {
    const queries = Array.from({ length: 10 }, () => ({ probabilities: [0.9, 0.6, 0.1], labels: [1, 0, 0] as (0 | 1)[] }));
    expect(chooseExtraThreshold(queries)).toBeGreaterThan(0.6);
  });
});

describe('spreadSample', () => {
  it('spreads picks over the list', () => {
    expect(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
  });

  it('returns short lists whole', () => {
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});

describe('fitMappingModels', () => {
  const context: FeatureContext = { nameTerms: () => undefined, hasSubtechniques: () => false, platforms: () => undefined };
  // Every query ranks ten candidates by lexicon score, and the gold one is always first.
  const evidence = buildEvidence({
    lexicon: Array.from({ length: 10 }, (_, position) => ({ id: `T10${10 + position}`, score: 1 - position / 20 })),
  });
  const gatherer = { gather: () => evidence } as unknown as EvidenceGatherer;
  const queries = Array.from({ length: 40 }, () => ({ text: 'text', gold: ['T1010'], holdOut: {} }));
  // Only the intercept and the fused rank are fitted.
  const fixed = new Map(featureNames.flatMap((name, position) => (name === 'fusedRank' ? [] : [[position, 0] as const])));

  it('keeps a single fusion constant', () => {
    const models = fitMappingModels({ gatherer, context, queries, source: 'examples', fusionConstants: [60], fixed });
    expect(models.fusionConstant).toBe(60);
  });

  it('prefers small constants for first ranks', () => {
    const models = fitMappingModels({ gatherer, context, queries, source: 'examples', fusionConstants: [60, 5, 0.5], fixed });
    expect(models.fusionConstant).toBeLessThan(60);
  });

  it('weighs the fused rank positively', () => {
    const models = fitMappingModels({ gatherer, context, queries, source: 'examples', fusionConstants: [0.5], fixed });
    expect(models.family.weights[featureNames.indexOf('fusedRank')]).toBeGreaterThan(0);
  });
});
