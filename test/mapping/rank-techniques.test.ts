import { describe, expect, it } from 'vitest';
import { featureNames, type FeatureContext } from '../../src/mapping/candidate-features.js';
import type { MappingModels } from '../../src/mapping/fit-mapping-models.js';
import type { Evidence } from '../../src/mapping/gather-evidence.js';
import { rankTechniques } from '../../src/mapping/rank-techniques.js';
import { buildEvidence } from './support/build-evidence.js';

const context: FeatureContext = {
  nameTerms: () => [],
  hasSubtechniques: (id) => id === 'T1053',
  platforms: () => undefined,
};

/** Models whose probability rises with the lexicon maximum only. */
const models: MappingModels = {
  technique: { intercept: -3, weights: featureNames.map((name) => (name === 'lexiconMax' ? 6 : 0)) },
  family: { intercept: -3, weights: featureNames.map((name) => (name === 'lexiconMax' ? 6 : 0)) },
  fusionConstant: 60,
  trainedOn: { source: 'attack-procedures', queries: 0 },
};

function evidence(lexicon: [string, number][]): Evidence {
  return buildEvidence({ lexicon: lexicon.map(([id, score]) => ({ id, score })) });
}

describe('rankTechniques', () => {
  it('predicts the sub-technique the evidence singles out', () => {
    const result = rankTechniques(evidence([['T1053.002', 1]]), models, context);
    expect(result.predicted.map((item) => item.id)).toEqual(['T1053.002']);
  });

  it('predicts the parent when sub-techniques cannot be separated', () => {
    const result = rankTechniques(evidence([['T1053.002', 0.3], ['T1053.005', 0.3], ['T1053', 1]]), models, context);
    expect(result.predicted.map((item) => item.id)).toEqual(['T1053']);
  });

  it('adds another family only when it is confident', () => {
    const weak = rankTechniques(evidence([['T1053.002', 1], ['T1059', 0.3]]), models, context);
    const strong = rankTechniques(evidence([['T1053.002', 1], ['T1059', 1]]), models, context);
    expect(weak.predicted.map((item) => item.id)).toEqual(['T1053.002']);
    expect(strong.predicted.map((item) => item.id).sort()).toEqual(['T1053.002', 'T1059']);
  });

  it('leaves out far weaker sub-techniques', () => {
    const result = rankTechniques(evidence([['T1053.002', 1], ['T1053.005', 0]]), models, context);
    expect(result.candidates.map((item) => item.id)).toEqual(['T1053', 'T1053.002']);
  });

  it('lists each family before its sub-techniques', () => {
    const result = rankTechniques(evidence([['T1053.002', 1]]), models, context);
    expect(result.candidates.map((item) => item.id)).toEqual(['T1053', 'T1053.002']);
  });
});
