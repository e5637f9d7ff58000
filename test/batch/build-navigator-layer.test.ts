import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildNavigatorLayers } from '../../src/batch/build-navigator-layer.js';
import { loadAttackIndex } from '../../src/attack/load-attack-index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { realAttackIndex } from '../support/real-attack.js';
import { writeTinyBundle } from '../support/tiny-bundle.js';

// The properties of ATT&CK Navigator layer format 4.5 that a layer file may contain, with
// their types. Strict objects reject any property that the format does not define.
const techniqueSchema = z.strictObject({
  techniqueID: z.string().regex(/^T\d{4}(?:\.\d{3})?$/),
  tactic: z.string().optional(),
  comment: z.string().optional(),
  enabled: z.boolean().optional(),
  score: z.number().optional(),
  color: z.string().optional(),
  showSubtechniques: z.boolean().optional(),
});
const layerSchema = z
  .strictObject({
    name: z.string().min(1),
    versions: z.strictObject({ attack: z.string().optional(), navigator: z.string().regex(/^\d+\.\d+\.\d+$/), layer: z.literal('4.5') }),
    domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
    description: z.string().optional(),
    sorting: z.number().int().min(0).max(3).optional(),
    layout: z
      .strictObject({
        layout: z.enum(['side', 'flat', 'mini']).optional(),
        showID: z.boolean().optional(),
        showName: z.boolean().optional(),
        showAggregateScores: z.boolean().optional(),
        countUnscored: z.boolean().optional(),
        aggregateFunction: z.enum(['average', 'min', 'max', 'sum']).optional(),
        expandedSubtechniques: z.enum(['none', 'all', 'annotated']).optional(),
      })
      .optional(),
    hideDisabled: z.boolean().optional(),
    techniques: z.array(techniqueSchema),
    gradient: z.strictObject({ colors: z.array(z.string().regex(/^#[0-9a-f]{6}$/i)).min(2), minValue: z.number(), maxValue: z.number() }),
    legendItems: z.array(z.strictObject({ label: z.string(), color: z.string() })).optional(),
    metadata: z.array(z.strictObject({ name: z.string(), value: z.string() })).optional(),
  })
  .refine((layer) => layer.gradient.maxValue > layer.gradient.minValue, 'gradient maxValue must exceed minValue');

describe('buildNavigatorLayers', () => {
  const counts = new Map([
    ['T1110.001', 50],
    ['T1021.001', 50],
    ['T1059.001', 7],
  ]);

  it('builds a valid layer format 4.5 layer', () => {
    const [layer] = buildNavigatorLayers({ techniqueCounts: counts, index: realAttackIndex(), name: 'test', alertCount: 57 });
    expect(layerSchema.safeParse(layer).success).toBe(true);
  });

  it('scores each technique by its alerts', () => {
    const [layer] = buildNavigatorLayers({ techniqueCounts: counts, index: realAttackIndex(), name: 'test', alertCount: 57 });
    expect(layer?.techniques.map((technique) => [technique.techniqueID, technique.score])).toEqual([
      ['T1021.001', 50],
      ['T1059.001', 7],
      ['T1110.001', 50],
    ]);
    expect(layer?.gradient.maxValue).toBe(50);
  });

  it('names the ATT&CK release', () => {
    const index = realAttackIndex();
    const [layer] = buildNavigatorLayers({ techniqueCounts: counts, index, name: 'test', alertCount: 57 });
    expect(layer?.metadata).toContainEqual({ name: 'ATT&CK release', value: index.release.label });
    expect(layer?.description).toContain(index.release.label);
  });

  it('sets the ATT&CK version when the bundle states it', () => {
    const path = writeTinyBundle({ stixVersion: '2.1', version: '18.1' });
    const index = loadAttackIndex({ attackPath: path, dataDir: process.env.IDS_EXPLAIN_DATA_DIR!, cacheDir: false, logger: silentLogger });
    const [layer] = buildNavigatorLayers({ techniqueCounts: new Map([['T1053.002', 3]]), index, name: 'test', alertCount: 3 });
    expect(layer?.versions.attack).toBe('18');
    expect(layerSchema.safeParse(layer).success).toBe(true);
  });

  it('returns an empty valid layer without techniques', () => {
    const layers = buildNavigatorLayers({ techniqueCounts: new Map(), index: realAttackIndex(), name: 'test', alertCount: 0 });
    expect(layers).toHaveLength(1);
    expect(layerSchema.safeParse(layers[0]).success).toBe(true);
  });

  it('puts techniques of another domain in their own layer', () => {
    const index = realAttackIndex();
    const icsTechnique = index.domains.find((domain) => domain.domain === 'ics-attack')?.techniques.find((technique) => !technique.revoked && !technique.deprecated);
    if (!icsTechnique) throw new Error('the real ATT&CK data has no ICS technique');
    const layers = buildNavigatorLayers({ techniqueCounts: new Map([['T1110.001', 2], [icsTechnique.id, 1]]), index, name: 'test', alertCount: 3 });
    expect(layers.map((layer) => layer.domain)).toEqual(['enterprise-attack', 'ics-attack']);
  });
});
